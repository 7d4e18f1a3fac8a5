/**
 * Database outages, against a Postgres this test starts and stops itself (the project's embedded
 * Postgres in a temporary folder): while it is gone the server stays up, /ready turns 503 and API
 * requests fail fast with 503; once it is back the server recovers by itself within 5 s.
 */
import path from 'node:path'

import { createDatabaseIfMissing } from '../../src/db/database'
import { EmbeddedPostgres, findFreePort } from '../../src/db/embeddedPostgres'
import { contentData } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { use, useServer, useTempDir } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

const RECOVERY_LIMIT_MS = 5_000
/** The server needs three failed checks a second apart before it calls it an outage. */
const DETECTION_LIMIT_MS = 6_000
/** Longer than the server needs to notice (about a second), far shorter than any connection timeout. */
const FAST_ANSWER_MS = 2_000

const DATABASE = 'spa_cms_faults'

const root = useTempDir('spa-cms-faults-')
const postgres = use(
  'the Postgres of this test',
  async () => {
    // A fixed port, so the restarted Postgres is where the server's DATABASE_URL points.
    const cluster = new EmbeddedPostgres({ dataDir: path.join(root.path, 'cluster'), port: await findFreePort() })
    await cluster.start()
    await createDatabaseIfMissing(cluster.url(DATABASE))
    return cluster
  },
  (cluster) => cluster.stop(),
)
const server = useServer({ env: () => ({ DATABASE_URL: postgres.url(DATABASE) }) }) // applies the migrations on start
const http = httpClient(server)

beforeAll(() => http.firstRegister(uniqueEmail('faults-admin'), 'admin'))

/** The status of a request and how long it took to answer. */
async function timed(request: () => Promise<{ status: number }>): Promise<{ status: number; ms: number }> {
  const started = Date.now()
  const { status } = await request()
  return { status, ms: Date.now() - started }
}

const readArticles = () => http.get('/api/articles?depth=0&limit=5')
const readGraphql = () => http.graphql('{ Articles(limit: 5) { docs { id title } } }')
const ready = () => http.get('/ready')

it('answers 503 quickly while Postgres is down and recovers by itself within 5 s of it coming back', async () => {
  // Fill Payload's pool with idle connections: when Postgres stops each of them dies with an error.
  const warm = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 ? readArticles() : readGraphql())))
  expect(warm.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200])

  await postgres.stop()
  // Until the server has noticed, a request may fail otherwise, but never hang.
  await waitFor(
    'API requests answered with 503',
    async () => {
      const answer = await timed(readArticles)
      expect(answer.ms).toBeLessThan(FAST_ANSWER_MS)
      return answer.status === 503
    },
    DETECTION_LIMIT_MS,
  )

  const article = await readArticles()
  expect(article.status).toBe(503)
  expect(article.body).toEqual({ errors: [{ message: 'The database is unavailable; try again shortly.' }] })
  const retryAfter = (await http.get('/api/articles')).headers.get('retry-after')
  expect(Number(retryAfter)).toBeGreaterThan(0)
  for (const request of [
    readGraphql,
    () => http.post('/api/users/login', { email: 'nobody@spa.test', password: TEST_PASSWORD }),
    ready,
  ]) {
    const answer = await timed(request)
    expect(answer).toMatchObject({ status: 503 })
    expect(answer.ms).toBeLessThan(FAST_ANSWER_MS)
  }
  expect((await http.get('/health')).status).toBe(200)

  await postgres.start()
  const backAt = Date.now()
  await waitFor(
    'the server to answer API requests again',
    async () => (await readArticles()).status === 200,
    RECOVERY_LIMIT_MS,
  )
  expect(Date.now() - backAt).toBeLessThan(RECOVERY_LIMIT_MS)
  expect((await ready()).status).toBe(200)
  expect((await readGraphql()).status).toBe(200)
  // Writes work again too: a transaction on a fresh connection.
  const created = await http.post(
    '/api/articles?draft=true',
    { ...contentData('articles', 'After the outage'), _status: 'draft' },
    'admin',
  )
  expect(created.status).toBe(201)
  // Payload's pool lost connections: expected and logged as a warning, never an uncaught error.
  expect(server.output()).toContain('database connection lost')
  expect(server.output()).not.toMatch(/uncaught/i)
  // The connections the outage broke do not hold up a clean shutdown either.
  expect(await server.stop()).toBe(0)
})
