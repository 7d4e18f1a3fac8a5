/**
 * Several spa-cms instances on one machine, as a deployment runs them (README: Running several
 * instances): three instances (A, B, C) started at the same moment on an empty database, sharing
 * a Postgres primary with a streaming replica (pg_basebackup), Redis, an S3 server (s3rver) and,
 * for A and B, HAProxy with deploy/haproxy.cfg. Figures are printed, never asserted on time.
 *
 * Needs Debian's postgresql, haproxy and redis-server packages: without them the tests are
 * skipped with a notice, except in CI (CI=true) where that is a failure.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import pg from 'pg'
import sharp from 'sharp'

import { projectRoot } from '../../src/config'
import { httpClient, type HttpResult, type Who } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { startServer, type RunningServer } from '../helpers/server'
import { use, useTempDir, useWebhookReceiver } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'
import { clusterBinaries, startHaproxy, startRedis, startReplicatedPostgres, startS3 } from './services'

const { binaries, missing } = clusterBinaries()
if (missing.length > 0) {
  const message = `the cluster tests need ${missing.join(', ')} (apt-get install -y postgresql haproxy redis-server)`
  if (process.env.CI === 'true') throw new Error(`Cannot run ${message}.`)
  console.warn(`Skipping the cluster tests: ${message}.`)
}
const describeCluster = binaries ? describe : describe.skip

const DATABASE = 'spa_cms'
/** Three instances starting together (and migrating, and loading the demo content) on 2 cores. */
const START_TIMEOUT_MS = 240_000
const WEBHOOK_SECRET = randomBytes(32).toString('hex')

