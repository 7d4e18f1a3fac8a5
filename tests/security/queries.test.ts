/**
 * Query abuse over REST and GraphQL on every collection: SQL metacharacters and odd paths in
 * `where` (rich text and JSON included), filtering or sorting on hidden fields, huge `depth` and
 * `limit`. Each must be answered quickly, without a 500 and without leaking a draft or a secret.
 */
import { CONTENT_COLLECTIONS, GRAPHQL, type ContentCollection } from '../helpers/content'
import { httpClient, type Who } from '../helpers/http'
import { useFixtures, useLocalPayload, useReadScenario, useServer, useUsers } from '../helpers/suite'

/** A query that takes longer than this is a denial-of-service lever. */
const QUICK_MS = 3_000

const fixtures = useFixtures(useLocalPayload())
const scenario = useReadScenario(fixtures)
const http = httpClient(useServer())
const people = useUsers(fixtures, { admin: 'admin' }, { label: 'query', http })

async function timedGet(path: string, who?: Who) {
  const started = Date.now()
  const result = await http.get(path, who)
  return { ...result, ms: Date.now() - started }
}

const RICH_TEXT_FIELD: Record<ContentCollection, string> = {
  articles: 'content',
  techniques: 'description',
  faqs: 'answer',
  myths: 'fact',
}
const ALL_COLLECTIONS = [...CONTENT_COLLECTIONS, 'media', 'users', 'workflow-events'] as const

const injections = ["' OR 1=1--", "x'); DROP TABLE users;--", '%', '\\', '"; SELECT pg_sleep(5);--', '$1', '\u0000']

describe.each(CONTENT_COLLECTIONS)('where on the rich text of %s', (collection) => {
  const field = RICH_TEXT_FIELD[collection]

  it.each(['like', 'equals', 'contains', 'not_equals', 'exists'])(
    'is refused with 400 for operator %s, quickly',
    async (operator) => {
      for (const value of injections) {
        const { status, body, ms } = await timedGet(
          `/api/${collection}?where[${field}][${operator}]=${encodeURIComponent(value)}`,
        )
        expect({ value, status, ms: ms < QUICK_MS }).toEqual({ value, status: 400, ms: true })
        expect(body.errors[0].message).toContain('cannot be used to filter or sort')
      }
    },
  )

  it.each([`${field}.root.children.0.text`, `${field}.root`, `${field}.__proto__`])(
    'is refused on the odd path %s',
    async (path) => {
      const { status } = await timedGet(`/api/${collection}?where[${path}][like]=${encodeURIComponent("' OR 1=1--")}`)
      expect(status).toBe(400)
    },
  )

  it.each(['or', 'OR', 'and', 'And'])('is refused inside %s', async (combinator) => {
    const { status } = await timedGet(
      `/api/${collection}?where[${combinator}][0][${field}][like]=${encodeURIComponent("' OR 1=1--")}`,
    )
    expect(status).toBe(400)
  })

  it('is refused in sort', async () => {
    expect((await timedGet(`/api/${collection}?sort=-${field}`)).status).toBe(400)
  })

  it.each([
    '{ FIELD: { like: "\' OR 1=1--" } }',
    '{ OR: [{ id: { exists: true } }, { FIELD: { like: "\' OR 1=1--" } }] }',
  ])('is refused over GraphQL: where %s', async (where) => {
    const { body } = await http.graphql(
      `{ ${GRAPHQL[collection].many}(where: ${where.replace('FIELD', field)}) { docs { id } } }`,
    )
    expect(body.errors[0].message).toContain('cannot be used to filter or sort')
  })
})

describe.each(CONTENT_COLLECTIONS)('version history of %s, for staff', (collection) => {
  const field = RICH_TEXT_FIELD[collection]

  it.each([
    `where[version.${field}][like]=${encodeURIComponent("' OR 1=1--")}`,
    `sort=version.${field}`,
    'limit=100000',
    'depth=50',
  ])('refuses %s with 400', async (query) => {
    const { status } = await timedGet(`/api/${collection}/versions?${query}`, 'admin')
    expect(status).toBe(400)
  })
})

describe('filters through relationships', () => {
  it.each(['techniques.description', 'faqs.answer', 'myths.fact', 'techniques.description.root'])(
    'refuse the rich text of a related document: %s',
    async (path) => {
      const { status, body } = await timedGet(`/api/articles?where[${path}][like]=${encodeURIComponent("' OR 1=1--")}`)
      expect(status).toBe(400)
      expect(body.errors[0].message).toContain('cannot be used to filter or sort')
    },
  )

  it.each(['author.email', 'author.role', 'author.hash', 'author.resetPasswordToken'])(
    'cannot probe the accounts of authors anonymously: %s',
    async (path) => {
      const { status, body } = await timedGet(`/api/articles?where[${path}][exists]=true`)
      expect(status === 400 || (status === 200 && body.docs.length === 0)).toBe(true)
    },
  )
})

