/**
 * Rate-limit counters in Redis (REDIS_URL), so that a client's attempts count across every
 * instance behind the load balancer. Stores are `rate-limit-redis`, one per limit.
 *
 * While Redis is unreachable, commands fail at once (no offline queue, a short timeout) instead
 * of holding requests: each limit then applies its own rule (see security/rateLimits.ts).
 */
import { RedisStore } from 'rate-limit-redis'
import { createClient } from 'redis'

import type { Logger } from '../logging'
import type { RateLimitStores } from '../security/http'

/** A command that takes longer than this counts as a failed store (Redis hung, network gone). */
const COMMAND_TIMEOUT_MS = 500
const CONNECT_TIMEOUT_MS = 2_000
const MAX_RECONNECT_DELAY_MS = 2_000

export interface RedisRateLimits {
  stores: RateLimitStores
  close(): Promise<void>
}

/** Connects to Redis (start-up waits until it answers) and hands out one store per limit. */
export async function connectRedisRateLimits(url: string, logger: Logger): Promise<RedisRateLimits> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  })
  let reachable = true
  client.on('error', (error: Error) => {
    if (!reachable) return // one line per outage, not one per reconnect attempt
    reachable = false
    logger.warn(
      { reason: error.message },
      'rate limits: Redis is unreachable; logins are refused and GraphQL is unlimited until it is back',
    )
  })
  client.on('ready', () => {
    if (reachable) return
    reachable = true
    logger.info('rate limits: Redis is reachable again')
  })
  await client.connect()
  return {
    stores: (name) =>
      new RedisStore({
        prefix: `spa-cms:rate-limit:${name}:`,
        sendCommand: (...args: string[]) => client.sendCommand(args),
      }),
    close: async () => {
      client.destroy()
    },
  }
}
