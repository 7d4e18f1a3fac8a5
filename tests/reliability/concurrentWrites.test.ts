/**
 * More saves at once than the database pool has connections. Each save holds a connection for
 * its transaction and Payload's document-lock check takes a second one for a moment; without
 * src/server/writeSlots.ts they all waited for that second connection and failed together with
 * 500s after the pool's connect timeout. Every save must be answered as if it came alone.
 */
import { DATABASE_POOL_SIZE } from '../../src/db/poolSize'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { label: 'concurrent', http })

const SAVES = DATABASE_POOL_SIZE * 3

it(`${SAVES} draft saves of different documents at once are all saved`, async () => {
  const drafts = await Promise.all(
    Array.from({ length: SAVES }, (_, index) =>
      fixtures.draft('articles', `Concurrent ${index} ${Date.now()}`, { author: people.writer.id }),
    ),
  )
  const answers = await Promise.all(
    drafts.map((draft, index) =>
      http.patch(`/api/articles/${draft.id}?draft=true`, { excerpt: `Saved together ${index}` }, 'writer'),
    ),
  )
  expect(answers.map(({ status }) => status)).toEqual(drafts.map(() => 200))
  for (const [index, draft] of drafts.entries()) {
    const saved = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, overrideAccess: true })
    expect(saved.excerpt).toBe(`Saved together ${index}`)
  }
}, 120_000)

it(`${SAVES} bulk updates at once that each include a live document are all refused whole, none with a 500`, async () => {
  const pairs = await Promise.all(
    Array.from({ length: SAVES }, async (_, index) => [
      await fixtures.published('articles', `Bulk live ${index} ${Date.now()}`, { author: people.writer.id }),
      await fixtures.draft('articles', `Bulk draft ${index} ${Date.now()}`, { author: people.writer.id }),
    ]),
  )
  const answers = await Promise.all(
    pairs.map(([live, draft]) =>
      http.patch(`/api/articles?where[id][in]=${live.id},${draft.id}`, { _status: 'draft' }, 'reviewer'),
    ),
  )
  for (const answer of answers) {
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toMatch(/^Nothing was updated/)
  }
  const { totalDocs: stillLive } = await payload.count({
    collection: 'articles',
    where: { and: [{ id: { in: pairs.map(([live]) => live.id) } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
  })
  expect(stillLive).toBe(SAVES)
}, 120_000)
