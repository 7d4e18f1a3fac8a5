/**
 * The GraphQL limit's counters (clientWindows.ts): counted synchronously in memory, or through a
 * store, per client address, with the headers express-rate-limit gives the other limits.
 */
import type { AddressInfo } from 'node:net'
import express from 'express'
import { MemoryStore, rateLimit } from 'express-rate-limit'

import { clientWindows, type Verdict } from '../../src/security/http/clientWindows'

const TEN_MINUTES = 600_000

const settled = (verdict: Verdict | Promise<Verdict>): Verdict => {
  if (verdict instanceof Promise) throw new Error('memory counters must answer at once')
  return verdict
}
const header = (verdict: Verdict, name: string) =>
  verdict.kind === 'uncounted' ? undefined : verdict.headers.find(([each]) => each === name)?.[1]
/** The header without its seconds left (`t=`), which may tick between two counts. */
const withoutTime = (value: string | null | undefined) => value?.replace(/; t=\d+$/, '')

describe('clientWindows in memory', () => {
  it('answers at once, allows `limit` requests per address and refuses the next with the time left', () => {
    const windows = clientWindows({ limit: 3, windowMs: TEN_MINUTES })
    const verdicts = [1, 2, 3, 4].map(() => settled(windows.count('192.0.2.1')))
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(['allowed', 'allowed', 'allowed', 'refused'])
    expect(verdicts.map((verdict) => /r=(\d+)/.exec(header(verdict, 'ratelimit') ?? '')?.[1])).toEqual([
      '2',
      '1',
      '0',
      '0',
    ])
    const refused = verdicts[3]
    expect(refused.kind === 'refused' && refused.retryAfterSeconds).toBeGreaterThan(590)
    expect(settled(windows.count('192.0.2.2')).kind).toBe('allowed')
  })

  it('counts the addresses of one IPv6 /56 together, as express-rate-limit does', () => {
    const windows = clientWindows({ limit: 1, windowMs: TEN_MINUTES })
    expect(settled(windows.count('2001:db8:0:1::1')).kind).toBe('allowed')
    expect(settled(windows.count('2001:db8:0:2::2')).kind).toBe('refused')
    expect(settled(windows.count('2001:db8:1:0::1')).kind).toBe('allowed')
  })

  it('spells RateLimit and RateLimit-Policy exactly as express-rate-limit does for the same client', async () => {
    const app = express()
    app.use(rateLimit({ limit: 5, windowMs: TEN_MINUTES, standardHeaders: 'draft-8', legacyHeaders: false }))
    app.get('/', (_req, res) => void res.send('ok'))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      const ours = settled(clientWindows({ limit: 5, windowMs: TEN_MINUTES }).count('127.0.0.1'))
      expect(header(ours, 'ratelimit-policy')).toBe(response.headers.get('ratelimit-policy'))
      expect(withoutTime(header(ours, 'ratelimit'))).toBe(withoutTime(response.headers.get('ratelimit')))
      expect(header(ours, 'ratelimit')).toMatch(/^"5-in-10min"; r=4; t=\d+$/)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('clientWindows with a shared store', () => {
  it('counts through the store (a promise per request) with the same verdicts and headers', async () => {
    const store = new MemoryStore()
    const windows = clientWindows({ limit: 2, windowMs: TEN_MINUTES, store })
    const memory = clientWindows({ limit: 2, windowMs: TEN_MINUTES })
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const counted = windows.count('198.51.100.7')
        expect(counted).toBeInstanceOf(Promise)
        const viaStore = await counted
        const inMemory = settled(memory.count('198.51.100.7'))
        expect(viaStore.kind).toBe(inMemory.kind)
        expect(header(viaStore, 'ratelimit-policy')).toBe(header(inMemory, 'ratelimit-policy'))
        expect(withoutTime(header(viaStore, 'ratelimit'))).toBe(withoutTime(header(inMemory, 'ratelimit')))
      }
    } finally {
      store.shutdown()
    }
  })
})
