/**
 * Database outages: a watcher asks the readiness probe every second whether the database answers,
 * and while it does not, API and admin requests are answered at once with 503 and Retry-After
 * instead of waiting for connection timeouts or failing with 500s. The frequent re-check is what
 * lets the server notice a recovery within a second or two, without a restart.
 */
import type { RequestHandler } from 'express'

import type { Logger } from '../logging'
import type { ReadinessProbe } from './readiness'

const CHECK_INTERVAL_MS = 1_000
/**
 * One failed check is not an outage: the probe's timeouts also expire when this process's own
 * event loop stalls (Payload's first load blocks it for seconds). A stopped database fails every
 * check at once, so three in a row still notice it within about three seconds.
 */
const FAILED_CHECKS_FOR_OUTAGE = 3
const RETRY_AFTER_SECONDS = 5
/** Paths that need the database; static assets (/_next/…) and our own routes keep working. */
const DATABASE_PATHS = /^\/(api|admin)(\/|$)/

export interface DatabaseWatch {
  isDown(): boolean
  stop(): void
}

export function watchDatabase(readiness: ReadinessProbe, logger: Logger): DatabaseWatch {
  let failedInARow = 0
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const isDown = () => failedInARow >= FAILED_CHECKS_FOR_OUTAGE

  const checkAgain = async () => {
    const result = await readiness.check()
    if (stopped) return
    if (result.ready) {
      if (isDown()) logger.info('database available again')
      failedInARow = 0
    } else {
      failedInARow += 1
      if (failedInARow === FAILED_CHECKS_FOR_OUTAGE)
        logger.error({ reason: result.reason }, 'database unavailable: answering API requests with 503')
    }
    // Scheduled after the check finishes, so a slow check never overlaps the next one.
    timer = setTimeout(checkAgain, CHECK_INTERVAL_MS).unref()
  }
  void checkAgain()

  return {
    isDown,
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}

export function failFastWhileDatabaseDown(watch: DatabaseWatch): RequestHandler {
  return (req, res, next) => {
    if (!watch.isDown() || !DATABASE_PATHS.test(req.path)) return next()
    res
      .status(503)
      .set({ 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' })
      .json({ errors: [{ message: 'The database is unavailable; try again shortly.' }] })
  }
}
