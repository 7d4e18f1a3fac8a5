/**
 * Readiness: does the database answer right now? A small pool of its own, with short
 * timeouts, so a stopped or hung Postgres turns /ready to 503 quickly instead of hanging it.
 */
import pg from 'pg'

import type { Logger } from '../logging'

export interface ReadinessProbe {
  check(): Promise<{ ready: true } | { ready: false; reason: string }>
  close(): Promise<void>
}

const PROBE_TIMEOUT_MS = 2_000

export function databaseReadiness(databaseUrl: string, logger: Logger): ReadinessProbe {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    query_timeout: PROBE_TIMEOUT_MS,
  })
  let closing = false
  // A dropped connection (e.g. Postgres restarting) must not crash the process. Once closing, the pool
  // ends its idle connections without waiting, so Postgres stopping next may still cut one: expected.
  pool.on('error', (error) => {
    if (!closing) logger.warn({ err: error }, 'readiness connection lost')
  })
  return {
    async check() {
      try {
        await pool.query('SELECT 1')
        return { ready: true }
      } catch (error) {
        return { ready: false, reason: `database unavailable: ${(error as Error).message}` }
      }
    },
    close: () => {
      closing = true
      return pool.end()
    },
  }
}