describeCluster('several instances', () => {
  const root = useTempDir('spa-cms-cluster-')
  const postgres = use(
    'the replicated Postgres',
    () => startReplicatedPostgres(binaries!, root.path),
    (running) => running.stop(),
  )
  const redis = use(
    'Redis',
    () => startRedis(binaries!),
    (running) => running.stop(),
  )
  const s3 = use(
    'the S3 server',
    () => startS3(root.path),
    (running) => running.stop(),
  )
  // Each delivery is refused once: its retry falls due a second later, when every instance's
  // runner is looking for due jobs at the same moment (the race a claim without a lock loses).
  const receivers = [
    useWebhookReceiver({ failFirst: 1, delayMs: 50 }),
    useWebhookReceiver({ failFirst: 1, delayMs: 50 }),
  ]
  const primary = use(
    'a pool on the primary',
    async () => {
      const maintenance = new pg.Client({ connectionString: postgres.primaryUrl('postgres') })
      await maintenance.connect()
      await maintenance.query(`CREATE DATABASE ${DATABASE}`)
      await maintenance.end()
      return new pg.Pool({ connectionString: postgres.primaryUrl(DATABASE), max: 2 })
    },
    (pool) => pool.end(),
  )
  const instances: Record<'A' | 'B' | 'C', RunningServer | undefined> = { A: undefined, B: undefined, C: undefined }
  let instanceEnv: Record<string, string>
  let startUpSeconds: number
  use(
    'the instances',
    async () => {
      instanceEnv = {
        NODE_ENV: 'production',
        DEMO_CONTENT: 'on',
        DATABASE_URL: postgres.primaryUrl(DATABASE),
        DATABASE_REPLICA_URLS: postgres.replicaUrl(DATABASE),
        REDIS_URL: redis.url,
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        // Uploads must never land on this machine's disk: an empty folder that must stay empty.
        MEDIA_DIR: path.join(root.path, 'local-media'),
        TRUST_PROXY: '1',
        WEBHOOK_URLS: receivers.map((receiver) => receiver.url).join(','),
        WEBHOOK_SECRET,
      }
      const started = Date.now()
      // Settled one by one so that the instances which did start are stopped afterwards.
      const results = await Promise.allSettled([startInstance(), startInstance(), startInstance()])
      startUpSeconds = (Date.now() - started) / 1000
      ;[instances.A, instances.B, instances.C] = results.map((result) =>
        result.status === 'fulfilled' ? result.value : undefined,
      )
      const failures = results.flatMap((result, index) =>
        result.status === 'rejected' ? [`instance ${'ABC'[index]}: ${(result.reason as Error).message}`] : [],
      )
      if (failures.length > 0) throw new Error(failures.join('\n\n'))
      return instances
    },
    () => Promise.all(Object.values(instances).map((running) => running?.stop())),
    { startTimeoutMs: START_TIMEOUT_MS + 60_000 },
  )
  const balancer = use(
    'HAProxy',
    () =>
      startHaproxy(binaries!, root.path, [new URL(instance('A').baseUrl).host, new URL(instance('B').baseUrl).host]),
    (running) => running.stop(),
  )

  let adminToken: string
  beforeAll(async () => {
    const admin = { email: uniqueEmail('admin'), password: TEST_PASSWORD }
    await ok(call(instance('A').baseUrl, 'POST', '/api/users/first-register', { body: admin }), 'first user')
    adminToken = await team.on(instance('B')).login(admin.email, 'admin')
    for (const role of ['writer', 'reviewer'] as const) {
      const email = uniqueEmail(role)
      await ok(
        call(instance('B').baseUrl, 'POST', '/api/users', {
          as: 'admin',
          body: { email, password: TEST_PASSWORD, role },
        }),
        `create ${role}`,
      )
      await team.on(instance('C')).login(email, role)
    }
  })

  const instance = (name: keyof typeof instances) => {
    const running = instances[name]
    if (!running) throw new Error(`instance ${name} is not running`)
    return running
  }

  /** The same people (admin, writer, reviewer) logged in on every instance and the load balancer. */
  const team = httpClient('http://127.0.0.1')

  const call = (
    base: string,
    method: string,
    urlPath: string,
    options: { body?: unknown; as?: Who; headers?: Record<string, string> } = {},
  ) => team.on(base).request(method, urlPath, options.body, options.as, { headers: options.headers })

  async function ok(answer: Promise<HttpResult>, what: string): Promise<HttpResult['body']> {
    const { status, body, text } = await answer
    if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${text}`)
    return body
  }

  /** A writer's article, submitted and approved: ready for a reviewer to publish. */
  async function approvedArticle(base: string, title: string): Promise<{ id: number; slug: string }> {
    const created = await ok(
      call(base, 'POST', '/api/articles?draft=true', { as: 'writer', body: { title, excerpt: `About ${title}` } }),
      'create article',
    )
    const { id, slug } = created.doc as { id: number; slug: string }
    await ok(call(base, 'POST', `/api/articles/${id}/workflow`, { as: 'writer', body: { action: 'submit' } }), 'submit')
    await ok(
      call(base, 'POST', `/api/articles/${id}/workflow`, {
        as: 'reviewer',
        body: { action: 'approve', acknowledgeClaims: true },
      }),
      'approve',
    )
    return { id, slug }
  }

  const publish = (base: string, id: number) =>
    ok(call(base, 'POST', `/api/articles/${id}/workflow`, { as: 'reviewer', body: { action: 'publish' } }), 'publish')

  const anonymousList = (base: string, slug: string) =>
    call(base, 'GET', `/api/articles?where[slug][equals]=${slug}&depth=0`)

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await primary.query<{ count: string }>(sql, params)).rows[0].count)
  }

  function startInstance(env: Record<string, string> = {}): Promise<RunningServer> {
    return startServer({ ...instanceEnv, ...env }, START_TIMEOUT_MS)
  }

  it('three instances started at the same moment on an empty database all become ready, after one migration run and one demo import', async () => {
    console.log(
      `cluster: 3 instances started together on an empty database, all ready after ${startUpSeconds.toFixed(1)} s`,
    )
    const migrationFiles = readdirSync(path.join(projectRoot, 'migrations')).filter((file) =>
      /^\d{8}_\d{6}_.+\.ts$/.test(file),
    )
    expect(await count("SELECT count(*) FROM payload_migrations WHERE name <> 'dev'")).toBe(migrationFiles.length)
    expect(await count('SELECT count(DISTINCT name) FROM payload_migrations')).toBe(
      await count('SELECT count(*) FROM payload_migrations'),
    )
    // The demo content: its five techniques, once.
    expect(await count('SELECT count(*) FROM techniques')).toBe(5)
  })

  it('serves an image uploaded through instance A from instance B, out of the S3 bucket', async () => {
    const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 200, g: 120, b: 90 } } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(png)], { type: 'image/png' }),
      `stone-${randomBytes(3).toString('hex')}.png`,
    )
    form.append('_payload', JSON.stringify({ alt: 'A warm stone' }))
    const uploaded = await team.on(instance('A')).post('/api/media', form, 'admin')
    expect(uploaded.status).toBe(201)
    const { doc } = uploaded.body as { doc: { filename: string; url: string } }

    // As staff: no published page shows the image yet, so it is not public (src/images).
    const served = await fetch(`${instance('B').baseUrl}/api/media/file/${doc.filename}`, {
      headers: { authorization: `JWT ${adminToken}` },
    })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
    // An answer to credentials is personal: no shared cache keeps it.
    expect(served.headers.get('cache-control')).toBe('private, no-store')

    const bucket = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    })
    const stored = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: doc.filename }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(png)).toBe(true)
    bucket.destroy()
    expect(existsSync(instanceEnv.MEDIA_DIR) ? readdirSync(instanceEnv.MEDIA_DIR) : []).toEqual([])
  })

  it('counts login attempts across instances', async () => {
    // One client address for this test (the instances trust one proxy, as behind HAProxy).
    const client = { 'x-forwarded-for': `198.51.100.${1 + Math.floor(Math.random() * 250)}` }
    const attempt = (name: keyof typeof instances) =>
      call(instance(name).baseUrl, 'POST', '/api/users/login', {
        headers: client,
        body: { email: 'nobody@spa.test', password: 'wrong-password' },
      })
    const order = ['A', 'B', 'C'] as const
    const statuses: number[] = []
    for (let index = 0; index < 10; index++) statuses.push((await attempt(order[index % 3])).status)
    expect(statuses.every((status) => status === 401)).toBe(true)
    for (const name of order) expect([name, (await attempt(name)).status]).toEqual([name, 429])
  })

  it('counts GraphQL reads across instances in Redis, those answered from the read cache before express included', async () => {
    const client = { 'x-forwarded-for': `203.0.113.${1 + Math.floor(Math.random() * 250)}` }
    const query = `/api/graphql?query=${encodeURIComponent('{ Articles(limit: 1) { docs { id } } }')}`
    const read = (name: keyof typeof instances) => call(instance(name).baseUrl, 'GET', query, { headers: client })
    const order = ['A', 'B', 'C'] as const
    const answers: { status: number; cache: string | null }[] = []
    // The limit is GRAPHQL_RATE_LIMIT's default, 300 per minute per client address.
    for (let index = 0; index < 300; index++) {
      const { status, headers } = await read(order[index % 3])
      answers.push({ status, cache: headers.get('x-cache') })
    }
    expect(answers.every(({ status }) => status === 200)).toBe(true)
    expect(answers.filter(({ cache }) => cache === 'HIT').length).toBeGreaterThan(290)
    for (const name of order) expect([name, (await read(name)).status]).toEqual([name, 429])
  })

  it('shows a publish through A to anonymous readers of B (the figure is printed)', async () => {
    const { id, slug } = await approvedArticle(
      instance('A').baseUrl,
      `Cluster visibility ${randomBytes(3).toString('hex')}`,
    )
    await anonymousList(instance('B').baseUrl, slug)
    expect((await anonymousList(instance('B').baseUrl, slug)).headers.get('x-cache')).toBe('HIT')
    await publish(instance('A').baseUrl, id)
    const published = Date.now()
    await waitFor(
      'the article on B',
      async () => (await anonymousList(instance('B').baseUrl, slug)).body.totalDocs === 1,
      10_000,
    )
    console.log(
      `cluster: published through A, visible to anonymous readers of B (cached, read from the replica) after ${Date.now() - published} ms`,
    )
  })

  it('never refills the read cache from a replica that has not replayed a change it was told about', async () => {
    const { id, slug } = await approvedArticle(
      instance('A').baseUrl,
      `Cluster replica ${randomBytes(3).toString('hex')}`,
    )
    await anonymousList(instance('B').baseUrl, slug)
    expect((await anonymousList(instance('B').baseUrl, slug)).headers.get('x-cache')).toBe('HIT')
    await postgres.pauseReplay()
    try {
      await publish(instance('A').baseUrl, id)
      // B hears of the change (its cached answer goes) while its replica still lacks it.
      await waitFor(
        'B to drop its cached answer',
        async () => (await anonymousList(instance('B').baseUrl, slug)).headers.get('x-cache') === 'MISS',
        10_000,
      )
      for (let read = 0; read < 5; read++) {
        const answer = await anonymousList(instance('B').baseUrl, slug)
        expect([answer.body.totalDocs, answer.headers.get('x-cache')]).toEqual([0, 'MISS'])
      }
    } finally {
      await postgres.resumeReplay()
    }
    await waitFor(
      'the article on B once the replica caught up',
      async () => (await anonymousList(instance('B').baseUrl, slug)).body.totalDocs === 1,
      10_000,
    )
  })

  it('delivers each webhook job exactly once while every instance runs the queue', async () => {
    const PUBLISHES = 16
    const articles = await Promise.all(
      Array.from({ length: PUBLISHES }, (_, index) =>
        approvedArticle(
          instance(index % 2 ? 'B' : 'A').baseUrl,
          `Cluster webhook ${index} ${randomBytes(3).toString('hex')}`,
        ),
      ),
    )
    let publishing = true
    // Besides the runs each publish kicks off, every instance runs the queue over and over.
    const runners = (['A', 'B', 'C'] as const).map(async (name) => {
      while (publishing)
        await call(instance(name).baseUrl, 'GET', '/api/payload-jobs/run?queue=webhooks&limit=5', { as: 'admin' })
    })
    await Promise.all(articles.map(({ id }, index) => publish(instance(index % 2 ? 'A' : 'B').baseUrl, id)))
    // Every publish so far (the earlier tests' too) queued one job per receiver; done jobs are deleted.
    const publishes = await count("SELECT count(*) FROM workflow_events WHERE action = 'publish'")
    const jobs = publishes * receivers.length
    const ids = (kind: 'requests' | 'attempts') =>
      receivers.flatMap((receiver) => receiver[kind].map((received) => String(received.headers['x-spa-cms-delivery'])))
    await waitFor(
      'every webhook job to be delivered and done',
      async () =>
        new Set(ids('requests')).size >= jobs &&
        (await count("SELECT count(*) FROM payload_jobs WHERE queue = 'webhooks' AND completed_at IS NULL")) === 0,
      90_000,
    )
    publishing = false
    await Promise.all(runners)

    const delivered = ids('requests')
    const duplicates = delivered.filter((delivery, index) => delivered.indexOf(delivery) !== index)
    console.log(
      `cluster: ${publishes} publishes × ${receivers.length} receivers = ${jobs} webhook jobs, each refused once then retried: ${ids('attempts').length} attempts, ${delivered.length} deliveries, ${duplicates.length} duplicates, 3 instances running the queue`,
    )
    expect(duplicates).toEqual([])
    expect(new Set(delivered).size).toBe(jobs)
    // One refused attempt and one delivery per job: no attempt ran twice either.
    expect(ids('attempts').length).toBe(2 * jobs)
  }, 120_000)

  it(
    'keeps every acknowledged write when an instance behind HAProxy is killed, fails only what it had in flight, and takes it back after a restart',
    async () => {
      const lb = balancer
      const WORKERS = 6
      const requests: {
        started: number
        ended: number
        status: number
        write: boolean
        id?: number
        error?: string
      }[] = []
      let running = true
      const worker = async (index: number) => {
        for (let turn = 0; running; turn++) {
          const write = (turn + index) % 3 === 0
          const started = Date.now()
          try {
            const answer = write
              ? await call(lb.url, 'POST', '/api/articles?draft=true', {
                  as: 'writer',
                  body: { title: `Load ${index}-${turn} ${randomBytes(3).toString('hex')}` },
                })
              : await call(lb.url, 'GET', '/api/articles?limit=5&depth=0')
            requests.push({ started, ended: Date.now(), status: answer.status, write, id: answer.body?.doc?.id })
          } catch (error) {
            requests.push({
              started,
              ended: Date.now(),
              status: 0,
              write,
              error: String((error as Error).cause ?? error),
            })
          }
        }
      }
      const load = Array.from({ length: WORKERS }, (_, index) => worker(index))
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      const portA = new URL(instance('A').baseUrl).port
      await instance('A').kill()
      // Requests sent before A was gone may have been in flight on it.
      const killedAt = Date.now()
      instances.A = undefined
      await new Promise((resolve) => setTimeout(resolve, 5_000))
      running = false
      await Promise.all(load)

      const failed = requests.filter((request) => request.status < 200 || request.status > 299)
      const acknowledged = requests.filter((request) => request.write && request.status >= 200 && request.status < 300)
      const afterKill = failed.filter((request) => request.started >= killedAt)
      expect(afterKill.map((request) => ({ ...request, sinceKill: request.started - killedAt }))).toEqual([])
      const ids = acknowledged.map((request) => request.id)
      expect(ids.every((id) => typeof id === 'number')).toBe(true)
      expect(await count('SELECT count(*) FROM articles WHERE id = ANY($1)', [ids])).toBe(ids.length)
      console.log(
        `cluster: SIGKILL of A under load (${WORKERS} clients through HAProxy, 5 s after the kill): ${requests.length} requests, ${failed.length} failed, all sent before A was gone (${[...new Set(failed.map((request) => request.status || request.error))].join(', ')}); ${acknowledged.length} acknowledged writes, all present`,
      )

      const restarted = Date.now()
      instances.A = await startInstance({ PORT: portA })
      const before = (await lb.servers())['app-1'].requests
      await waitFor(
        'HAProxy to send A traffic again',
        async () => {
          await call(lb.url, 'GET', '/api/articles?limit=1&depth=0')
          const app1 = (await lb.servers())['app-1']
          return app1.status === 'UP' && app1.requests > before
        },
        60_000,
      )
      console.log(
        `cluster: A restarted and back in HAProxy's rotation ${((Date.now() - restarted) / 1000).toFixed(1)} s after its restart began`,
      )
    },
    START_TIMEOUT_MS,
  )

  it('refuses logins but serves GraphQL reads while Redis is down, and counts again once it is back', async () => {
    const client = { 'x-forwarded-for': `203.0.113.${1 + Math.floor(Math.random() * 250)}` }
    const loginAttempt = () =>
      call(instance('B').baseUrl, 'POST', '/api/users/login', {
        headers: client,
        body: { email: 'nobody@spa.test', password: 'wrong-password' },
      })
    const graphqlRead = () =>
      call(instance('B').baseUrl, 'POST', '/api/graphql', {
        headers: client,
        body: { query: '{ Techniques(limit: 1) { docs { name } } }' },
      })
    await redis.kill()
    try {
      const refused = await loginAttempt()
      expect(refused.status).toBe(503)
      expect(refused.body.errors[0].message).toMatch(/try again in a few seconds/)
      const read = await graphqlRead()
      expect([read.status, read.body.data?.Techniques?.docs?.length]).toEqual([200, 1])
    } finally {
      await redis.restart()
    }
    await waitFor('logins to be counted again', async () => (await loginAttempt()).status === 401, 20_000)
  })
})
