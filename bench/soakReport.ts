/**
 * The soak's figures: latency percentiles per kind of request, the server's memory over time, the
 * verdict on memory growth, and the markdown report.
 */

export interface KindStats {
  count: number
  errors: number
  /** As the soak's workers saw them: from sending the request to reading the whole answer. */
  latenciesMs: number[]
  /** As the server logged them (whole milliseconds): from the request's arrival to the answer's end. */
  serverLatenciesMs: number[]
}

/** A kind of request before its first sample. */
export const noSamples = (): KindStats => ({ count: 0, errors: 0, latenciesMs: [], serverLatenciesMs: [] })

export interface MemorySample {
  atSeconds: number
  rssMiB: number
}

/** Warm-up: the first fifth of the run (caches fill, the JIT settles); memory is judged after it. */
export const WARM_UP_SHARE = 0.2
/** RSS at the end may exceed RSS after warm-up by this share before we call it steady growth. */
export const MAX_RSS_GROWTH = 0.1
/**
 * Each end of the comparison is the median of this many samples (a minute's worth): RSS swings by
 * a fifth with garbage collection, so one sample must not decide it.
 */
const SAMPLES_PER_POINT = 6

/** Nearest-rank percentile. */
export function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]
}

const median = (values: number[]) => percentile(values, 0.5)

export interface MemoryVerdict {
  afterWarmUpMiB: number
  atEndMiB: number
  growth: number
  steadyGrowth: boolean
  /** Least-squares slope of RSS after warm-up: shown to read the verdict, not part of it. */
  trendMiBPerMinute: number
}

function slopePerMinute(samples: MemorySample[]): number {
  if (samples.length < 2) return 0
  const meanX = samples.reduce((sum, sample) => sum + sample.atSeconds, 0) / samples.length
  const meanY = samples.reduce((sum, sample) => sum + sample.rssMiB, 0) / samples.length
  const covariance = samples.reduce((sum, sample) => sum + (sample.atSeconds - meanX) * (sample.rssMiB - meanY), 0)
  const variance = samples.reduce((sum, sample) => sum + (sample.atSeconds - meanX) ** 2, 0)
  return variance ? (covariance / variance) * 60 : 0
}

/** RSS at the end (median of the last minute's samples) against RSS after warm-up (median of the minute after it). */
export function judgeMemory(samples: MemorySample[], durationSeconds: number): MemoryVerdict {
  const warmUpEnd = durationSeconds * WARM_UP_SHARE
  const measured = samples.filter((sample) => sample.atSeconds >= warmUpEnd)
  const afterWarmUpMiB = median(measured.slice(0, SAMPLES_PER_POINT).map((sample) => sample.rssMiB))
  const atEndMiB = median(samples.slice(-SAMPLES_PER_POINT).map((sample) => sample.rssMiB))
  const growth = afterWarmUpMiB ? (atEndMiB - afterWarmUpMiB) / afterWarmUpMiB : 0
  return {
    afterWarmUpMiB,
    atEndMiB,
    growth,
    steadyGrowth: growth > MAX_RSS_GROWTH,
    trendMiBPerMinute: slopePerMinute(measured),
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const mib = (value: number) => `${value.toFixed(0)} MiB`
const percent = (value: number) => `${(value * 100).toFixed(1)} %`

export interface SoakRun {
  startedAt: Date
  minutes: number
  database: string
  kinds: Record<string, KindStats>
  memory: MemorySample[]
  firstErrors: string[]
  command: string
}

/**
 * The kinds as measured, then one row per family of kinds named "<family>: <member>" (the
 * transitions, say: submit, approve and publish apart, and all together, which the target is about).
 */
export function withFamilies(kinds: Record<string, KindStats>): [string, KindStats][] {
  const families = new Map<string, KindStats>()
  for (const [name, kind] of Object.entries(kinds)) {
    const family = /^(.+?): /.exec(name)?.[1]
    if (!family) continue
    const total = families.get(family) ?? noSamples()
    total.count += kind.count
    total.errors += kind.errors
    total.latenciesMs.push(...kind.latenciesMs)
    total.serverLatenciesMs.push(...kind.serverLatenciesMs)
    families.set(family, total)
  }
  return [
    ...Object.entries(kinds),
    ...[...families].map(([family, kind]): [string, KindStats] => [`${family} (all)`, kind]),
  ]
}

export function markdownReport(run: SoakRun): { markdown: string; passed: boolean } {
  const all = Object.values(run.kinds)
  const requests = all.reduce((sum, kind) => sum + kind.count, 0)
  const errors = all.reduce((sum, kind) => sum + kind.errors, 0)
  const latencies = all.flatMap((kind) => kind.latenciesMs)
  const memory = judgeMemory(run.memory, run.minutes * 60)
  const passed = errors === 0 && !memory.steadyGrowth
  const minuteSamples = run.memory.filter((sample) => sample.atSeconds % 60 === 0)
  const lines = [
    `# Soak: ${passed ? 'PASSED' : 'FAILED'}`,
    '',
    `- Started ${run.startedAt.toISOString()}, ${run.minutes} minute(s) of load on loopback; database: ${run.database}`,
    `- Command: \`${run.command}\``,
    `- ${requests} requests (${(requests / (run.minutes * 60)).toFixed(1)}/s), ${errors} errors; latency p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}`,
    `- Server RSS: ${mib(run.memory[0]?.rssMiB ?? 0)} at start, ${mib(memory.afterWarmUpMiB)} after warm-up (first ${percent(WARM_UP_SHARE)} of the run), ${mib(memory.atEndMiB)} at the end: ${percent(memory.growth)} growth (limit ${percent(MAX_RSS_GROWTH)}) → ${memory.steadyGrowth ? 'steady growth' : 'no steady growth'} (trend after warm-up ${memory.trendMiBPerMinute.toFixed(1)} MiB/min)`,
    '',
    '| Requests | Count | Errors | p50 | p99 | Server p50 | Server p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...withFamilies(run.kinds).map(
      ([name, kind]) =>
        `| ${name} | ${kind.count} | ${kind.errors} | ${ms(percentile(kind.latenciesMs, 0.5))} | ${ms(percentile(kind.latenciesMs, 0.99))} | ${ms(percentile(kind.serverLatenciesMs, 0.5))} | ${ms(percentile(kind.serverLatenciesMs, 0.99))} |`,
    ),
    '',
    '| Time | Server RSS |',
    '| ---: | ---: |',
    ...minuteSamples.map((sample) => `| ${sample.atSeconds} s | ${mib(sample.rssMiB)} |`),
    ...(run.firstErrors.length ? ['', 'First errors:', '', ...run.firstErrors.map((error) => `- ${error}`)] : []),
    '',
  ]
  return { markdown: lines.join('\n'), passed }
}
