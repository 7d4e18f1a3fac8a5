/**
 * `npm run bench [-- --duration 5 --connections 10,50]`: the read benchmark of issue 6.
 * Seeds its own database, then measures, in one run and on one machine, with autocannon:
 *   T0  a bare node:http + pg server answering the same requests with the same JSON (the limit)
 *   T1  spa-cms with the read cache off
 *   T2  spa-cms with the read cache on
 * Every response is checked byte for byte against what spa-cms answered before the run; a
 * difference or any non-200 counts as an error. Prints the table and writes bench/results/latest.md.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'

import { loadDotEnvFile, projectRoot } from '../src/config'
import { findFreePort } from '../src/db/embeddedPostgres'
import { TYPESCRIPT_NODE_ARGS } from '../src/server/childScripts'
import { runScript } from '../src/scripts/runScript'
import { collectOutput, spawnServer, waitForExit } from '../tests/helpers/server'
import { createMigratedDatabase, dropDatabase, startTestServer } from '../tests/setup/testDatabase'
import { DATASET } from './dataset'
import { requestKey, SCENARIOS, type BenchRequest, type Scenario } from './scenarios'

const TIERS = ['T0', 'T1', 'T2'] as const
type Tier = (typeof TIERS)[number]

interface Measurement {
  rps: number
  p50: number
  p99: number
  errors: number
  requests: number
}

interface Options {
  durationSeconds: number
  connections: number[]
}

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`)
    return index >= 0 ? argv[index + 1] : undefined
  }
  const durationSeconds = Number(value('duration') ?? 5)
  const connections = (value('connections') ?? '10,50').split(',').map(Number)
  if (!(durationSeconds > 0) || connections.some((count) => !(count > 0))) {
    throw new Error('usage: npm run bench [-- --duration <seconds> --connections 10,50]')
  }
  return { durationSeconds, connections }
}

interface Running {
  baseUrl: string
  stop(): Promise<void>
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`)
    if (await fetch(url).then((response) => response.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`server not ready in time:\n${output()}`)
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM')
  await waitForExit(child)
}

/**
 * spa-cms as `npm start` runs it; request logs at warn, as T0 logs nothing either. All load comes
 * from one address, as from a front end's server: its GraphQL rate limit is lifted.
 */
async function startSpaCms(databaseUrl: string, readCache: 'on' | 'off'): Promise<Running> {
  const port = await findFreePort()
  const child = spawnServer({ DATABASE_URL: databaseUrl, PORT: String(port), READ_CACHE: readCache, LOG_LEVEL: 'warn', GRAPHQL_RATE_LIMIT: '1000000000' })
  const output = collectOutput(child)
  const baseUrl = `http://127.0.0.1:${port}`
  await waitUntilAnswering(`${baseUrl}/ready`, child, output)
  return { baseUrl, stop: () => stopChild(child) }
}

async function startBareServer(databaseUrl: string): Promise<Running> {
  const child = spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, 'bench/bareServer.ts')], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').once('data', (line: string) => resolve(JSON.parse(line).port))
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
  })
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => stopChild(child) }
}

async function seed(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, 'bench/seed.ts')], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  })
  if ((await waitForExit(child)) !== 0) throw new Error('seeding the benchmark data failed')
}

const send = (baseUrl: string, request: BenchRequest) =>
  fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    body: request.body,
    // Uncompressed, as autocannon asks: the same cached variant (fetch would ask for gzip).
    headers: { 'accept-encoding': 'identity', ...(request.body ? { 'content-type': 'application/json' } : {}) },
  })

/** What spa-cms answers to every request: the reference all tiers are checked against. */
async function captureExpected(baseUrl: string): Promise<Map<string, string>> {
  const expected = new Map<string, string>()
  for (const request of SCENARIOS.flatMap((scenario) => scenario.requests)) {
    const response = await send(baseUrl, request)
    const body = await response.text()
    if (response.status !== 200 || body.includes('"errors"')) throw new Error(`${request.method} ${request.path} answered ${response.status}: ${body.slice(0, 300)}`)
    expected.set(requestKey(request), body)
  }
  return expected
}

async function storeForBareServer(databaseUrl: string, expected: Map<string, string>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('CREATE TABLE bench_t0_responses (key text PRIMARY KEY, body text NOT NULL)')
    for (const [key, body] of expected) await client.query('INSERT INTO bench_t0_responses VALUES ($1, $2)', [key, body])
  } finally {
    await client.end()
  }
}

/** One pass over every request: fills T2's cache and warms every tier's code paths alike. */
async function warm(baseUrl: string, scenario: Scenario): Promise<void> {
  for (const request of scenario.requests) await (await send(baseUrl, request)).arrayBuffer()
}

