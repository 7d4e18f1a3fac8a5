/**
 * `npm run bench:profile -- --keep <database> [--tiers T1s,T1] [--scenarios 0,3] [--duration 10] [--connections 10]`:
 * where a tier's CPU goes. Starts each tier with V8's sampling profiler (cpuProfileOnExit.mjs) on a database `npm run bench
 * -- --keep <database>` seeded, drives one scenario after another at it with autocannon, stops it
 * (the profile is written on exit) and prints, per tier, the CPU milliseconds per request spent
 * in each package and in each of our own functions (inclusive: a function's callees count too).
 * Side by side, T1 against T1s names what spa-cms adds to a cache miss, T2 against T0′ what the
 * hit path pays for. Profiles stay in bench/results/profiles/ (not committed) for a closer look.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import autocannon from 'autocannon'

import { loadDotEnvFile, projectRoot } from '../src/config'
import { createLogger } from '../src/logging'
import { ensureBuild } from '../src/server/build'
import { withDatabaseName } from '../src/db/database'
import { runScript } from '../src/scripts/runScript'
import { startTestServer } from '../tests/setup/testDatabase'
import { datasetWith, publishedArticlesOption } from './dataset'
import { scenariosFor, type Scenario } from './scenarios'
import { startBareServer, startSpaCms, startStockPayload, type Running } from './servers'
import { STOCK_BUILD } from './stock/stockBuild'

const TIERS = {
  'T0′': (url: string) => startBareServer(url, true),
  T1s: startStockPayload,
  T1: (url: string) => startSpaCms(url, 'off'),
  T2: (url: string) => startSpaCms(url, 'on'),
}
type Tier = keyof typeof TIERS

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Which package (or which of our files) a script URL belongs to. */
function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)'
  if (url.startsWith('node:')) return 'node core'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const ours = /\/(src|collections|bench)\/(.*)$/.exec(url)
  if (ours) return `ours: ${ours[1]}/${ours[2]}`
  if (url.includes('/.next/')) return 'next bundle (.next)'
  return url.replace(/^file:\/\//, '').replace(projectRoot, '.')
}

const sourceMaps = new Map<string, SourceMap | undefined>()

/**
 * Next bundles Payload and our collections into .next chunks: the chunk's source map names the
 * file each frame came from (node_modules/payload/…, src/…).
 */
