/**
 * Users and roles through Payload's local API with overrideAccess: false, as each role.
 */
import type { User } from '../../payload-types'
import { useFixtures, useLocalPayload, useUsers } from '../helpers/suite'
import { deleteUsers, TEST_PASSWORD, uniqueEmail } from '../helpers/users'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const people = useUsers(fixtures, { admin: 'admin', reviewer: 'reviewer', writer: 'writer', otherWriter: 'writer' })

const asUser = (user: User | undefined) => ({
  user: user ? { ...user, collection: 'users' as const } : undefined,
  overrideAccess: false,
})

describe('creating users', () => {
  it('lets an admin create a user with any role', async () => {
    const created = await payload.create({
      collection: 'users',
      data: { email: uniqueEmail('new-reviewer'), password: TEST_PASSWORD, role: 'reviewer' },
      ...asUser(people.admin),
    })
    expect(created.role).toBe('reviewer')
    await deleteUsers(payload, [created as User])
  })

  it.each([
    ['reviewer', () => people.reviewer],
    ['writer', () => people.writer],
    ['anonymous', () => undefined],
  ])('refuses a %s', async (_label, who) => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: uniqueEmail('intruder'), password: TEST_PASSWORD, role: 'admin' },
        ...asUser(who()),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('changing roles', () => {
  it('lets an admin change another user’s role', async () => {
    const target = await fixtures.user('writer', 'promoted')
    const updated = await payload.update({
      collection: 'users',
      id: target.id,
      data: { role: 'reviewer' },
      ...asUser(people.admin),
    })
    expect(updated.role).toBe('reviewer')
    await deleteUsers(payload, [target])
  })

  it('refuses an admin changing their own role, with a reason', async () => {
    await expect(
      payload.update({ collection: 'users', id: people.admin.id, data: { role: 'writer' }, ...asUser(people.admin) }),
    ).rejects.toMatchObject({ status: 403, message: 'You cannot change your own role.' })
    expect((await payload.findByID({ collection: 'users', id: people.admin.id })).role).toBe('admin')
  })

  it('refuses a writer promoting themselves', async () => {
    await expect(
      payload.update({ collection: 'users', id: people.writer.id, data: { role: 'admin' }, ...asUser(people.writer) }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'users', id: people.writer.id })).role).toBe('writer')
  })

  it('refuses a reviewer changing someone else’s role', async () => {
    await expect(
      payload.update({
        collection: 'users',
        id: people.writer.id,
        data: { role: 'reviewer' },
        ...asUser(people.reviewer),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('still lets users edit their own name', async () => {
    const updated = await payload.update({
      collection: 'users',
      id: people.writer.id,
      data: { name: 'Wendy Writer' },
      ...asUser(people.writer),
    })
    expect(updated.name).toBe('Wendy Writer')
    expect(updated.role).toBe('writer')
  })
})

describe('reading and deleting users', () => {
  const ours = () => ({ id: { in: [people.admin.id, people.reviewer.id, people.writer.id, people.otherWriter.id] } })

  it('shows a reviewer the team, emails included, without secrets', async () => {
    const { docs } = await payload.find({ collection: 'users', where: ours(), ...asUser(people.reviewer) })
    expect(docs.map((doc) => doc.id).sort()).toEqual(
      [people.admin.id, people.reviewer.id, people.writer.id, people.otherWriter.id].sort(),
    )
    expect(docs.every((doc) => typeof doc.email === 'string')).toBe(true)
    expect(JSON.stringify(docs)).not.toMatch(/"(hash|salt|resetPasswordToken)"/)
  })

  it('shows a writer their own account and the names of reviewers and admins, not other writers or emails', async () => {
    const { docs } = await payload.find({ collection: 'users', where: ours(), ...asUser(people.writer) })
    expect(docs.map((doc) => doc.id).sort()).toEqual([people.admin.id, people.reviewer.id, people.writer.id].sort())
    for (const doc of docs)
      expect({ id: doc.id, hasEmail: 'email' in doc }).toEqual({ id: doc.id, hasEmail: doc.id === people.writer.id })
  })

  it("lets a writer not filter on others' emails", async () => {
    await expect(
      payload.find({
        collection: 'users',
        where: { email: { like: people.reviewer.email.slice(0, 3) } },
        ...asUser(people.writer),
      }),
    ).rejects.toThrow(/cannot be queried/)
  })

  it('shows admins every account', async () => {
    const { docs } = await payload.find({ collection: 'users', limit: 0, ...asUser(people.admin) })
    expect(docs.map((doc) => doc.id)).toEqual(
      expect.arrayContaining([people.admin.id, people.reviewer.id, people.writer.id]),
    )
  })

  it('refuses anonymous reads', async () => {
    await expect(payload.find({ collection: 'users', ...asUser(undefined) })).rejects.toMatchObject({ status: 403 })
  })

  it('lets only admins delete accounts', async () => {
    const target = await fixtures.user('writer', 'leaving')
    await expect(
      payload.delete({ collection: 'users', id: target.id, ...asUser(people.reviewer) }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.delete({ collection: 'users', id: target.id, ...asUser(people.admin) })
    await expect(payload.findByID({ collection: 'users', id: target.id })).rejects.toMatchObject({ status: 404 })
  })
})

// Payload types unlock's data like a login; only the email is used.
const unlockData = (email: string) => ({ email }) as { email: string; password: string }

describe('unlocking accounts', () => {
  it.each([
    ['reviewer', () => people.reviewer],
    ['writer', () => people.writer],
  ])('refuses a %s', async (_label, who) => {
    await expect(
      payload.unlock({ collection: 'users', data: unlockData(people.admin.email), ...asUser(who()) }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('lets an admin unlock an account', async () => {
    await expect(
      payload.unlock({ collection: 'users', data: unlockData(people.writer.email), ...asUser(people.admin) }),
    ).resolves.toBe(true)
  })
})
