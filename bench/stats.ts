/** Small statistics for the benchmark's reports. */

/** The middle element by `value` (the lower middle of an even count). */
export function medianBy<T>(items: T[], value: (item: T) => number): T {
  if (items.length === 0) throw new Error('the median of nothing')
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor((items.length - 1) / 2)]
}

/** p50 (nearest rank) and maximum of some timings. */
export function summarise(times: number[]): { p50: number; max: number } {
  if (times.length === 0) return { p50: NaN, max: NaN }
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: sorted[Math.ceil(sorted.length / 2) - 1], max: sorted[sorted.length - 1] }
}