function original(frame: ProfileNode['callFrame']): { url: string; line: number } {
  if (!frame.url.includes('/.next/')) return { url: frame.url, line: frame.lineNumber + 1 }
  const file = frame.url.replace(/^file:\/\//, '')
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`
    sourceMaps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined)
  }
  const entry = sourceMaps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber) as
    { originalSource?: string; originalLine?: number } | undefined
  return entry?.originalSource
    ? { url: decodeURIComponent(entry.originalSource), line: (entry.originalLine ?? 0) + 1 }
    : { url: frame.url, line: frame.lineNumber + 1 }
}

interface Summary {
  samples: number
  byPackage: Map<string, number>
  /** Inclusive sample counts of our functions, keyed `name (file:line)`. */
  inclusive: Map<string, number>
  /** Self sample counts of every function, keyed `name (file:line)`. */
  self: Map<string, number>
  sampleMs: number
}

function summarise(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const byPackage = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const self = new Map<string, number>()
  let busy = 0
  for (const id of profile.samples) {
    const node = byId.get(id)!
    if (node.callFrame.functionName === '(idle)') continue
    busy++
    const ownSource = original(node.callFrame)
    const own = packageOf(ownSource.url)
    byPackage.set(own, (byPackage.get(own) ?? 0) + 1)
    const selfKey = `${node.callFrame.functionName || '(anonymous)'} (${ownSource.url.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${ownSource.line})`
    self.set(selfKey, (self.get(selfKey) ?? 0) + 1)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame
      const source = original(frame)
      const where = packageOf(source.url)
      if (!where.startsWith('ours')) continue
      const key = `${frame.functionName || '(anonymous)'} (${where.replace('ours: ', '')}:${source.line})`
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1)
    }
  }
  const totalMs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000
  return { samples: busy, byPackage, inclusive, self, sampleMs: totalMs / Math.max(1, profile.samples.length) }
}

function readOption(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`)
  return index >= 0 ? argv[index + 1] : undefined
}

/** Uncompressed, as autocannon asks: the read cache keeps one copy per accepted encoding. */
const send = (server: Running, request: Scenario['requests'][number]) =>
  fetch(`${server.baseUrl}${request.path}`, {
    method: request.method,
    body: request.body,
    headers: { 'accept-encoding': 'identity', ...(request.body ? { 'content-type': 'application/json' } : {}) },
  }).then((response) => response.arrayBuffer())

async function load(
  server: Running,
  scenario: Scenario,
  connections: number,
  durationSeconds: number,
): Promise<number> {
  let turn = 0
  const result = await autocannon({
    url: server.baseUrl,
    connections,
    duration: durationSeconds,
    requests: [
      {
        setupRequest: (request) => {
          const next = scenario.requests[turn++ % scenario.requests.length]
          return {
            ...request,
            method: next.method,
            path: next.path,
            body: next.body,
            headers: next.body ? { 'content-type': 'application/json' } : {},
          }
        },
      },
    ],
  })
  return result.requests.total
}

runScript('bench:profile', async () => {
  loadDotEnvFile()
  const argv = process.argv.slice(2)
  const keep = readOption(argv, 'keep')
  if (!keep) throw new Error('--keep <database>: a database seeded by `npm run bench -- --keep <database>`')
  const tiers = (readOption(argv, 'tiers') ?? 'T1s,T1').split(',') as Tier[]
  const durationSeconds = Number(readOption(argv, 'duration') ?? 10)
  const connections = Number(readOption(argv, 'connections') ?? 10)
  const top = Number(readOption(argv, 'top') ?? 40)
  const scenarios = scenariosFor(datasetWith(publishedArticlesOption(argv)))
  const chosen = (readOption(argv, 'scenarios') ?? scenarios.map((_, index) => index).join(','))
    .split(',')
    .map((index) => scenarios[Number(index)])
  // Stock Payload is built on first use, as `npm run bench` does.
  if (tiers.includes('T1s')) await ensureBuild(createLogger('info', 'bench'), STOCK_BUILD)
  const postgres = await startTestServer()
  const databaseUrl = withDatabaseName(postgres.serverUrl, keep)
  const reports: string[] = []
  try {
    for (const tier of tiers) {
      if (!(tier in TIERS)) throw new Error(`unknown tier ${tier}`)
      const directory = path.join(projectRoot, 'bench/results/profiles', tier.replace('′', 'prime'))
      rmSync(directory, { recursive: true, force: true })
      mkdirSync(directory, { recursive: true })
      const before = process.env.NODE_OPTIONS
      process.env.NODE_OPTIONS =
        `${before ?? ''} --import ${path.join(projectRoot, 'bench/cpuProfileOnExit.mjs')}`.trim()
      process.env.CPU_PROFILE_DIR = directory
      const server = await TIERS[tier](databaseUrl).finally(() => {
        if (before === undefined) delete process.env.NODE_OPTIONS
        else process.env.NODE_OPTIONS = before
        delete process.env.CPU_PROFILE_DIR
      })
      let requests = 0
      try {
        // Warm: every code path compiled, the read cache filled; then the profile starts.
        for (let pass = 0; pass < 3; pass++)
          for (const scenario of chosen) for (const request of scenario.requests) await send(server, request)
        process.kill(server.pid, 'SIGUSR2')
        for (const scenario of chosen) requests += await load(server, scenario, connections, durationSeconds)
      } finally {
        await server.stop()
      }
      // The server's own process wrote the largest profile (tsx's loader and children write small ones).
      const files = readdirSync(directory).map((file) => path.join(directory, file))
      const largest = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]
      const summary = summarise(JSON.parse(readFileSync(largest, 'utf8')) as CpuProfile)
      const perRequest = (samples: number) => ((samples * summary.sampleMs) / requests).toFixed(3)
      const lines = [
        `## ${tier}: ${requests} requests (${chosen.map((scenario) => scenario.name).join(', ')}), ${perRequest(summary.samples)} CPU ms per request`,
        '',
        '| Package (self time) | ms/request |',
        '| --- | ---: |',
      ]
      for (const [name, samples] of [...summary.byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20))
        lines.push(`| ${name} | ${perRequest(samples)} |`)
      lines.push('', '| Function (self time) | ms/request |', '| --- | ---: |')
      for (const [name, samples] of [...summary.self].sort((a, b) => b[1] - a[1]).slice(0, 25))
        lines.push(`| ${name} | ${perRequest(samples)} |`)
      lines.push('', '| Our function (inclusive) | ms/request |', '| --- | ---: |')
      for (const [name, samples] of [...summary.inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
        lines.push(`| ${name} | ${perRequest(samples)} |`)
      reports.push(lines.join('\n'))
      console.log(`${reports.at(-1)}\n`)
    }
  } finally {
    await postgres.stop()
  }
})
