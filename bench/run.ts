/**
 * `npm run bench [-- --duration 5 --connections 10,50 --rounds 1 --articles 500 --trials 10]`:
 * the read benchmark (issues 6 and 17). Seeds its own database, then measures with autocannon,
 * in one run, every tier side by side: all servers run at once and each cell (scenario ×
 * connections) measures the tiers one after another, so they share the machine's state.
 *   T0′ bare node:http answering the same bytes from memory (the limit for a cache)
 *   T0  bare node:http + pg, one indexed lookup per request (the limit for a database read)
 *   T1s stock Payload 3.90.2 with the same collections, data and requests (bench/stock)
 *   T1  spa-cms with the read cache off
 *   T1g spa-cms with the read cache off on ten times the published articles (`--growth <database>`),
 *       reading slugs spread over all of them: the growth target, measured in the same cells as T1
 *   T2  spa-cms with the read cache on
 * Every response is checked byte for byte against what spa-cms answered before the run; a
 * difference or any non-200 counts as an error (T1s is checked against its own first answers, and
 * the report says whether they equal spa-cms's). The CPU time each server process spent per
 * request is read from /proc. Then the writes-visible measurement (writesVisible.ts) runs on a
 * second spa-cms instance with the cache on. Prints the report and writes it to
 * bench/results/latest.md (latest-<N>-articles.md with --articles N other than 500).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'

import { loadDotEnvFile, projectRoot } from '../src/config'
import { createDatabaseIfMissing, withDatabaseName } from '../src/db/database'
import { createLogger } from '../src/logging'
import { ensureBuild } from '../src/server/build'
import { applyMigrations } from '../src/server/childScripts'
import { runScript } from '../src/scripts/runScript'
import { createMigratedDatabase, dropDatabase, startTestServer } from '../tests/setup/testDatabase'
import { datasetWith, DEFAULT_PUBLISHED_ARTICLES, publishedArticlesOption, type Dataset } from './dataset'
import { medianBy, summarise } from './stats'
import { requestKey, scenariosFor, SLUGS_READ, type BenchRequest, type Scenario } from './scenarios'
import { seed, startBareServer, startSpaCms, startStockPayload, type Running } from './servers'
import { STOCK_BUILD } from './stock/stockBuild'
import { measureWritesVisible, type Visibility } from './writesVisible'

const TIERS = ['T0′', 'T0', 'T1s', 'T1', 'T1g', 'T2', 'T1b', 'T2b'] as const
type Tier = (typeof TIERS)[number]

interface Measurement {
  rps: number
  p50: number
  p99: number
  errors: number
  requests: number
  /** CPU time of the server process (user + system) per answered request. */
  cpuMsPerRequest: number
  /** Answers without `X-Cache: HIT` (T2 must answer all from memory). */
  notFromMemory: number
}

interface Options {
  durationSeconds: number
  connections: number[]
  rounds: number
  publishedArticles: number
  tiers: Tier[]
  /** Publishes timed by the writes-visible measurement; 0 skips it. */
  trials: number
  /** `--keep <name>`: a database of that name, seeded on first use and kept for the next run. */
  keptDatabase?: string
  /** `--baseline <dir>`: another checkout of spa-cms (built), measured as T1b and T2b beside T1 and T2. */
  baseline?: string
  /** `--growth <name>`: a database of ten times the published articles (seeded on first use, kept), measured as T1g. */
  growth?: string
}

const GROWTH_FACTOR = 10

