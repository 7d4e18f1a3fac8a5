/**
 * GraphQL abuse: queries nested too deep or too costly are refused before anything runs;
 * introspection and the playground are off in production (the built server always runs as such).
 */
import { httpClient } from '../helpers/content'
import { startServer, type RunningServer } from '../helpers/server'

let server: RunningServer
let http: ReturnType<typeof httpClient>

beforeAll(async () => {
  server = await startServer()
  http = httpClient(server.baseUrl)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

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

it('refuses a query that costs too much, before running it', async () => {
  const aliases = Array.from({ length: 400 }, (_, index) => `a${index}: Articles(limit: 100) { docs { id title slug } }`).join(' ')
  const { body } = await http.graphql(`{ ${aliases} }`)
  expect(body.data).toBeUndefined()
  expect(body.errors[0].message).toMatch(/complexity/i)
})

it('refuses introspection', async () => {
  const { body } = await http.graphql('{ __schema { types { name fields { name } } } }')
  expect(body.data).toBeUndefined()
  expect(body.errors[0].message).toMatch(/introspection is not allowed/)
})

it('serves no playground', async () => {
  const response = await fetch(`${server.baseUrl}/api/graphql-playground`)
  expect(response.status).toBe(404)
})
