/**
 * `npm run soak -- --minutes N [--readers 4] [--editors 2]`: a bounded soak of the real server. Starts it on a fresh database
 * of its own (a new database on DATABASE_URL's server, or an embedded Postgres in a temporary
 * folder) with the demo content, creates a writer and a reviewer, then for N minutes drives a
 * mixed workload over loopback: anonymous REST and GraphQL reads, writer edits, and submit,
 * approve and publish by the reviewer. Reports errors, p50/p99 latency as the workers saw it and as
 * the server logged it (its request log's responseTime, matched by request id: the difference is
 * time spent in the network stack and in this process, which shares the machine), and the server's RSS
 * (from /proc/<pid>/status), writes bench/results/soak-latest.md and exits 1 on any error or on
 * steady memory growth (see soakReport.ts).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { createDatabaseIfMissing, redactDatabaseUrl, withDatabaseName } from '../src/db/database'
import { contentData } from '../tests/helpers/content'
import { startServer, type RunningServer } from '../tests/helpers/server'
import { dropDatabase, startTestServer, uniqueDatabaseName } from '../tests/setup/testDatabase'
import { markdownReport, noSamples, type KindStats, type MemorySample } from './soakReport'

/** Workers of each kind, unless `--readers` / `--editors` say otherwise (to see who slows whom). */
const DEFAULT_WORKERS = { readers: 4, editors: 2 }
/** Pause between one worker's requests: a steady load that leaves the shared machine some air. */
const THINK_MS = { reader: 50, editor: 100 }
const MEMORY_SAMPLE_SECONDS = 10
const SERVER_HEAP_MIB = 384
/** A request that hangs counts as an error, and the soak still ends on time. */
const REQUEST_TIMEOUT_MS = 30_000
const PASSWORD = 'Soak-Test-Password-1!'
const REPORT_FILE = path.resolve('bench/results/soak-latest.md')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function rssMiBOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'))
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024
}

class Workload {
  readonly kinds: Record<string, KindStats> = {}
  readonly firstErrors: string[] = []
  /** Each answered request's kind, by the request id the server answered with. */
  private readonly kindOfRequest = new Map<string, string>()

  constructor(private readonly baseUrl: string) {}

