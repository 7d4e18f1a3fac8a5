/**
 * GraphQL abuse: queries nested too deep, naming too many fields, returning too many documents or
 * spreading fragments in a cycle are refused before anything runs;
 * introspection and the playground are off in production (the built server always runs as such).
 */
import { SCENARIOS } from '../../bench/scenarios'
import { httpClient } from '../helpers/http'
import { useServer } from '../helpers/suite'

const http = httpClient(useServer())

/** The deepest selection a front end needs today: 7 levels. */
const REAL_QUERY = '{ Articles(limit: 1) { docs { techniques { image { sizes { thumbnail { url } } } } } } }'

it('answers a real front-end query, fragments included', async () => {
  expect((await http.graphql(REAL_QUERY)).body.errors).toBeUndefined()
  const { body } = await http.graphql(`
    query { Articles(limit: 1) { docs { ...Related } } }
    fragment Related on Article { techniques { image { ...Sizes } } }
    fragment Sizes on Media { sizes { thumbnail { url } } }
  `)
  expect(body.errors).toBeUndefined()
})

it('refuses a query nested deeper than 10 levels, counting through fragments, with the reason', async () => {
  const { body } = await http.graphql(`
    query { Articles { docs { ...Deep } } }
    fragment Deep on Article { techniques { image { sizes { thumbnail { ...Deeper } } } } }
    fragment Deeper on Media_Sizes_Thumbnail { url { a { b { c { d } } } } }
  `)
  expect(body.data).toBeUndefined()
  expect(body.errors.map((error: { message: string }) => error.message)).toContain(
    'This query is nested 11 levels deep; at most 10 are allowed. Ask for related documents in separate queries.',
  )
})

const contentAliases = (count: number, limit = 100) =>
  Array.from({ length: count }, (_, index) => `a${index}: Articles(limit: ${limit}) { docs { content } }`).join(' ')

it('refuses the many-aliases stall (300 × Articles(limit: 100) { docs { content } }) before validating it', async () => {
  const started = performance.now()
  const { status, body } = await http.graphql(`{ ${contentAliases(300)} }`)
  expect(status).toBe(400)
  expect(body.errors[0].message).toMatch(/at most 250 are allowed/)
  expect(performance.now() - started).toBeLessThan(2_000)
})

it.each([
  ['aliases', `{ ${contentAliases(20)} }`, undefined],
  [
    'a variable limit',
    'query ($n: Int) { a: Articles(limit: $n) { docs { content } } b: Articles(limit: $n) { docs { content } } c: Articles(limit: $n) { docs { content } } }',
    { n: 100 },
  ],
  [
    'fragments',
    '{ a: Articles(limit: 100) { ...Body } b: Articles(limit: 100) { ...Body } c: Articles(limit: 100) { ...Body } } fragment Body on Articles { docs { content title } }',
    undefined,
  ],
  [
    'limit 0 ("everything")',
    '{ a: Articles(limit: 0) { docs { content } } b: Faqs(limit: 0) { docs { answer } } c: Myths(limit: 0) { docs { fact } } }',
    undefined,
  ],
])(
  'refuses a query whose documents would cost too much, counted per document (%s), before running it',
  async (_, query, variables) => {
    const { body } = await http.post('/api/graphql', { query, variables })
    expect(body.data).toBeUndefined()
    expect(body.errors[0].message).toMatch(/would cost about \d+ to answer; at most 5000 is allowed/)
  },
)

it("answers the front ends' reference queries (the bench's)", async () => {
  for (const scenario of SCENARIOS.filter((each) => each.name.startsWith('GraphQL'))) {
    const [{ method, path, body: query }] = scenario.requests
    const { body } = await fetch(http.url(path), {
      method,
      headers: query ? { 'content-type': 'application/json' } : {},
      body: query,
    }).then(async (response) => ({ body: await response.json() }))
    expect({ scenario: scenario.name, errors: body.errors }).toEqual({ scenario: scenario.name, errors: undefined })
  }
})

it('keeps answering other readers promptly while costly queries arrive', async () => {
  const costly = Array.from({ length: 6 }, () => http.graphql(`{ ${contentAliases(2)} }`))
  const refused = Array.from({ length: 6 }, () => http.graphql(`{ ${contentAliases(300)} }`))
  const started = performance.now()
  const ready = await http.get('/ready')
  const read = await http.get('/api/techniques?limit=1&depth=0')
  const promptMs = performance.now() - started
  expect([ready.status, read.status]).toEqual([200, 200])
  await Promise.all([...costly, ...refused])
  expect(promptMs).toBeLessThan(3_000)
})

it.each([
  'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
  'query { Articles { ...Self } } fragment Self on Articles { docs { id } ...Self }',
])('refuses fragments that spread themselves with 400 instead of a 500: %s', async (query) => {
  const { status, body } = await http.graphql(query)
  expect(status).toBe(400)
  expect(body.errors[0].message).toMatch(/spreads itself/)
})

it('refuses introspection', async () => {
  const { body } = await http.graphql('{ __schema { types { name fields { name } } } }')
  expect(body.data).toBeUndefined()
  expect(body.errors[0].message).toMatch(/introspection is not allowed/)
})

it('serves no playground', async () => {
  const response = await http.get('/api/graphql-playground')
  expect(response.status).toBe(404)
})
