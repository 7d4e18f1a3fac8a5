/**
 * The benchmark's pure helpers: which articles the by-slug scenarios read, the --articles option,
 * medians and summaries of timings.
 */
import { articleSlug, publishedArticlesOption } from '../../bench/dataset'
import { slugsRead, SLUGS_READ } from '../../bench/scenarios'
import { medianBy, summarise } from '../../bench/stats'

describe('slugsRead', () => {
  it('reads every article of a data set no larger than the sample', () => {
    expect(slugsRead(3)).toEqual([articleSlug(0), articleSlug(1), articleSlug(2)])
  })

  it('spreads the sample evenly over a larger data set, newest end included', () => {
    const slugs = slugsRead(5_000)
    expect(slugs).toHaveLength(SLUGS_READ)
    expect(new Set(slugs).size).toBe(SLUGS_READ)
    expect(slugs[0]).toBe(articleSlug(0))
    expect(slugs[1]).toBe(articleSlug(10))
    expect(slugs.at(-1)).toBe(articleSlug(4_990))
  })
})

describe('publishedArticlesOption', () => {
  it('defaults to the 500 articles of the standard data set', () => {
    expect(publishedArticlesOption(['--duration', '5'])).toBe(500)
  })

  it('reads --articles', () => {
    expect(publishedArticlesOption(['--articles', '5000'])).toBe(5_000)
  })

  it('refuses what is not a positive whole number, saying so', () => {
    expect(() => publishedArticlesOption(['--articles', 'many'])).toThrow(
      '--articles must be a positive whole number, got "many"',
    )
    expect(() => publishedArticlesOption(['--articles', '0'])).toThrow('positive whole number')
  })
})

describe('medianBy and summarise', () => {
  it('takes the middle item by a value, the lower middle of an even count', () => {
    const runs = [{ rps: 30 }, { rps: 10 }, { rps: 20 }]
    expect(medianBy(runs, (run) => run.rps)).toBe(runs[2])
    expect(medianBy([{ rps: 4 }, { rps: 1 }, { rps: 3 }, { rps: 2 }], (run) => run.rps)).toEqual({ rps: 2 })
  })

  it('refuses an empty list', () => {
    expect(() => medianBy([], (value: number) => value)).toThrow('the median of nothing')
  })

  it('gives the nearest-rank p50 and the maximum', () => {
    expect(summarise([5, 1, 9, 3])).toEqual({ p50: 3, max: 9 })
    expect(summarise([7])).toEqual({ p50: 7, max: 7 })
  })
})
