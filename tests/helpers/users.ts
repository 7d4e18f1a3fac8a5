import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import type { User } from '../../payload-types'

export const TEST_PASSWORD = 'Calm-Waters-42!'

export const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@spa.test`

/** A role, or a reviewer who may also approve health claims (myths: payload.config.ts). */
export type TestRole = Role | 'claims-reviewer'

/** Creates a user as the system (no access checks), as a test fixture. */
export async function createUser(payload: Payload, role: TestRole, label: string = role): Promise<User> {
  const claims = role === 'claims-reviewer'
  return (await payload.create({
    collection: 'users',
    data: {
      email: uniqueEmail(label),
      password: TEST_PASSWORD,
      role: claims ? 'reviewer' : role,
      ...(claims ? { reviewerRoles: ['claims-reviewer' as const] } : {}),
    },
    overrideAccess: true,
  })) as User
}

export async function deleteUsers(payload: Payload, users: (User | undefined)[]): Promise<void> {
  const ids = users.filter((user): user is User => Boolean(user)).map((user) => user.id)
  if (ids.length) await payload.delete({ collection: 'users', where: { id: { in: ids } }, overrideAccess: true })
}