  /** One request, timed; anything but `expected` counts as an error of its kind. */
  async request(
    kind: string,
    expected: number,
    pathname: string,
    init: { method?: string; body?: unknown; token?: string } = {},
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape the soak reads
  ): Promise<any> {
    const stats = (this.kinds[kind] ??= noSamples())
    const started = performance.now()
    let status = 0
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    let body: any
    try {
      const response = await fetch(`${this.baseUrl}${pathname}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      status = response.status
      const requestId = response.headers.get('x-request-id')
      if (requestId) this.kindOfRequest.set(requestId, kind)
      body = await response.json()
    } catch (error) {
      body = { errors: [{ message: (error as Error).message }] }
    }
    stats.count += 1
    stats.latenciesMs.push(performance.now() - started)
    const failed = status !== expected || (kind.startsWith('GraphQL') && body?.errors)
    if (failed) {
      stats.errors += 1
      if (this.firstErrors.length < 10)
        this.firstErrors.push(`${kind}: ${status} ${JSON.stringify(body?.errors ?? body).slice(0, 300)}`)
      return undefined
    }
    return body
  }

  /** Adds the server's own timing of each request, from the lines of its request log. */
  readServerTimings(serverOutput: string): void {
    for (const line of serverOutput.split('\n')) {
      if (!line.includes('"request completed"')) continue
      const entry = JSON.parse(line) as { req?: { id?: string }; responseTime?: number }
      // Setup requests are not reported (their kind is dropped before the load starts).
      const stats = this.kinds[this.kindOfRequest.get(entry.req?.id ?? '') ?? '']
      if (stats && typeof entry.responseTime === 'number') stats.serverLatenciesMs.push(entry.responseTime)
    }
  }
}

async function createAccounts(workload: Workload) {
  const admin = await workload.request('setup', 200, '/api/users/first-register', {
    body: { email: 'soak-admin@spa.test', password: PASSWORD },
  })
  if (!admin) throw new Error(`could not create the first user: ${workload.firstErrors.join('; ')}`)
  const tokens: Record<'writer' | 'reviewer', string> = { writer: '', reviewer: '' }
  for (const role of ['writer', 'reviewer'] as const) {
    const email = `soak-${role}@spa.test`
    await workload.request('setup', 201, '/api/users', {
      body: { email, password: PASSWORD, role },
      token: admin.token,
    })
    const login = await workload.request('setup', 200, '/api/users/login', { body: { email, password: PASSWORD } })
    if (!login) throw new Error(`could not log in as the ${role}: ${workload.firstErrors.join('; ')}`)
    tokens[role] = login.token
  }
  return tokens
}

const PUBLIC_READS: [kind: string, read: (workload: Workload, slug: string) => Promise<unknown>][] = [
  ['REST list', (workload) => workload.request('REST list', 200, '/api/articles?limit=12&sort=-publishedAt&depth=0')],
  [
    'REST by slug',
    (workload, slug) =>
      workload.request('REST by slug', 200, `/api/articles?where[slug][equals]=${slug}&depth=1&limit=1`),
  ],
  ['REST list', (workload) => workload.request('REST list', 200, '/api/techniques?limit=0&sort=name')],
  [
    'GraphQL',
    (workload) =>
      workload.request('GraphQL', 200, '/api/graphql', {
        body: { query: '{ Articles(limit: 12, sort: "-publishedAt") { docs { title slug excerpt publishedAt } } }' },
      }),
  ],
  [
    'GraphQL',
    (workload) =>
      workload.request('GraphQL', 200, '/api/graphql', {
        body: { query: '{ Faqs(limit: 0, sort: "order") { docs { question slug category order } } }' },
      }),
  ],
]

async function readPublicContent(workload: Workload, until: number, slug: string): Promise<void> {
  for (let turn = 0; Date.now() < until; turn += 1) {
    await PUBLIC_READS[turn % PUBLIC_READS.length][1](workload, slug)
    await sleep(THINK_MS.reader)
  }
}

/** A writer's article going round the workflow: edit, submit, approve, publish, and again. */
async function editAndPublish(
  workload: Workload,
  until: number,
  tokens: Record<'writer' | 'reviewer', string>,
  editor: number,
): Promise<void> {
  const created = await workload.request('create', 201, '/api/articles?draft=true', {
    body: { ...contentData('articles', `Soak article ${editor} ${Date.now()}`), _status: 'draft' },
    token: tokens.writer,
  })
  if (!created) return
  const id = created.doc.id as number
  const steps = [
    () =>
      workload.request('edit', 200, `/api/articles/${id}?draft=true`, {
        method: 'PATCH',
        body: { excerpt: `Edited at ${new Date().toISOString()}` },
        token: tokens.writer,
      }),
    () =>
      workload.request('transition: submit', 200, `/api/articles/${id}/workflow`, {
        body: { action: 'submit' },
        token: tokens.writer,
      }),
    () =>
      workload.request('transition: approve', 200, `/api/articles/${id}/workflow`, {
        body: { action: 'approve' },
        token: tokens.reviewer,
      }),
    () =>
      workload.request('transition: publish', 200, `/api/articles/${id}/workflow`, {
        body: { action: 'publish' },
        token: tokens.reviewer,
      }),
  ]
  for (let turn = 0; Date.now() < until; turn += 1) {
    // A failed step would leave the article in a stage the next step does not expect: stop this editor.
    if (!(await steps[turn % steps.length]())) return
    await sleep(THINK_MS.editor)
  }
}

function sampleMemory(pid: number, samples: MemorySample[], startedAt: number, minutes: number): NodeJS.Timeout {
  const sample = () => {
    const atSeconds = Math.round((Date.now() - startedAt) / 1000 / MEMORY_SAMPLE_SECONDS) * MEMORY_SAMPLE_SECONDS
    samples.push({ atSeconds, rssMiB: rssMiBOf(pid) })
    if (atSeconds % 60 === 0)
      console.log(`soak: ${atSeconds / 60}/${minutes} min, server RSS ${samples.at(-1)!.rssMiB.toFixed(0)} MiB`)
  }
  sample()
  return setInterval(sample, MEMORY_SAMPLE_SECONDS * 1000)
}

interface SoakOptions {
  minutes: number
  readers: number
  editors: number
}

async function soak(
  { minutes, readers, editors }: SoakOptions,
  server: RunningServer,
  database: string,
): Promise<boolean> {
  const workload = new Workload(server.baseUrl)
  const tokens = await createAccounts(workload)
  const { docs } = await workload.request('setup', 200, '/api/articles?limit=1&depth=0')
  const slug = docs[0]?.slug ?? 'none'
  delete workload.kinds.setup

  const startedAt = Date.now()
  const until = startedAt + minutes * 60_000
  const memory: MemorySample[] = []
  const sampler = sampleMemory(server.pid, memory, startedAt, minutes)
  await Promise.all([
    ...Array.from({ length: readers }, () => readPublicContent(workload, until, slug)),
    ...Array.from({ length: editors }, (_, editor) => editAndPublish(workload, until, tokens, editor)),
  ])
  clearInterval(sampler)
  workload.readServerTimings(server.output())
  if (memory.at(-1)!.atSeconds < minutes * 60) memory.push({ atSeconds: minutes * 60, rssMiB: rssMiBOf(server.pid) })

  const { markdown, passed } = markdownReport({
    startedAt: new Date(startedAt),
    minutes,
    database,
    kinds: workload.kinds,
    memory,
    firstErrors: workload.firstErrors,
    command: `npm run soak -- --minutes ${minutes}${readers === DEFAULT_WORKERS.readers && editors === DEFAULT_WORKERS.editors ? '' : ` --readers ${readers} --editors ${editors}`}`,
  })
  mkdirSync(path.dirname(REPORT_FILE), { recursive: true })
  writeFileSync(REPORT_FILE, markdown)
  console.log(markdown)
  return passed
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      readers: { type: 'string', default: String(DEFAULT_WORKERS.readers) },
      editors: { type: 'string', default: String(DEFAULT_WORKERS.editors) },
    },
  })
  const minutes = Number(values.minutes)
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got "${values.minutes}"`)
  const workers = { readers: Number(values.readers), editors: Number(values.editors) }
  for (const [kind, count] of Object.entries(workers))
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`--${kind} must be a whole number ≥ 0, got "${values[kind as keyof typeof workers]}"`)

  const postgres = await startTestServer()
  const databaseUrl = withDatabaseName(postgres.serverUrl, uniqueDatabaseName('soak'))
  let server: RunningServer | undefined
  try {
    await createDatabaseIfMissing(databaseUrl)
    // All load comes from this one address, as from a front end's server: lift its GraphQL limit.
    server = await startServer({
      DATABASE_URL: databaseUrl,
      DEMO_CONTENT: 'on',
      NODE_ENV: 'production',
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      GRAPHQL_RATE_LIMIT: '1000000000',
      // The heap a container with 512 MB would allow: V8 then collects instead of growing lazily,
      // so what RSS still gains over the run is memory really kept. Options given to the soak (a
      // profiler's --import, say) reach the server too.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--max-old-space-size=${SERVER_HEAP_MIB}`].filter(Boolean).join(' '),
    })
    const passed = await soak(
      { minutes, ...workers },
      server,
      process.env.DATABASE_URL
        ? `new database on ${redactDatabaseUrl(postgres.serverUrl)}`
        : 'embedded Postgres in a temporary folder',
    )
    const exitCode = await server.stop()
    server = undefined
    if (exitCode !== 0) throw new Error(`the server exited with code ${exitCode} after SIGTERM`)
    process.exitCode = passed ? 0 : 1
  } finally {
    await server?.stop()
    await dropDatabase(databaseUrl)
    await postgres.stop()
  }
}

main().catch((error: unknown) => {
  console.error(`soak failed: ${error instanceof Error ? error.stack : String(error)}`)
  process.exitCode = 1
})
