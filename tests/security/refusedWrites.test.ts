/**
 * A write that is refused leaves the database exactly as it was, on every path: bulk
 * `PATCH /api/<collection>?where=…` (Payload commits the documents that passed and reports the
 * others), single REST updates, GraphQL and the local API on a user's behalf. Each attack reads
 * the state back: the live document, its newest draft, its versions and its audit trail.
 */
import {
  anonymously,
  asUser,
  CONTENT_COLLECTIONS,
  GRAPHQL,
  TITLE_FIELD,
  type ContentCollection,
} from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'
import { auditTrailOf } from '../reliability/auditTrail'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { label: 'refused', http })

/** Everything a refused write could have touched. */
async function stateOf(collection: ContentCollection, id: number) {
  const live = await payload.find({ collection, where: { id: { equals: id } }, depth: 0, ...anonymously })
  const latest = await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })
  const versions = await payload.countVersions({ collection, where: { parent: { equals: id } }, overrideAccess: true })
  const { docs: latestFlags } = await payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    limit: 10,
    overrideAccess: true,
  })
  return {
    publicTitles: live.docs.map((doc) => (doc as unknown as Record<string, unknown>)[TITLE_FIELD[collection]]),
    stage: latest.workflowStage,
    updatedAt: latest.updatedAt,
    status: latest._status,
    versions: versions.totalDocs,
    latestVersions: latestFlags.length,
    audit: (await auditTrailOf(payload, collection, id)).length,
  }
}

const liveByWriter = (collection: ContentCollection, label: string) =>
  fixtures.published(collection, `${label} ${collection} ${Date.now()}`, { author: people.writer.id })

describe.each(CONTENT_COLLECTIONS)('%s', (collection) => {
  it.each([
    ['the writer who wrote it', 'writer'],
    ['a reviewer', 'reviewer'],
  ] as const)('a bulk PATCH that unpublishes a live document by %s is refused and changes nothing', async (_, who) => {
    const live = await liveByWriter(collection, 'Bulk')
    const before = await stateOf(collection, live.id)
    const { status, body } = await http.patch(
      `/api/${collection}?where[id][equals]=${live.id}`,
      { _status: 'draft' },
      who,
    )
    expect(status).toBeGreaterThanOrEqual(400)
    expect(body.errors[0].message).toMatch(/Nothing was updated/)
    expect(await stateOf(collection, live.id)).toEqual(before)
    expect(before.publicTitles).toHaveLength(1)
  })

  it('a bulk PATCH in which one document is refused writes none of them, the allowed ones included', async () => {
    const live = await liveByWriter(collection, 'Mixed live')
    const draft = await fixtures.draft(collection, `Mixed draft ${collection} ${Date.now()}`, {
      author: people.writer.id,
    })
    const before = [await stateOf(collection, live.id), await stateOf(collection, draft.id)]
    const { status, body } = await http.patch(
      `/api/${collection}?where[id][in]=${live.id},${draft.id}`,
      { _status: 'draft' },
      'reviewer',
    )
    // The whole answer on failure: which of the two went through, if any did.
    expect({ status, body }).toEqual({
      status: 400,
      body: expect.objectContaining({
        errors: [expect.objectContaining({ message: expect.stringMatching(/^Nothing was updated/) })],
      }),
    })
    expect([await stateOf(collection, live.id), await stateOf(collection, draft.id)]).toEqual(before)
  })

  it('a save unpublishing live content is refused even when req.context is replaced during it (as a parallel save of a bulk update does)', async () => {
    const live = await liveByWriter(collection, 'Context copy')
    const before = await stateOf(collection, live.id)
    const { db } = payload
    const findOne = db.findOne
    db.findOne = (async (args: Parameters<typeof findOne>[0]) => {
      // What a local API call in another document's hooks does meanwhile (Payload's createLocalReq).
      await Promise.resolve()
      if (args.req) args.req.context = { ...args.req.context }
      return findOne.call(db, args)
    }) as typeof findOne
    try {
      await expect(
        payload.update({ collection, id: live.id, data: { _status: 'draft' } as never, ...asUser(people.reviewer) }),
      ).rejects.toMatchObject({ status: 403 })
    } finally {
      db.findOne = findOne
    }
    expect(await stateOf(collection, live.id)).toEqual(before)
  })

  it('a single PATCH without ?draft=true on live content is refused and changes nothing (REST, GraphQL, local API)', async () => {
    const live = await liveByWriter(collection, 'Single')
    const before = await stateOf(collection, live.id)
    expect((await http.patch(`/api/${collection}/${live.id}`, { _status: 'draft' }, 'writer')).status).toBe(403)
    const mutation = `mutation { update${GRAPHQL[collection].one}(id: ${live.id}, data: { _status: draft }) { id } }`
    const graphql = await http.graphql(mutation, 'writer')
    expect(graphql.body.errors?.[0]?.message).toBeTruthy()
    await expect(
      payload.update({ collection, id: live.id, data: { _status: 'draft' } as never, ...asUser(people.writer) }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await stateOf(collection, live.id)).toEqual(before)
  })
})

describe('parallel saves of one document', () => {
  it('run one at a time: each is saved or refused with 409 (never a 500), and the history stays one chain', async () => {
    const draft = await fixtures.draft('articles', `Parallel ${Date.now()}`, { author: people.writer.id })
    const saves = Array.from({ length: 8 }, (_, index) =>
      http.patch(`/api/articles/${draft.id}?draft=true`, { excerpt: `Save ${index}` }, 'writer'),
    )
    const autosaves = Array.from({ length: 4 }, (_, index) =>
      http.patch(`/api/articles/${draft.id}?draft=true&autosave=true`, { excerpt: `Autosave ${index}` }, 'writer'),
    )
    const answers = await Promise.all([...saves, ...autosaves])
    expect(answers.filter(({ status }) => status !== 200 && status !== 409)).toEqual([])
    expect(answers.some(({ status }) => status === 200)).toBe(true)
    for (const refused of answers.filter(({ status }) => status === 409))
      expect(refused.body.errors[0].message).toMatch(/Nothing was changed/)
    expect((await stateOf('articles', draft.id)).latestVersions).toBe(1)
  })
})
