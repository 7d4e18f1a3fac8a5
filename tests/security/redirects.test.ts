/**
 * Old slugs of published documents (src/redirects), against the real server: a publish that
 * changes a live slug records a redirect, `GET /api/redirects/resolve` answers the current
 * published slug (chains collapse, no loop when a slug comes back, drafts' slugs never recorded,
 * nothing once the document is not public), cached and dropped like any public read. The records
 * themselves are for staff to read and for the system to write, on every path.
 */
import { randomSuffix, type ContentCollection } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(
  fixtures,
  { writer: 'writer', reviewer: 'reviewer', admin: 'admin' },
  { label: 'redirects', http },
)

const resolve = (collection: string, slug: string) =>
  http.get(`/api/redirects/resolve?collection=${collection}&slug=${encodeURIComponent(slug)}`)

/** Where `slug` leads now; the read cache may hold the last answer for a moment after a publish. */
async function target(collection: string, slug: string, expected?: string): Promise<string | number> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const { status, body } = await resolve(collection, slug)
    const answer = status === 200 ? body.to : status
    if (answer === expected || expected === undefined || Date.now() > deadline) return answer
    await new Promise((done) => setTimeout(done, 200))
  }
}

/**
 * The answer asked again until the read cache serves it: the publish's change notice may reach the
 * server just after the first fresh answer was stored and drop it once (a miss, never a stale hit).
 */
async function cachedResolve(collection: string, slug: string) {
  const deadline = Date.now() + 5_000
  for (;;) {
    const answer = await resolve(collection, slug)
    if (answer.headers.get('x-cache') === 'HIT' || Date.now() > deadline) return answer
    await new Promise((done) => setTimeout(done, 100))
  }
}

const publishWithSlug = (collection: ContentCollection, id: number, slug: string) =>
  payload.update({
    collection,
    id,
    data: { slug, _status: 'published' } as never,
    overrideAccess: true,
    context: { systemPublish: true },
  })

describe.each(['articles', 'techniques'] as const)('a published %s whose slug changes', (collection) => {
  const tag = randomSuffix()
  const [first, second, third] = ['first', 'second', 'third'].map((name) => `${name}-${tag}`)
  let id: number
  beforeAll(async () => {
    id = (await fixtures.published(collection, `Redirected ${tag}`, { slug: first })).id
  })

  it('sends its old slug to the new one', async () => {
    await publishWithSlug(collection, id, second)
    expect(await target(collection, first, second)).toBe(second)
    const { body, headers } = await cachedResolve(collection, first)
    expect(body).toEqual({ collection, from: first, to: second })
    expect(headers.get('x-cache')).toBe('HIT')
  })

  it('collapses a chain: every old slug leads to the latest', async () => {
    await publishWithSlug(collection, id, third)
    expect(await target(collection, first, third)).toBe(third)
    expect(await target(collection, second, third)).toBe(third)
  })

  it('never loops when a slug comes back: the live slug is not redirected', async () => {
    await publishWithSlug(collection, id, first)
    expect(await target(collection, first, 404 as never)).toBe(404)
    expect(await target(collection, second, first)).toBe(first)
    expect(await target(collection, third, first)).toBe(first)
  })

  it("records no draft's slug", async () => {
    const draftSlug = `draft-${tag}`
    await payload.update({
      collection,
      id,
      data: { slug: draftSlug, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    expect(await target(collection, first)).toBe(404)
    expect(await target(collection, draftSlug)).toBe(404)
    const recorded = await payload.count({
      collection: 'redirects',
      where: { from: { in: [first, draftSlug] } },
      overrideAccess: true,
    })
    expect(recorded.totalDocs).toBe(0)
  })

  it('leads nowhere once the document is not public', async () => {
    await payload.update({
      collection,
      id,
      data: { _status: 'draft' } as never,
      overrideAccess: true,
      context: { systemPublish: true },
    })
    expect(await target(collection, second, 404 as never)).toBe(404)
  })
})

it('answers 404 for a slug nobody ever had, and 400 with the reason for bad questions', async () => {
  const unknown = await resolve('articles', `never-${randomSuffix()}`)
  expect(unknown.status).toBe(404)
  expect(unknown.body.errors[0].message).toMatch(/No published articles document was ever at/)
  for (const path of [
    '/api/redirects/resolve?slug=x',
    '/api/redirects/resolve?collection=users&slug=x',
    '/api/redirects/resolve?collection=redirects&slug=x',
    '/api/redirects/resolve?collection=articles',
    `/api/redirects/resolve?collection=articles&slug=${'x'.repeat(201)}`,
  ]) {
    const { status, body } = await http.get(path)
    expect([path, status]).toEqual([path, 400])
    expect(body.errors[0].message).toMatch(/^Give /)
  }
})

describe('the redirect records', () => {
  let recordId: number
  beforeAll(async () => {
    const tag = randomSuffix()
    const doc = await fixtures.published('faqs', `Record ${tag}`, { slug: `old-${tag}` })
    await publishWithSlug('faqs', doc.id, `new-${tag}`)
    const { docs } = await payload.find({ collection: 'redirects', where: { from: { equals: `old-${tag}` } } })
    recordId = docs[0].id
  })

  it('are hidden from anonymous readers (REST, GraphQL, local API)', async () => {
    expect((await http.get('/api/redirects')).status).toBe(403)
    expect((await http.get(`/api/redirects/${recordId}`)).status).toBe(403)
    const { body } = await http.graphql(`{ Redirects { docs { id } } }`)
    expect(body.data?.Redirects ?? null).toBeNull()
    await expect(payload.find({ collection: 'redirects', overrideAccess: false })).rejects.toThrow()
  })

  it('are read by staff', async () => {
    for (const who of ['writer', 'reviewer', 'admin']) {
      const { status, body } = await http.get(`/api/redirects/${recordId}`, who)
      expect([who, status, body.collection]).toEqual([who, 200, 'faqs'])
      const graphql = await http.graphql(`{ Redirect(id: ${recordId}) { from } }`, who)
      expect(graphql.body.data.Redirect.from).toMatch(/^old-/)
    }
    const local = await payload.findByID({
      collection: 'redirects',
      id: recordId,
      overrideAccess: false,
      user: people.writer,
    })
    expect(local.id).toBe(recordId)
  })

  it('are written by nobody but the system; only admins delete them', async () => {
    for (const who of [undefined, 'writer', 'reviewer', 'admin']) {
      const created = await http.post('/api/redirects', { collection: 'articles', from: 'x', document: 1 }, who)
      expect([who, created.status]).toEqual([who, 403])
      const changed = await http.patch(`/api/redirects/${recordId}`, { from: 'hijacked' }, who)
      expect([who, changed.status]).toEqual([who, 403])
      const graphql = await http.graphql(
        `mutation { updateRedirect(id: ${recordId}, data: { from: "hijacked" }) { id } }`,
        who,
      )
      expect(graphql.body.data?.updateRedirect ?? null).toBeNull()
    }
    for (const who of [undefined, 'writer', 'reviewer']) {
      expect((await http.delete(`/api/redirects/${recordId}`, who)).status).toBeGreaterThanOrEqual(403)
    }
    await expect(
      payload.update({
        collection: 'redirects',
        id: recordId,
        data: { from: 'hijacked' },
        overrideAccess: false,
        user: people.admin,
      }),
    ).rejects.toThrow()
    const kept = await payload.findByID({ collection: 'redirects', id: recordId, overrideAccess: true })
    expect(kept.from).toMatch(/^old-/)
    expect((await http.delete(`/api/redirects/${recordId}`, 'admin')).status).toBe(200)
  })
})