async function measure(baseUrl: string, scenario: Scenario, connections: number, options: Options, expected: Map<string, string>): Promise<Measurement> {
  let turn = 0
  let wrong = 0
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: options.durationSeconds,
    requests: [
      {
        setupRequest: (request, context) => {
          const next = scenario.requests[turn++ % scenario.requests.length]
          ;(context as { key?: string }).key = requestKey(next)
          return { ...request, method: next.method, path: next.path, body: next.body, headers: next.body ? { 'content-type': 'application/json' } : {} }
        },
        onResponse: (status, body, context) => {
          if (status !== 200 || body !== expected.get((context as { key: string }).key)) wrong++
        },
      },
    ],
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + wrong,
    requests: result.requests.total,
  }
}

type Results = Map<string, Record<Tier, Measurement>>

const resultKey = (scenario: Scenario, connections: number) => `${scenario.name}|${connections}`

async function measureTier(tier: Tier, server: Running, options: Options, expected: Map<string, string>, results: Results): Promise<void> {
  for (const scenario of SCENARIOS) {
    await warm(server.baseUrl, scenario)
    for (const connections of options.connections) {
      const measurement = await measure(server.baseUrl, scenario, connections, options, expected)
      const row = results.get(resultKey(scenario, connections)) ?? ({} as Record<Tier, Measurement>)
      row[tier] = measurement
      results.set(resultKey(scenario, connections), row)
      console.log(`${tier} ${scenario.name} @${connections}: ${Math.round(measurement.rps)} req/s, p99 ${measurement.p99} ms, ${measurement.errors} errors`)
    }
  }
}

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a')
const latency = (m: Measurement) => `${m.p50} / ${m.p99}`

function report(results: Results, options: Options): string {
  const lines = [
    '# Read benchmark (issue 6)',
    '',
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; autocannon in the same machine.`,
    `Command: \`npm run bench -- --duration ${options.durationSeconds} --connections ${options.connections.join(',')}\` (${options.durationSeconds} s per cell).`,
    `Data set: ${DATASET.publishedArticles} published articles (5–10 KB rich text, 2–5 techniques each), ${DATASET.draftArticles} drafts, ${DATASET.techniques} techniques, ${DATASET.faqs} FAQs, ${DATASET.myths} myths.`,
    'T0: bare node:http + pg, one indexed lookup of the same JSON per request. T1: spa-cms, READ_CACHE=off. T2: spa-cms, READ_CACHE=on.',
    'Errors: connection errors, timeouts, non-200 answers and bodies that differ from the reference by a single byte.',
    '',
    '| Scenario | Conn. | T0 req/s | T1 req/s | T2 req/s | T2/T0 | T2/T1 | p50 / p99 ms T0 | T1 | T2 | Errors T0/T1/T2 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const scenario of SCENARIOS) {
    for (const connections of options.connections) {
      const { T0, T1, T2 } = results.get(resultKey(scenario, connections)) as Record<Tier, Measurement>
      lines.push(
        `| ${scenario.name} | ${connections} | ${Math.round(T0.rps)} | ${Math.round(T1.rps)} | ${Math.round(T2.rps)} | ${ratio(T2.rps, T0.rps)} | ${ratio(T2.rps, T1.rps)} | ${latency(T0)} | ${latency(T1)} | ${latency(T2)} | ${T0.errors}/${T1.errors}/${T2.errors} |`,
      )
    }
  }
  return lines.join('\n') + '\n'
}

runScript('bench', async () => {
  loadDotEnvFile()
  const options = readOptions(process.argv.slice(2))
  const postgres = await startTestServer()
  const databaseUrl = await createMigratedDatabase(postgres.serverUrl, 'bench')
  const running: Running[] = []
  try {
    console.log('seeding…')
    await seed(databaseUrl)
    const results: Results = new Map()

    const uncached = await startSpaCms(databaseUrl, 'off')
    running.push(uncached)
    const expected = await captureExpected(uncached.baseUrl)
    await storeForBareServer(databaseUrl, expected)
    await measureTier('T1', uncached, options, expected, results)
    await running.pop()?.stop()

    const cached = await startSpaCms(databaseUrl, 'on')
    running.push(cached)
    await measureTier('T2', cached, options, expected, results)
    await running.pop()?.stop()

    const bare = await startBareServer(databaseUrl)
    running.push(bare)
    await measureTier('T0', bare, options, expected, results)
    await running.pop()?.stop()

    const table = report(results, options)
    writeFileSync(path.join(projectRoot, 'bench/results/latest.md'), table)
    console.log(`\n${table}`)
  } finally {
    for (const server of running) await server.stop()
    await dropDatabase(databaseUrl)
    await postgres.stop()
  }
})