/** Tiers that need an option: the baseline's without --baseline, T1g without --growth. */
const tierAvailable = (tier: Tier, baseline?: string, growth?: string) =>
  tier.endsWith('b') ? Boolean(baseline) : tier === 'T1g' ? Boolean(growth) : true

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`)
    return index >= 0 ? argv[index + 1] : undefined
  }
  const durationSeconds = Number(value('duration') ?? 5)
  const connections = (value('connections') ?? '10,50').split(',').map(Number)
  const rounds = Number(value('rounds') ?? 1)
  const trials = Number(value('trials') ?? 10)
  const baseline = value('baseline')
  const growth = value('growth')
  const tiers = (value('tiers')?.split(',') ?? TIERS.filter((tier) => tierAvailable(tier, baseline, growth))) as Tier[]
  if (
    !(durationSeconds > 0) ||
    connections.some((count) => !(count > 0)) ||
    !(rounds >= 1) ||
    !(trials >= 0) ||
    tiers.some((tier) => !TIERS.includes(tier)) ||
    tiers.some((tier) => !tierAvailable(tier, baseline, growth))
  ) {
    throw new Error(
      `usage: npm run bench [-- --duration <seconds> --connections 10,50 --rounds 1 --articles 500 --trials 10 --tiers ${TIERS.join(',')} --baseline <checkout, for T1b and T2b> --growth <database, for T1g>]`,
    )
  }
  const keptDatabase = value('keep')
  for (const [option, name] of [
    ['keep', keptDatabase],
    ['growth', growth],
  ] as const) {
    if (name !== undefined && !/^[a-z_][a-z0-9_]*$/.test(name))
      throw new Error(`--${option} takes a database name of lowercase letters, digits and underscores`)
  }
  return {
    durationSeconds,
    connections,
    rounds,
    publishedArticles: publishedArticlesOption(argv),
    tiers,
    trials,
    keptDatabase,
    baseline,
    growth,
  }
}

const send = (baseUrl: string, request: BenchRequest) =>
  fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    body: request.body,
    // Uncompressed, as autocannon asks: the same cached variant (fetch would ask for gzip).
    headers: { 'accept-encoding': 'identity', ...(request.body ? { 'content-type': 'application/json' } : {}) },
  })

/** What a server answers to every request: the reference its measurements are checked against. */
async function captureAnswers(baseUrl: string, scenarios: Scenario[]): Promise<Map<string, string>> {
  const answers = new Map<string, string>()
  for (const request of scenarios.flatMap((scenario) => scenario.requests)) {
    const response = await send(baseUrl, request)
    const body = await response.text()
    if (response.status !== 200 || body.includes('"errors"'))
      throw new Error(`${request.method} ${request.path} answered ${response.status}: ${body.slice(0, 300)}`)
    answers.set(requestKey(request), body)
  }
  return answers
}

async function storeForBareServers(databaseUrl: string, expected: Map<string, string>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('DROP TABLE IF EXISTS bench_t0_responses')
    await client.query('CREATE TABLE bench_t0_responses (key text PRIMARY KEY, body text NOT NULL)')
    for (const [key, body] of expected)
      await client.query('INSERT INTO bench_t0_responses VALUES ($1, $2)', [key, body])
  } finally {
    await client.end()
  }
}

/** autocannon hands over the header names as the server wrote them. */
const cacheHeader = (headers: Record<string, unknown> = {}) => headers['X-Cache'] ?? headers['x-cache']

/** One pass over every request: fills T2's cache and warms every tier's code paths alike. */
async function warm(baseUrl: string, scenario: Scenario): Promise<void> {
  for (const request of scenario.requests) await (await send(baseUrl, request)).arrayBuffer()
}

/**
 * T2 serves from memory only while it hears the database's change notices; on a busy machine its
 * listener may still be (re)connecting after start. Warms until the scenario's answers are hits.
 */
async function warmUntilServedFromMemory(baseUrl: string, scenario: Scenario): Promise<void> {
  const deadline = Date.now() + 120_000
  for (;;) {
    await warm(baseUrl, scenario)
    const responses = await Promise.all(
      [scenario.requests[0], scenario.requests.at(-1)!].map((request) => send(baseUrl, request)),
    )
    if (responses.every((response) => response.headers.get('x-cache') === 'HIT')) return
    if (Date.now() > deadline) throw new Error(`T2 does not answer ${scenario.name} from memory`)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}

/** CPU milliseconds (user + system) the process has used so far. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10
}

async function measure(
  server: Running,
  scenario: Scenario,
  connections: number,
  options: Options,
  expected: Map<string, string>,
): Promise<Measurement> {
  let turn = 0
  let wrong = 0
  let notFromMemory = 0
  const cpuBefore = cpuMsOf(server.pid)
  const result = await autocannon({
    url: server.baseUrl,
    connections,
    duration: options.durationSeconds,
    requests: [
      {
        setupRequest: (request, context) => {
          const next = scenario.requests[turn++ % scenario.requests.length]
          ;(context as { key?: string }).key = requestKey(next)
          return {
            ...request,
            method: next.method,
            path: next.path,
            body: next.body,
            headers: next.body ? { 'content-type': 'application/json' } : {},
          }
        },
        onResponse: (status, body, context, headers) => {
          if (status !== 200 || body !== expected.get((context as { key: string }).key)) wrong++
          if (cacheHeader(headers) !== 'HIT') notFromMemory++
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
    cpuMsPerRequest: (cpuMsOf(server.pid) - cpuBefore) / Math.max(1, result.requests.total),
    notFromMemory,
  }
}

type Cell = Partial<Record<Tier, Measurement[]>>
type Results = Map<string, Cell>

const resultKey = (scenario: Scenario, connections: number) => `${scenario.name}|${connections}`

/** The scenarios each tier is asked: its own for a tier on another data set (T1g), the run's otherwise. */
type ScenariosOf = Partial<Record<Tier, Scenario[]>>

async function measureAll(
  servers: Partial<Record<Tier, Running>>,
  references: Partial<Record<Tier, Map<string, string>>>,
  scenarios: Scenario[],
  scenariosOf: ScenariosOf,
  options: Options,
): Promise<Results> {
  const results: Results = new Map()
  const asked = (tier: Tier, index: number) => (scenariosOf[tier] ?? scenarios)[index]
  for (let round = 1; round <= options.rounds; round++) {
    for (const [index, scenario] of scenarios.entries()) {
      for (const tier of options.tiers)
        await (tier.startsWith('T2') ? warmUntilServedFromMemory : warm)(servers[tier]!.baseUrl, asked(tier, index))
      for (const connections of options.connections) {
        const cell = results.get(resultKey(scenario, connections)) ?? {}
        for (const tier of options.tiers) {
          const measurement = await measure(servers[tier]!, asked(tier, index), connections, options, references[tier]!)
          ;(cell[tier] ??= []).push(measurement)
          console.log(
            `round ${round} ${tier} ${scenario.name} @${connections}: ${Math.round(measurement.rps)} req/s, p99 ${measurement.p99} ms, ${measurement.cpuMsPerRequest.toFixed(2)} CPU ms/req, ${measurement.errors} errors`,
          )
        }
        results.set(resultKey(scenario, connections), cell)
      }
    }
  }
  return results
}

const ratio = (a: Measurement | undefined, b: Measurement | undefined) =>
  a && b && b.rps > 0 ? `${(a.rps / b.rps).toFixed(2)}×` : '–'
const perTier = (tiers: Tier[], cell: Record<string, Measurement | undefined>, show: (m: Measurement) => string) =>
  tiers.map((tier) => (cell[tier] ? show(cell[tier]!) : '–')).join(' | ')

interface Extras {
  dataset: Dataset
  stockAnswersDiffer?: number
  requestsCompared: number
  visibility?: Visibility
  growthDataset?: Dataset
}

function report(results: Results, scenarios: Scenario[], options: Options, extras: Extras): string {
  const { dataset } = extras
  const tiers = options.tiers
  const allTiers = TIERS.filter((tier) => tierAvailable(tier, options.baseline, options.growth))
  const command = `npm run bench -- --duration ${options.durationSeconds} --connections ${options.connections.join(',')} --rounds ${options.rounds} --articles ${options.publishedArticles}${options.baseline ? ` --baseline ${options.baseline}` : ''}${options.growth ? ` --growth ${options.growth}` : ''}${options.tiers.length < allTiers.length ? ` --tiers ${options.tiers.join(',')}` : ''}`
  const growth = tiers.includes('T1g')
  const lines = [
    '# Read benchmark (issues 6 and 17)',
    '',
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; autocannon in the same machine, shared with other work (load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}).`,
    `Command: \`${command}\` (${options.durationSeconds} s per cell and tier; tiers measured one after another within each cell${options.rounds > 1 ? `; the median of ${options.rounds} rounds` : ''}).`,
    `Data set: ${dataset.publishedArticles} published articles (5–10 KB rich text, 2–5 techniques each), ${dataset.draftArticles} drafts, ${dataset.techniques} techniques, ${dataset.faqs} FAQs, ${dataset.myths} myths; by-slug scenarios rotate over ${scenarios[1].requests.length} articles.`,
    "T0′: bare node:http answering the same bytes from memory. T0: bare node:http + pg, one indexed lookup of the same JSON per request. T1s: stock Payload 3.90.2 (bench/stock), same collections, data and requests, none of spa-cms's hooks, access rules or guards. T1: spa-cms, READ_CACHE=off. T2: spa-cms, READ_CACHE=on." +
      (options.baseline
        ? ` T1b, T2b: the same from the checkout at ${path.relative(projectRoot, options.baseline) || '.'} (before), measured in the same run.`
        : '') +
      (growth && extras.growthDataset
        ? ` T1g: T1 on ${extras.growthDataset.publishedArticles} published articles (database ${options.growth}), by-slug scenarios rotating over ${SLUGS_READ} slugs spread over all of them; T1g/T1 is the growth target (within 25 %: ≥ 0.80×).`
        : ''),
    'Errors: connection errors, timeouts, non-200 answers and bodies that differ from the reference by a single byte. T2 misses: T2 answers without `X-Cache: HIT`.' +
      (extras.stockAnswersDiffer === undefined
        ? ''
        : ` T1s answers differing from spa-cms's: ${extras.stockAnswersDiffer} of ${extras.requestsCompared}.`),
    '',
    '## Throughput (req/s) and ratios',
    '',
    `| Scenario | Conn. | ${tiers.join(' | ')} | T2/T0′ | T2/T0 | T1/T1s | T2/T1 |${growth ? ' T1g/T1 |' : ''}${options.baseline ? ' T1/T1b | T2/T2b |' : ''}`,
    `| --- | ---: | ${tiers.map(() => '---:').join(' | ')} | ---: | ---: | ---: | ---: |${growth ? ' ---: |' : ''}${options.baseline ? ' ---: | ---: |' : ''}`,
  ]
  const medians = (cell: Cell) =>
    Object.fromEntries(tiers.map((tier) => [tier, cell[tier] && medianBy(cell[tier]!, (m) => m.rps)])) as Record<
      Tier,
      Measurement | undefined
    >
  const rows = scenarios.flatMap((scenario) =>
    options.connections.map((connections) => ({
      scenario,
      connections,
      m: medians(results.get(resultKey(scenario, connections)) ?? {}),
    })),
  )
  for (const { scenario, connections, m } of rows) {
    lines.push(
      `| ${scenario.name} | ${connections} | ${perTier(tiers, m, (x) => String(Math.round(x.rps)))} | ${ratio(m.T2, m['T0′'])} | ${ratio(m.T2, m.T0)} | ${ratio(m.T1, m.T1s)} | ${ratio(m.T2, m.T1)} |${growth ? ` ${ratio(m.T1g, m.T1)} |` : ''}${options.baseline ? ` ${ratio(m.T1, m.T1b)} | ${ratio(m.T2, m.T2b)} |` : ''}`,
    )
  }
  lines.push(
    '',
    '## Latency p50 / p99 (ms), CPU per request (ms) and errors',
    '',
    `| Scenario | Conn. | ${tiers.map((tier) => `${tier} p50/p99`).join(' | ')} | ${tiers.map((tier) => `${tier} CPU`).join(' | ')} | Errors ${tiers.join('/')} | T2 misses |`,
    `| --- | ---: | ${tiers.map(() => '---:').join(' | ')} | ${tiers.map(() => '---:').join(' | ')} | ---: | ---: |`,
  )
  for (const { scenario, connections, m } of rows) {
    lines.push(
      `| ${scenario.name} | ${connections} | ${perTier(tiers, m, (x) => `${x.p50} / ${x.p99}`)} | ${perTier(tiers, m, (x) => x.cpuMsPerRequest.toFixed(2))} | ${tiers.map((tier) => m[tier]?.errors ?? '–').join('/')} | ${m.T2?.notFromMemory ?? '–'} |`,
    )
  }
  if (extras.visibility) {
    lines.push(
      '',
      '## Writes visible',
      '',
      "From a publish's 200 (workflow `publish` over HTTP on instance A) to the first anonymous read of the cached list of 12 newest showing the article; both instances held the list in memory before.",
      '',
      '| Read on | Trials | p50 ms | max ms |',
      '| --- | ---: | ---: | ---: |',
    )
    for (const [reader, times] of Object.entries(extras.visibility)) {
      const { p50, max } = summarise(times)
      lines.push(`| ${reader} | ${times.length} | ${p50.toFixed(1)} | ${max.toFixed(1)} |`)
    }
  }
  return lines.join('\n') + '\n'
}

