/**
 * A per-client request limit over a fixed window, counted where it can be counted cheaply:
 * in this process's memory synchronously (no promise per request), or in a store shared by every
 * instance (Redis, asynchronously) when one is given. The GraphQL limit uses it so that a read
 * answered from the read cache before express is counted by the same counter, at the cost of a
 * map lookup, as a request that goes through express.
 *
 * The answer carries the IETF draft-8 `RateLimit` and `RateLimit-Policy` headers, spelled as
 * express-rate-limit spells them for the other limits, so clients see one format.
 */
import { createHash } from 'node:crypto'
import { ipKeyGenerator, type Store } from 'express-rate-limit'

export interface WindowOptions {
  limit: number
  windowMs: number
  /** Shared counters (one store per limit); absent: this process's memory. */
  store?: Store
}

/** One client's count in the current window. */
interface Count {
  used: number
  resetAt: number
}

/** What counting one request decided. */
export type Verdict =
  | { kind: 'allowed' | 'refused'; headers: ReadonlyArray<readonly [string, string]>; retryAfterSeconds: number }
  /** The shared store could not count: the caller's rule decides (GraphQL reads are then served). */
  | { kind: 'uncounted'; error: unknown }

/**
 * Memory counters: clients seen in this window and in the last one, so that clients gone quiet
 * are dropped in bulk each window instead of one timer or scan per client.
 */
class MemoryWindows {
  private current = new Map<string, Count>()
  private previous = new Map<string, Count>()

  constructor(private readonly windowMs: number) {
    setInterval(() => {
      this.previous = this.current
      this.current = new Map()
    }, windowMs).unref()
  }

  increment(key: string, now: number): Count {
    let count = this.current.get(key)
    if (!count) {
      count = this.previous.get(key)
      this.previous.delete(key)
      if (count) this.current.set(key, count)
    }
    if (!count || count.resetAt <= now) {
      count = { used: 0, resetAt: now + this.windowMs }
      this.current.set(key, count)
    }
    count.used += 1
    return count
  }
}

/** The window in words, as express-rate-limit names its policies ("300-in-1min"). */
function policyName(limit: number, windowMs: number): string {
  const seconds = windowMs / 1000
  const minutes = seconds / 60
  const hours = minutes / 60
  const days = hours / 24
  const duration =
    seconds < 60
      ? `${seconds}sec`
      : minutes < 60
        ? `${minutes}min`
        : hours < 24
          ? `${hours}hr${hours > 1 ? 's' : ''}`
          : `${days}day${days > 1 ? 's' : ''}`
  return `${limit}-in-${duration}`
}

/** The policy's partition key: a short hash of the client key, so the address itself is not echoed. */
const partitionKeyOf = (key: string) =>
  Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64')

export interface ClientWindows {
  /** Counts one request from `address` (the client address under the trust-proxy rule). */
  count(address: string): Verdict | Promise<Verdict>
}

export function clientWindows({ limit, windowMs, store }: WindowOptions): ClientWindows {
  const name = policyName(limit, windowMs)
  const windowSeconds = Math.ceil(windowMs / 1000)
  // The policy header depends on the client only: worked out once per client key, not per request.
  const policies = new Map<string, string>()
  const policyOf = (key: string) => {
    let policy = policies.get(key)
    if (!policy) {
      if (policies.size >= 10_000) policies.clear()
      policy = `"${name}"; q=${limit}; w=${windowSeconds}; pk=:${partitionKeyOf(key)}:`
      policies.set(key, policy)
    }
    return policy
  }

  function verdict(key: string, used: number, resetAt: number, now: number): Verdict {
    const resetSeconds = Math.max(0, Math.ceil((resetAt - now) / 1000))
    const headers: [string, string][] = [
      ['ratelimit', `"${name}"; r=${Math.max(limit - used, 0)}; t=${resetSeconds}`],
      ['ratelimit-policy', policyOf(key)],
    ]
    return { kind: used > limit ? 'refused' : 'allowed', headers, retryAfterSeconds: resetSeconds }
  }

  if (!store) {
    const windows = new MemoryWindows(windowMs)
    return {
      count(address) {
        const key = ipKeyGenerator(address)
        const now = Date.now()
        const { used, resetAt } = windows.increment(key, now)
        return verdict(key, used, resetAt, now)
      },
    }
  }

  // A failed start is retried by the store's own increment (rate-limit-redis reloads its script).
  const ready = Promise.resolve(store.init?.({ windowMs } as Parameters<NonNullable<Store['init']>>[0])).catch(
    () => undefined,
  )
  return {
    async count(address) {
      const key = ipKeyGenerator(address)
      try {
        await ready
        const { totalHits, resetTime } = await store.increment(key)
        const now = Date.now()
        return verdict(key, totalHits, resetTime?.getTime() ?? now + windowMs, now)
      } catch (error) {
        return { kind: 'uncounted', error }
      }
    },
  }
}
