/**
 * The read cache against two real servers on a database of this file's own (other test files
 * publish content all the time, which would legitimately empty the cache under our feet).
 * Every change goes through the editorial workflow over HTTP, as in production.
 */
import pg from 'pg'

import { CHANGE_CHANNEL, LISTENER_APPLICATION_NAME } from '../../src/readCache/changeListener'
import { contentData, randomSuffix } from '../helpers/content'
import { httpClient, type HttpClient, type HttpResult } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { useOwnDatabase, useServer } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

const database = useOwnDatabase('read_cache')
/** Clients of the two servers; changes go through A. */
const serverA = httpClient(useServer({ name: 'server A', env: () => ({ DATABASE_URL: database.url }) }))
const serverB = httpClient(useServer({ name: 'server B', env: () => ({ DATABASE_URL: database.url }) }))
const http = serverA

beforeAll(async () => {
  await http.firstRegister(uniqueEmail('cache-admin'), 'admin')
  // Claims reviewers, so that myths (two approvals by claims reviewers) go live too.
  for (const name of ['reviewer', 'otherReviewer'] as const) {
    const email = uniqueEmail(`cache-${name}`)
    const account = { email, password: TEST_PASSWORD, role: 'reviewer', reviewerRoles: ['claims-reviewer'] }
    expect((await http.post('/api/users', account, 'admin')).status).toBe(201)
    await http.login(email, name)
  }
})

interface Read {
  status: number
  cache: string | null
  etag: string | null
  cacheControl: string | null
  text: string
  body: HttpResult['body']
}

/** The answer with the headers the read cache sets. */
function cacheView({ status, headers, text, body }: HttpResult): Read {
  const header = (name: string) => headers.get(name)
  return { status, cache: header('x-cache'), etag: header('etag'), cacheControl: header('cache-control'), text, body }
}

const read = async (server: HttpClient, path: string, headers: Record<string, string> = {}) =>
  cacheView(await server.get(path, undefined, { headers }))

const graphqlPost = async (server: HttpClient, query: string, who?: 'admin' | 'reviewer') =>
  cacheView(await server.graphql(query, who))

type Collection = 'articles' | 'techniques' | 'faqs' | 'myths'

async function act(collection: Collection, id: number, action: string, who: 'admin' | 'reviewer' | 'otherReviewer') {
  const { status, body } = await http.act(collection, id, action, who, { acknowledgeClaims: true })
  expect({ action, status, body }).toMatchObject({ action, status: 200 })
}

/** Submit as the admin, approve and publish as the reviewer (four eyes). */
async function goLive(collection: Collection, id: number) {
  await act(collection, id, 'submit', 'admin')
  await act(collection, id, 'approve', 'reviewer')
  if (collection === 'myths') await act(collection, id, 'approve', 'otherReviewer')
  await act(collection, id, 'publish', 'reviewer')
}

async function publishNew(collection: Collection, text: string, extra: Record<string, unknown> = {}) {
  const { status, body } = await http.post(
    `/api/${collection}?draft=true`,
    { ...contentData(collection, text), ...extra, _status: 'draft' },
    'admin',
  )
  expect(status).toBe(201)
  await goLive(collection, body.doc.id)
  return body.doc as { id: number; slug: string }
}

async function publishEdit(collection: Collection, id: number, changes: Record<string, unknown>) {
  const { status } = await http.patch(`/api/${collection}/${id}?draft=true`, { ...changes, _status: 'draft' }, 'admin')
  expect(status).toBe(200)
  await goLive(collection, id)
}

async function withDatabase(work: (db: pg.Client) => Promise<void>): Promise<void> {
  const db = new pg.Client({ connectionString: database.url })
  await db.connect()
  try {
    await work(db)
  } finally {
    await db.end()
  }
}

/** Reads twice: the second answer must come from the cache, unchanged. */
async function cachedRead(server: HttpClient, path: string): Promise<Read> {
  await read(server, path)
  const second = await read(server, path)
  expect(second).toMatchObject({ status: 200, cache: 'HIT' })
  return second
}

