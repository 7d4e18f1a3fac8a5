/**
 * The soak's memory verdict (bench/soakReport.ts): garbage-collection swings pass, steady growth fails.
 */
import { judgeMemory, percentile, withFamilies, type MemorySample } from '../../bench/soakReport'

const TEN_MINUTES = 600
const everyTenSeconds = (rssAt: (index: number) => number): MemorySample[] =>
  Array.from({ length: TEN_MINUTES / 10 + 1 }, (_, index) => ({ atSeconds: index * 10, rssMiB: rssAt(index) }))

it('passes RSS that swings with garbage collection around a level', () => {
  const verdict = judgeMemory(
    everyTenSeconds((index) => 400 + (index % 3) * 60),
    TEN_MINUTES,
  )
  expect(verdict.steadyGrowth).toBe(false)
})

it('passes a warm-up climb that levels off', () => {
  const verdict = judgeMemory(
    everyTenSeconds((index) => Math.min(300 + index * 10, 450)),
    TEN_MINUTES,
  )
  expect(verdict.steadyGrowth).toBe(false)
})

it('fails RSS that keeps growing after warm-up', () => {
  const verdict = judgeMemory(
    everyTenSeconds((index) => 400 + index * 2),
    TEN_MINUTES,
  )
  expect(verdict.steadyGrowth).toBe(true)
  expect(verdict.growth).toBeGreaterThan(0.1)
  expect(verdict.trendMiBPerMinute).toBeCloseTo(12)
})

it('takes percentiles by nearest rank', () => {
  const values = Array.from({ length: 100 }, (_, index) => index + 1)
  expect(percentile(values, 0.5)).toBe(50)
  expect(percentile(values, 0.99)).toBe(99)
  expect(percentile([], 0.99)).toBe(0)
})

it('adds a row for each family of kinds ("transition: submit"…), with every member’s samples', () => {
  const kind = (latenciesMs: number[], errors = 0) => ({
    count: latenciesMs.length,
    errors,
    latenciesMs,
    serverLatenciesMs: latenciesMs.map((value) => value - 1),
  })
  const rows = withFamilies({
    edit: kind([50]),
    'transition: submit': kind([10, 20]),
    'transition: publish': kind([90], 1),
  })
  expect(rows.map(([name]) => name)).toEqual(['edit', 'transition: submit', 'transition: publish', 'transition (all)'])
  expect(rows[3][1]).toEqual({ count: 3, errors: 1, latenciesMs: [10, 20, 90], serverLatenciesMs: [9, 19, 89] })
  // The members' own rows are left as they were.
  expect(rows[1][1].latenciesMs).toEqual([10, 20])
})