describe("Payload's own collections", () => {
  it('refuse filtering on the JSON value of preferences', async () => {
    const { status } = await timedGet(
      `/api/payload-preferences?where[value][like]=${encodeURIComponent("' OR 1=1--")}`,
      'admin',
    )
    expect(status).toBe(400)
  })

  it.each(['payload-preferences', 'payload-locked-documents'])('refuse a limit above 100 on %s', async (collection) => {
    expect((await timedGet(`/api/${collection}?limit=100000`, 'admin')).status).toBe(400)
  })
})

it('refuses filtering on the JSON checklist of the workflow', async () => {
  const { status } = await timedGet(
    `/api/articles?where[workflow.checklist][like]=${encodeURIComponent("' OR 1=1--")}`,
    'admin',
  )
  expect(status).toBe(400)
})

describe.each(ALL_COLLECTIONS)('odd where and sort on %s', (collection) => {
  const oddQueries = [
    ...injections.map((value) => `where[id][equals]=${encodeURIComponent(value)}`),
    ...injections.map((value) => `where[slug][in]=${encodeURIComponent(value)}`),
    `where[content.root.children[0]][like]=x`,
    `where[__proto__][polluted]=1`,
    `where[constructor][prototype][x]=1`,
    `where[or][0][id][exists]=true&where[or][1][_status][equals]=draft`,
    `where[_status][not_equals]=published`,
    `where[author.password][exists]=true`,
    `where[author.hash][exists]=true`,
    `where[createdAt][greater_than]=${encodeURIComponent("now()'")}`,
    `sort=${encodeURIComponent('id; DROP TABLE users')}`,
    `sort=${encodeURIComponent('../../etc/passwd')}`,
    `select[${encodeURIComponent('id"; --')}]=true`,
  ]

  it.each(oddQueries)('never errors, never leaks a draft, answers quickly: %s', async (query) => {
    const { status, text, ms } = await timedGet(`/api/${collection}?${query}`)
    expect(status).toBeLessThan(500)
    expect(text.toLowerCase()).not.toContain(scenario.secret)
    expect(ms).toBeLessThan(QUICK_MS)
  })
})

describe('hidden fields of accounts, even for an admin', () => {
  it.each([
    'hash',
    'salt',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'lockUntil',
    'loginAttempts',
    'sessions.id',
  ])('cannot be filtered on: %s', async (field) => {
    const { status, body } = await timedGet(`/api/users?where[${field}][exists]=true`, 'admin')
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain('cannot be queried')
  })

  it.each(['hash', '-salt', 'resetPasswordToken'])('cannot be sorted on: %s', async (sort) => {
    const { status } = await timedGet(`/api/users?sort=${sort}`, 'admin')
    expect(status).toBe(400)
  })

  it('are not returned when selected (sessions only to their owner)', async () => {
    const { status, body } = await timedGet(
      '/api/users?select[hash]=true&select[salt]=true&select[resetPasswordToken]=true&select[sessions]=true&limit=100',
      'admin',
    )
    expect(status).toBe(200)
    for (const { sessions, ...rest } of body.docs) {
      expect(Object.keys(rest).sort()).toEqual(['collection', 'id'])
      if (rest.id !== people.admin.id) expect(sessions ?? []).toEqual([])
    }
  })
})

describe('depth', () => {
  it.each(ALL_COLLECTIONS)('above 3 is refused with 400 on %s', async (collection) => {
    const { status, body, ms } = await timedGet(`/api/${collection}?depth=50`, 'admin')
    expect(status).toBe(400)
    expect(body.errors[0].message).toBe(
      'depth may be at most 3. Ask for related documents separately if you need more.',
    )
    expect(ms).toBeLessThan(QUICK_MS)
  })

  it('above 3 is refused on a single document too', async () => {
    expect((await timedGet(`/api/articles/${scenario.linkingArticle.id}?depth=50`)).status).toBe(400)
  })

  it('up to 3 is served', async () => {
    const { status, body } = await timedGet(`/api/articles/${scenario.linkingArticle.id}?depth=3`)
    expect(status).toBe(200)
    expect(typeof body.techniques[0]).toBe('object')
  })
})