/** A kept database holds the seeded data set once its bench accounts exist (seed.ts creates them first, the articles last). */
async function isSeeded(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl })
  try {
    await client.connect()
    const { rows } = await client.query(`SELECT count(*)::int AS drafts FROM articles WHERE slug LIKE 'bench-draft-%'`)
    return rows[0].drafts > 0
  } catch {
    return false // no such database or no tables yet
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A kept database with the data set: created, migrated and seeded on first use. */
async function keptAndSeeded(databaseUrl: string, publishedArticles: number): Promise<void> {
  if (await isSeeded(databaseUrl)) return
  await createDatabaseIfMissing(databaseUrl)
  await applyMigrations(databaseUrl)
  console.log(`seeding ${publishedArticles} published articles…`)
  await seed(databaseUrl, publishedArticles)
}

const reportFile = (publishedArticles: number) =>
  path.join(
    projectRoot,
    'bench/results',
    publishedArticles === DEFAULT_PUBLISHED_ARTICLES ? 'latest.md' : `latest-${publishedArticles}-articles.md`,
  )

runScript('bench', async () => {
  loadDotEnvFile()
  const options = readOptions(process.argv.slice(2))
  const dataset = datasetWith(options.publishedArticles)
  const scenarios = scenariosFor(dataset)
  // Built before any server starts, so that no start waits for a build.
  await ensureBuild(createLogger('info', 'bench'))
  if (options.tiers.includes('T1s')) await ensureBuild(createLogger('info', 'bench'), STOCK_BUILD)
  const postgres = await startTestServer()
  const kept = options.keptDatabase ? withDatabaseName(postgres.serverUrl, options.keptDatabase) : undefined
  const databaseUrl = kept ?? (await createMigratedDatabase(postgres.serverUrl, 'bench'))
  const running: Running[] = []
  const started = async (server: Promise<Running>) => {
    running.push(await server)
    return running.at(-1)!
  }
  try {
    if (kept) await keptAndSeeded(kept, dataset.publishedArticles)
    else {
      console.log(`seeding ${dataset.publishedArticles} published articles…`)
      await seed(databaseUrl, dataset.publishedArticles)
    }

    const servers: Partial<Record<Tier, Running>> = {}
    servers.T1 = await started(startSpaCms(databaseUrl, 'off'))
    const expected = await captureAnswers(servers.T1.baseUrl, scenarios)
    await storeForBareServers(databaseUrl, expected)
    const references: Partial<Record<Tier, Map<string, string>>> = {
      T1: expected,
      T2: expected,
      T0: expected,
      'T0′': expected,
    }
    const extras: Extras = { dataset, requestsCompared: expected.size }
    if (options.tiers.includes('T2')) servers.T2 = await started(startSpaCms(databaseUrl, 'on'))
    if (options.tiers.includes('T1b')) servers.T1b = await started(startSpaCms(databaseUrl, 'off', options.baseline))
    if (options.tiers.includes('T2b')) servers.T2b = await started(startSpaCms(databaseUrl, 'on', options.baseline))
    for (const tier of ['T1b', 'T2b'] as const) references[tier] = expected
    if (options.tiers.includes('T0')) servers.T0 = await started(startBareServer(databaseUrl, false))
    if (options.tiers.includes('T0′')) servers['T0′'] = await started(startBareServer(databaseUrl, true))
    if (options.tiers.includes('T1s')) {
      servers.T1s = await started(startStockPayload(databaseUrl))
      references.T1s = await captureAnswers(servers.T1s.baseUrl, scenarios)
      extras.stockAnswersDiffer = [...expected].filter(([key, body]) => references.T1s!.get(key) !== body).length
    }

    const scenariosOf: ScenariosOf = {}
    if (options.tiers.includes('T1g')) {
      const growthDataset = datasetWith(dataset.publishedArticles * GROWTH_FACTOR)
      const growthUrl = withDatabaseName(postgres.serverUrl, options.growth!)
      await keptAndSeeded(growthUrl, growthDataset.publishedArticles)
      servers.T1g = await started(startSpaCms(growthUrl, 'off'))
      scenariosOf.T1g = scenariosFor(growthDataset)
      references.T1g = await captureAnswers(servers.T1g.baseUrl, scenariosOf.T1g)
      extras.growthDataset = growthDataset
    }

    const results = await measureAll(servers, references, scenarios, scenariosOf, options)

    if (options.trials > 0) {
      const instanceA = servers.T2 ?? (await started(startSpaCms(databaseUrl, 'on')))
      const instanceB = await started(startSpaCms(databaseUrl, 'on'))
      extras.visibility = await measureWritesVisible(
        instanceA.baseUrl,
        [
          { name: 'instance A (the one that published)', baseUrl: instanceA.baseUrl },
          { name: 'instance B (LISTEN/NOTIFY)', baseUrl: instanceB.baseUrl },
        ],
        scenarios[0].requests[0],
        options.trials,
      )
    }

    const markdown = report(results, scenarios, options, extras)
    writeFileSync(reportFile(dataset.publishedArticles), markdown)
    console.log(`\n${markdown}`)
  } finally {
    for (const server of running.reverse()) await server.stop()
    if (!kept) await dropDatabase(databaseUrl)
    await postgres.stop()
  }
})