describe('what is cached, and the HTTP caching headers', () => {
  let articleId: number

  beforeAll(async () => {
    articleId = (await publishNew('articles', `Cached guide ${randomSuffix()}`)).id
  })

  it('answers a repeated anonymous REST read from memory, byte for byte, with public caching headers', async () => {
    const path = `/api/articles/${articleId}?depth=1`
    const first = await read(serverA, path)
    const second = await read(serverA, path)
    expect(first).toMatchObject({ status: 200, cache: 'MISS' })
    expect(second).toMatchObject({ status: 200, cache: 'HIT', etag: first.etag, text: first.text })
    expect(second.cacheControl).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=60')
    expect(first.etag).toMatch(/^"[\w-]+"$/)
  })

  it('leaves out of public reads the headers only the admin’s pages and CORS preflights are read for', async () => {
    const query = `{ Article(id: ${articleId}) { slug } }`
    for (const expected of ['MISS', 'HIT']) {
      const { headers } = await serverB.graphql(query)
      expect(headers.get('x-cache')).toBe(expected)
      for (const name of ['accept-ch', 'critical-ch', 'access-control-allow-methods', 'access-control-allow-headers'])
        expect({ name, value: headers.get(name) }).toEqual({ name, value: null })
      expect(headers.get('vary')).toBe('Accept-Encoding')
      expect(headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'")
    }
  })

  it('produces an answer once for requests that miss together: the others wait for it and get it from memory', async () => {
    // A key nobody asked for yet (the filter matches every article), and enough work to take a while.
    const path = `/api/articles?limit=100&depth=2&where[excerpt][not_equals]=${randomSuffix()}`
    const answers = await Promise.all(Array.from({ length: 8 }, () => read(serverA, path)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200))
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1)
    // Without waiting, every one of them misses; the one that starts first may finish before the last arrives.
    expect(answers.filter((answer) => answer.cache === 'MISS').length).toBeLessThanOrEqual(2)
  })

  it('answers a query whose earlier askers all hung up while one of them was producing it', async () => {
    // As at a load test's end or a burst of impatient browsers: the one producing the answer and
    // those waiting for it go away together, so the waiters find nothing stored and would fill anew.
    const query = `{ Articles(limit: 100, where: { excerpt: { not_equals: "${randomSuffix()}" } }) { docs { title content } } }`
    const ask = (signal: AbortSignal) =>
      fetch(serverA.url('/api/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        signal,
      })
    const hungUp = Array.from({ length: 4 }, () =>
      ask(AbortSignal.timeout(15)).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      ),
    )
    await Promise.all(hungUp)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const response = await ask(AbortSignal.timeout(10_000))
    expect(response.status).toBe(200)
    expect((await response.json()).data.Articles.docs.length).toBeGreaterThan(0)
  })

  it('answers 304 Not Modified to a matching If-None-Match, from memory and on a miss', async () => {
    const path = `/api/articles/${articleId}?depth=0`
    const { etag } = await read(serverA, path)
    const revalidated = await read(serverA, path, { 'if-none-match': etag as string })
    expect(revalidated).toMatchObject({ status: 304, cache: 'HIT', text: '' })
    const freshServer = await read(serverB, path, { 'if-none-match': `"other", ${etag}` })
    expect(freshServer).toMatchObject({ status: 304, cache: 'MISS', text: '' })
  })

  it('caches GraphQL queries sent by POST and by GET, and refuses a mutation over GET', async () => {
    const query = `{ Article(id: ${articleId}) { title } }`
    await graphqlPost(serverA, query)
    expect(await graphqlPost(serverA, query)).toMatchObject({ status: 200, cache: 'HIT' })
    const path = `/api/graphql?query=${encodeURIComponent(query)}`
    await read(serverA, path)
    const viaGet = await read(serverA, path)
    expect(viaGet).toMatchObject({ status: 200, cache: 'HIT' })
    expect(viaGet.body.data.Article.title).toMatch(/^Cached guide/)
    const mutation = await read(serverA, `/api/graphql?query=${encodeURIComponent('mutation { logoutUser }')}`)
    expect(mutation.status).toBe(405)
  })

  it('still lets GraphQL mutations through by POST after reading their body', async () => {
    const login = await graphqlPost(
      serverA,
      `mutation { loginUser(email: "nobody-${randomSuffix()}@spa.test", password: "wrong") { token } }`,
    )
    expect(login.status).toBe(200)
    expect(login.cache).toBeNull()
    expect(login.body.errors[0].message).toMatch(/email or password/)
  })

  it.each([
    ['a login cookie', { cookie: 'payload-token=whatever' }],
    ['an Authorization header', { authorization: 'JWT not-a-token' }],
  ])('never caches nor lets anyone else cache a request with %s', async (_, headers) => {
    const path = `/api/articles/${articleId}?depth=0&with=credentials`
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await read(serverA, path, headers)
      expect(answer.cache).toBeNull()
      expect(answer.cacheControl).toBe('private, no-store')
    }
  })

  it('never caches a logged-in reviewer’s GraphQL, nor serves them the anonymous copy', async () => {
    const query = `{ Article(id: ${articleId}) { title workflowStage } }`
    await graphqlPost(serverA, query)
    const reviewer = await graphqlPost(serverA, query, 'reviewer')
    expect(reviewer.cache).toBeNull()
    expect(reviewer.cacheControl).toBe('private, no-store')
  })

  it.each([
    ['drafts', `/api/articles?draft=true`],
    ['a document that does not exist', `/api/articles/99999999`],
    ['version history', `/api/articles/versions`],
    ['users', `/api/users`],
  ])('never caches %s', async (_, path) => {
    await read(serverA, path)
    expect((await read(serverA, path)).cache).not.toBe('HIT')
  })

  it('sets each request’s own headers afresh on a hit, and replays only what Payload answered', async () => {
    const query = `{ Article(id: ${articleId}) { slug } }`
    const ask = () => serverA.graphql(query)
    const first = await ask()
    const hit = await ask()
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))
    expect(hit.headers.get('content-type')).toBe(first.headers.get('content-type'))
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff')
    expect(hit.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'))
  })

  it('counts every GraphQL request against the rate limit once, hits (answered before the other middleware) included', async () => {
    const remaining = (response: { headers: Headers }) =>
      Number(/\br=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1])
    const ask = (query: string) => serverA.graphql(query)
    const miss = await ask(`{ Article(id: ${articleId}) { title excerpt } }`)
    const hit = await ask(`{ Article(id: ${articleId}) { title excerpt } }`)
    const otherMiss = await ask(`{ Article(id: ${articleId}) { slug excerpt } }`)
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache'), otherMiss.headers.get('x-cache')]).toEqual([
      'MISS',
      'HIT',
      'MISS',
    ])
    expect(remaining(miss)).toBeGreaterThan(0)
    expect([remaining(hit), remaining(otherMiss)]).toEqual([remaining(miss) - 1, remaining(miss) - 2])
  })

  it('answers a GraphQL hit only after the body limit: malformed or oversized bodies are still refused', async () => {
    const query = JSON.stringify({ query: `{ Article(id: ${articleId}) { slug } }` })
    expect((await graphqlPost(serverA, `{ Article(id: ${articleId}) { slug } }`)).status).toBe(200)
    const post = (body: string) =>
      fetch(`${serverA.baseUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const malformed = await post(`${query.slice(0, -1)},`)
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('x-content-type-options')).toBe('nosniff')
    const oversized = await post(
      JSON.stringify({
        query: `{ Article(id: ${articleId}) { slug } }`,
        variables: { padding: 'x'.repeat(1100 * 1024) },
      }),
    )
    expect(oversized.status).toBe(413)
  })

  it('answers GET hits before express with the headers express gives a miss: security, request id, rate limit for GraphQL', async () => {
    const headersOf = (response: Response) =>
      Object.fromEntries(
        [...response.headers].filter(
          ([name]) => !['date', 'x-request-id', 'x-cache', 'ratelimit', 'etag', 'cache-control'].includes(name),
        ),
      )
    const restPath = `/api/articles/${articleId}?depth=0&hit=path`
    const restMiss = await fetch(`${serverA.baseUrl}${restPath}`)
    const restHit = await fetch(`${serverA.baseUrl}${restPath}`, { headers: { 'x-request-id': 'front-end-42' } })
    expect([restMiss.headers.get('x-cache'), restHit.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
    expect(headersOf(restHit)).toEqual(headersOf(restMiss))
    expect(restHit.headers.get('x-request-id')).toBe('front-end-42')
    expect(await restHit.text()).toBe(await restMiss.text())

    const remaining = (response: Response) => Number(/\br=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1])
    const graphqlPath = `/api/graphql?query=${encodeURIComponent(`{ Article(id: ${articleId}) { title slug } }`)}`
    const graphqlMiss = await fetch(`${serverA.baseUrl}${graphqlPath}`)
    const graphqlHit = await fetch(`${serverA.baseUrl}${graphqlPath}`)
    expect([graphqlMiss.headers.get('x-cache'), graphqlHit.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
    expect(headersOf(graphqlHit)).toEqual(headersOf(graphqlMiss))
    expect(graphqlHit.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/)
    expect(remaining(graphqlHit)).toBe(remaining(graphqlMiss) - 1)
  })

  describe('GraphQL POSTs answered before express refuse what express refuses', () => {
    let query: string
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${serverA.baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      })

    beforeAll(async () => {
      query = `{ Article(id: ${articleId}) { title excerpt slug } }`
      await graphqlPost(serverA, query)
      expect(await graphqlPost(serverA, query)).toMatchObject({ status: 200, cache: 'HIT' })
    })

    it('answers the hit with the headers express gives the miss, and hands a miss to Payload with its body', async () => {
      const perRequest = ['date', 'x-request-id', 'x-cache', 'ratelimit', 'etag', 'cache-control', 'content-length']
      const headersOf = (response: Response) =>
        Object.fromEntries([...response.headers].filter(([name]) => !perRequest.includes(name)))
      const fresh = `{ Article(id: ${articleId}) { slug title } }`
      const miss = await post(JSON.stringify({ query: fresh }))
      const hit = await post(JSON.stringify({ query: fresh }), { 'x-request-id': 'front-end-post-7' })
      expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
      expect(headersOf(hit)).toEqual(headersOf(miss))
      expect(hit.headers.get('x-request-id')).toBe('front-end-post-7')
      expect(await hit.text()).toBe(await miss.text())
    })

    it('answers a cached query from memory whatever the size of its body, within the limit', async () => {
      // Bodies past the few kilobytes the hit path remembers by text are judged and answered by express's hit path.
      for (const padding of [0, 5_000, 50_000]) {
        const answer = await post(JSON.stringify({ query, padding: 'x'.repeat(padding) }))
        expect({ padding, status: answer.status, cache: answer.headers.get('x-cache') }).toEqual({
          padding,
          status: 200,
          cache: 'HIT',
        })
      }
    })

    it('refuses a body over the limit even when the query it carries is cached (413)', async () => {
      // The key is the query, variables and operation name: another member does not change it.
      const oversized = await post(JSON.stringify({ query, padding: 'x'.repeat(1100 * 1024) }))
      expect(oversized.status).toBe(413)
      expect(oversized.headers.get('x-cache')).toBeNull()
    })

    it.each(['text/plain', 'application/graphql', 'application/x-www-form-urlencoded'])(
      'refuses a cached query sent as %s (415), as the body limit does',
      async (contentType) => {
        const answer = await post(JSON.stringify({ query }), { 'content-type': contentType })
        expect(answer.status).toBe(415)
        expect(answer.headers.get('x-cache')).toBeNull()
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      },
    )

    it('refuses a cached query whose body is malformed JSON or carries a NUL character (400), each time', async () => {
      const bodies = [`${JSON.stringify({ query }).slice(0, -1)},`, JSON.stringify({ query, note: 'a\u0000b' })]
      // Twice: the hit path remembers bodies by their text, refusals included.
      for (const body of [...bodies, ...bodies]) {
        const answer = await post(body)
        expect({ body, status: answer.status, cache: answer.headers.get('x-cache') }).toEqual({
          body,
          status: 400,
          cache: null,
        })
      }
    })

    it('refuses a document the GraphQL guards refuse, every time, and never answers it from memory', async () => {
      const tooMany = `{ Article(id: ${articleId}) { ${Array.from({ length: 260 }, (_, i) => `f${i}: title`).join(' ')} } }`
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await post(JSON.stringify({ query: tooMany }))
        expect(answer.status).toBe(400)
        expect(answer.headers.get('x-cache')).toBeNull()
        expect((await answer.json()).errors[0].message).toMatch(/at most 250 are allowed/)
      }
    })

    it.each([
      ['a login cookie', { cookie: 'payload-token=whatever' }],
      ['an Authorization header', { authorization: 'JWT not-a-token' }],
      ['a preview token', { 'x-preview-token': 'not-a-token' }],
    ])('never answers a cached query sent with %s from memory', async (_, headers) => {
      const answer = await post(JSON.stringify({ query }), headers)
      expect(answer.headers.get('x-cache')).toBeNull()
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
    })

    it('never answers a query asking for drafts from memory', async () => {
      const drafts = `{ Article(id: ${articleId}, draft: true) { title excerpt slug } }`
      for (let attempt = 0; attempt < 2; attempt++)
        expect((await post(JSON.stringify({ query: drafts }))).headers.get('x-cache')).toBeNull()
    })
  })

  it('refuses a cached read asked for by a disguised path, as every other request', async () => {
    await cachedRead(serverA, `/api/articles/${articleId}?depth=0`)
    const disguised = await read(serverA, `/api/%61rticles/${articleId}?depth=0`)
    expect(disguised.status).toBe(400)
    expect(disguised.cache).toBeNull()
  })

  it('keeps separate copies for clients that accept compressed answers', async () => {
    const path = `/api/articles/${articleId}?depth=2`
    const plain = await cachedRead(serverA, path)
    const response = await serverA.get(path, undefined, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.body).toEqual(plain.body) // fetch decodes the gzip
    expect(response.headers.get('content-encoding')).toBe('gzip')
  })
})

describe('exact invalidation: the next anonymous read after a change sees it', () => {
  it('shows a newly published article in the list that was cached before', async () => {
    const path = '/api/articles?limit=5&sort=-publishedAt&depth=0'
    await cachedRead(serverA, path)
    const article = await publishNew('articles', `Fresh guide ${randomSuffix()}`)
    const after = await read(serverA, path)
    expect(after.body.docs[0].id).toBe(article.id)
  })

  it('shows a published edit, and never the draft before it is published', async () => {
    const article = await publishNew('articles', `Editable guide ${randomSuffix()}`)
    const path = `/api/articles?where[slug][equals]=${article.slug}&depth=0`
    const before = await cachedRead(serverA, path)
    const { status } = await http.patch(
      `/api/articles/${article.id}?draft=true`,
      { excerpt: 'Draft teaser, not approved', _status: 'draft' },
      'admin',
    )
    expect(status).toBe(200)
    expect((await read(serverA, path)).body.docs[0].excerpt).toBe(before.body.docs[0].excerpt)
    await goLive('articles', article.id)
    expect((await read(serverA, path)).body.docs[0].excerpt).toBe('Draft teaser, not approved')
  })

  it('drops an unpublished article from its page, lists and GraphQL at once', async () => {
    const article = await publishNew('articles', `Soon gone ${randomSuffix()}`)
    const page = `/api/articles/${article.id}`
    const list = `/api/articles?where[id][equals]=${article.id}`
    const query = `{ Articles(where: { id: { equals: ${article.id} } }) { docs { title } } }`
    await cachedRead(serverA, page)
    await cachedRead(serverA, list)
    await graphqlPost(serverA, query)
    await act('articles', article.id, 'unpublish', 'reviewer')
    expect((await read(serverA, page)).status).toBe(404)
    expect((await read(serverA, list)).body.docs).toEqual([])
    expect((await graphqlPost(serverA, query)).body.data.Articles.docs).toEqual([])
  })

  it('drops a deleted article', async () => {
    const article = await publishNew('articles', `Deleted guide ${randomSuffix()}`)
    const page = `/api/articles/${article.id}`
    await cachedRead(serverA, page)
    expect((await http.delete(page, 'admin')).status).toBe(200)
    expect((await read(serverA, page)).status).toBe(404)
  })

  it('updates every article that embeds a technique, FAQ or myth when it changes, is unpublished or is published', async () => {
    const technique = await publishNew('techniques', `Cache technique ${randomSuffix()}`)
    const faq = await publishNew('faqs', `Cache FAQ ${randomSuffix()}?`)
    const myth = await publishNew('myths', `Cache myth ${randomSuffix()}`)
    const pendingMyth = await http.post(
      '/api/myths?draft=true',
      { ...contentData('myths', `Pending myth ${randomSuffix()}`), _status: 'draft' },
      'admin',
    )
    const article = await publishNew('articles', `Embedding guide ${randomSuffix()}`, {
      techniques: [technique.id],
      faqs: [faq.id],
      myths: [myth.id, pendingMyth.body.doc.id],
    })
    const restPath = `/api/articles?where[slug][equals]=${article.slug}&depth=1`
    const graphql = `{ Articles(where: { slug: { equals: "${article.slug}" } }) { docs { techniques { name } faqs { question } myths { myth } } } }`
    const restDoc = async () => (await read(serverA, restPath)).body.docs[0]
    const graphqlDoc = async () => (await graphqlPost(serverA, graphql)).body.data.Articles.docs[0]
    const warm = async () => {
      await cachedRead(serverA, restPath)
      await graphqlPost(serverA, graphql)
      expect((await graphqlPost(serverA, graphql)).cache).toBe('HIT')
    }

    await warm()
    expect((await restDoc()).myths.map((m: { id: number }) => m.id)).toEqual([myth.id])

    await publishEdit('techniques', technique.id, { name: `Renamed technique ${randomSuffix()}` })
    const renamed = (await restDoc()).techniques[0].name
    expect(renamed).toMatch(/^Renamed technique/)
    expect((await graphqlDoc()).techniques[0].name).toBe(renamed)

    await warm()
    await act('faqs', faq.id, 'unpublish', 'reviewer')
    expect((await restDoc()).faqs).toEqual([])
    expect((await graphqlDoc()).faqs).toEqual([])

    await warm()
    await goLive('myths', pendingMyth.body.doc.id)
    expect((await restDoc()).myths.map((m: { id: number }) => m.id)).toEqual([myth.id, pendingMyth.body.doc.id])
    expect((await graphqlDoc()).myths).toHaveLength(2)
  })

  it('drops what a request changed before answering it, without waiting for the database’s notice', async () => {
    const article = await publishNew('articles', `Own write ${randomSuffix()}`)
    const path = `/api/articles?where[slug][equals]=${article.slug}&depth=0`
    await cachedRead(serverA, path)
    await withDatabase(async (db) => {
      await db.query('ALTER TABLE articles DISABLE TRIGGER articles_notify_public_change')
      try {
        await publishEdit('articles', article.id, { excerpt: 'Seen at once' })
        expect((await read(serverA, path)).body.docs[0].excerpt).toBe('Seen at once')
      } finally {
        await db.query('ALTER TABLE articles ENABLE TRIGGER articles_notify_public_change')
      }
    })
  })

  it('lets a change made on one server reach the other through Postgres LISTEN/NOTIFY', async () => {
    const article = await publishNew('articles', `Two servers ${randomSuffix()}`)
    const path = `/api/articles?where[slug][equals]=${article.slug}&depth=0`
    const before = await cachedRead(serverB, path)
    await publishEdit('articles', article.id, { excerpt: 'Changed on server A' })
    await waitFor(
      'server B to drop its stale copy',
      async () => (await read(serverB, path)).body.docs[0].excerpt === 'Changed on server A' || undefined,
      5_000,
    )
    expect(before.body.docs[0].excerpt).not.toBe('Changed on server A')
  })

  describe('a lookup by slug depends on its slug, not on every change in its collection', () => {
    const bySlug = (slug: string) => `/api/articles?where[slug][equals]=${slug}&depth=0&limit=1`
    const graphqlBySlug =
      'query ($slug: String) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { id excerpt } } }'
    const graphqlLookup = async (server: HttpClient, slug: string) =>
      cacheView(await server.post('/api/graphql', { query: graphqlBySlug, variables: { slug } }))
    /** Both lookups of `slug`, REST and GraphQL, as the server answers them now. */
    const lookUp = async (server: HttpClient, slug: string) => {
      const rest = await read(server, bySlug(slug))
      const graphql = await graphqlLookup(server, slug)
      return {
        cache: [rest.cache, graphql.cache],
        ids: [
          rest.body.docs.map((doc: { id: number }) => doc.id),
          graphql.body.data.Articles.docs.map((doc: { id: string }) => Number(doc.id)),
        ],
      }
    }
    const warmLookups = async (server: HttpClient, ...slugs: string[]) => {
      for (const slug of slugs) await lookUp(server, slug)
      for (const slug of slugs) expect((await lookUp(server, slug)).cache).toEqual(['HIT', 'HIT'])
    }

    it('keeps one article’s page cached while another is published, and shows an article at once under the slug it takes', async () => {
      const kept = await publishNew('articles', `Kept page ${randomSuffix()}`)
      const waiting = `awaited-page-${randomSuffix().toLowerCase()}`
      await warmLookups(serverA, kept.slug, waiting)
      await warmLookups(serverB, kept.slug, waiting)
      expect((await lookUp(serverA, waiting)).ids).toEqual([[], []])

      const arrived = await publishNew('articles', `Arrived page ${randomSuffix()}`, { slug: waiting })
      expect(await lookUp(serverA, waiting)).toEqual({ cache: ['MISS', 'MISS'], ids: [[arrived.id], [arrived.id]] })
      // The other server hears of it through the database, with the slug named.
      await waitFor(
        'server B to show the new page',
        async () => (await lookUp(serverB, waiting)).ids[0].length > 0 || undefined,
        5_000,
      )
      expect((await lookUp(serverB, waiting)).ids).toEqual([[arrived.id], [arrived.id]])
      for (const server of [serverA, serverB])
        expect(await lookUp(server, kept.slug)).toEqual({ cache: ['HIT', 'HIT'], ids: [[kept.id], [kept.id]] })
    })

    it('moves an article from its old slug to its new one when the new slug is published', async () => {
      const moving = await publishNew('articles', `Moving page ${randomSuffix()}`)
      const newSlug = `${moving.slug}-moved`
      await warmLookups(serverA, moving.slug, newSlug)
      await warmLookups(serverB, moving.slug, newSlug)
      await publishEdit('articles', moving.id, { slug: newSlug })
      expect((await lookUp(serverA, moving.slug)).ids).toEqual([[], []])
      expect((await lookUp(serverA, newSlug)).ids).toEqual([[moving.id], [moving.id]])
      await waitFor(
        'server B to follow the move',
        async () => (await lookUp(serverB, newSlug)).ids[0].length > 0 || undefined,
        5_000,
      )
      expect((await lookUp(serverB, moving.slug)).ids).toEqual([[], []])
    })

    it('drops every lookup of the collection on a notice that names no slug', async () => {
      const article = await publishNew('articles', `Unnamed notice ${randomSuffix()}`)
      await warmLookups(serverB, article.slug)
      await withDatabase((db) =>
        db.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, `articles:${article.id + 1000}`]).then(() => undefined),
      )
      await waitFor(
        'server B to drop the lookup',
        async () => (await lookUp(serverB, article.slug)).cache[0] === 'MISS' || undefined,
        5_000,
      )
    })
  })

  it('forgets everything when it stops hearing about changes, and recovers by itself', async () => {
    const article = await publishNew('articles', `Deaf server ${randomSuffix()}`)
    const path = `/api/articles/${article.id}`
    await cachedRead(serverB, path)
    await withDatabase(async (db) => {
      const { rowCount } = await db.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
        [LISTENER_APPLICATION_NAME],
      )
      expect(rowCount).toBe(2) // one listener per server
      // Nothing changed, yet the copy must go: changes made while deaf would have gone unheard.
      await waitFor(
        'server B to drop what it held',
        async () => (await read(serverB, path)).cache === 'MISS' || undefined,
        5_000,
      )
      await waitFor(
        'the listener to be back',
        async () => {
          await read(serverB, path)
          return (await read(serverB, path)).cache === 'HIT' || undefined
        },
        5_000,
      )
    })
  })
})