describe('limit', () => {
  it.each(ALL_COLLECTIONS)('above 100 is refused with 400 on %s', async (collection) => {
    const { status, body } = await timedGet(`/api/${collection}?limit=100000`, 'admin')
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/^limit may be at most 100\./)
  })

  it.each(['limit=0', 'pagination=false'])('"everything" (%s) is served as pages of 100', async (query) => {
    const { status, body } = await timedGet(`/api/techniques?${query}`)
    expect(status).toBe(200)
    expect(body.limit).toBe(100)
  })

  it('pagination=false with a limit keeps that limit and skips the count', async () => {
    const { status, body } = await timedGet('/api/techniques?limit=2&pagination=false')
    expect(status).toBe(200)
    expect(body.docs.length).toBeLessThanOrEqual(2)
    expect(body).toMatchObject({ limit: 2, totalPages: 1, hasNextPage: false })
  })

  it('pagination=false naming at most 100 documents by id (as Payload populates relationships) is answered whole, without a count; more ids get pages', async () => {
    const ids = (count: number) =>
      Array.from({ length: count }, (_, index) => `where[id][in][${index}]=${index + 1}`).join('&')
    const named = await timedGet(`/api/techniques?pagination=false&${ids(100)}`)
    expect(named.status).toBe(200)
    expect(named.body).toMatchObject({ totalPages: 1, hasNextPage: false, totalDocs: named.body.docs.length })
    expect(named.body.limit).not.toBe(100)
    const tooMany = await timedGet(`/api/techniques?pagination=false&${ids(101)}`)
    expect(tooMany.status).toBe(200)
    expect(tooMany.body.limit).toBe(100)
  })

  it('above 100 is refused over GraphQL', async () => {
    const { body } = await http.graphql('{ Techniques(limit: 100000) { docs { id } } }')
    expect(body.errors[0].message).toMatch(/^limit may be at most 100\./)
  })
})

describe('page caps cannot be walked around', () => {
  const badLimits = ['-1', '-100', 'abc', '1abc', '1.5']

  it.each(badLimits)('refuses limit=%j with 400 on lists and version lists', async (limit) => {
    for (const path of [
      `/api/articles?limit=${limit}`,
      `/api/articles/versions?limit=${limit}`,
      `/api/workflow-events?limit=${limit}`,
    ]) {
      const { status, body } = await timedGet(path, 'admin')
      expect({ path, status }).toEqual({ path, status: 400 })
      expect(body.errors[0].message).toMatch(/^limit must be a whole number/)
    }
  })

  it.each(['-1', '0', 'abc', '2.5'])('refuses page=%s with 400 instead of a 500', async (page) => {
    const { status, body } = await timedGet(`/api/techniques?page=${page}`)
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/^page must be a whole number/)
  })

  it('refuses depth=-1 with 400', async () => {
    expect((await timedGet('/api/techniques?depth=-1')).status).toBe(400)
  })

  it.each(['Techniques(limit: -1)', 'Techniques(limit: -100)', 'versionsArticles(limit: -1)', 'Techniques(page: -1)'])(
    'refuses %s over GraphQL',
    async (field) => {
      const { body } = await http.graphql(`{ ${field} { docs { id } } }`, 'admin')
      expect(body.errors[0].message).toMatch(/must be a whole number/)
    },
  )
})

describe('malformed ids', () => {
  it.each(['abc', '1.5', '99999999999999999999', '0', '-1', '2147483648'])(
    'answer 404, not 500: /api/articles/%s',
    async (id) => {
      for (const token of [undefined, 'admin']) {
        const { status, body } = await timedGet(`/api/articles/${id}`, token)
        expect(status).toBe(404)
        expect(body.errors[0].message).toMatch(/no articles document with that id/)
      }
    },
  )

  it('answer 404 on updates and deletes too', async () => {
    expect((await http.patch('/api/techniques/abc', { name: 'x' }, 'admin')).status).toBe(404)
    expect((await http.delete('/api/techniques/1.5', 'admin')).status).toBe(404)
  })
})

describe('document access checks', () => {
  it.each(CONTENT_COLLECTIONS)(
    'answer an anonymous caller alike for an unpublished and a missing %s (REST and GraphQL)',
    async (collection) => {
      const draft = scenario.docs[collection].draftOnly.id
      const ask = (id: number | string) => http.post(`/api/${collection}/access/${id}`, {})
      const forDraft = await ask(draft)
      expect(forDraft.status).toBe(404)
      expect(forDraft.body).toEqual((await ask(2_000_000_000)).body)
      const graphql = (id: number) =>
        http.graphql(`{ docAccess${GRAPHQL[collection].one}(id: ${id}) { read { permission } } }`)
      expect((await graphql(draft)).body).toEqual((await graphql(2_000_000_000)).body)
      expect((await ask(scenario.docs[collection].published.id)).status).toBe(200)
    },
  )

  it('still answer staff for a draft', async () => {
    const { status } = await http.post(`/api/articles/access/${scenario.docs.articles.draftOnly.id}`, {}, 'admin')
    expect(status).toBe(200)
  })
})

it('answers GET /api/payload-migrations with a plain 404 that names no internal address', async () => {
  const { status, text } = await timedGet('/api/payload-migrations')
  expect(status).toBe(404)
  expect(text).not.toMatch(/https?:\/\//)
})

it('answers a missing media file with 404 for staff, and anonymously like a private image (403)', async () => {
  expect((await timedGet('/api/media/file/no-such-file.jpg', 'admin')).status).toBe(404)
  // Anonymous readers may read images of live pages only: a missing file is not told apart from a private one.
  expect((await timedGet('/api/media/file/no-such-file.jpg')).status).toBe(403)
})
