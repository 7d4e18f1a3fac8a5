/**
 * Writes wait their turn. Each API or admin write holds a pooled connection for its transaction
 * and needs a second one for a moment (Payload's document-lock check reads outside the
 * transaction). With as many writes in flight as the pool has connections, every one of them
 * waits for a second connection that none will give back, until the pool's connect timeout fails
 * them all with 500s. So at most half the pool's worth of writes run at once; the rest wait here,
 * first come first served, and get a 503 with Retry-After if their turn does not come in time.
 * Reads (GET, and GraphQL, whose queries arrive as POSTs) are not held back.
 */
import type { RequestHandler } from 'express'

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const WRITE_PATHS = /^\/(api|admin)(\/|$)/
const GRAPHQL_PATH = '/api/graphql'
const RETRY_AFTER_SECONDS = 2

export interface WriteSlotOptions {
  /** Writes running at once. */
  slots: number
  /** How long a write may wait for its turn before it is answered 503. */
  maxWaitMs: number
}

const isWrite = (method: string, path: string) =>
  !READ_METHODS.has(method) && WRITE_PATHS.test(path) && path !== GRAPHQL_PATH

export function limitConcurrentWrites({ slots, maxWaitMs }: WriteSlotOptions): RequestHandler {
  let running = 0
  const waiting: (() => void)[] = []

  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }

  return (req, res, next) => {
    if (!isWrite(req.method, req.path)) return next()
    let released = false
    const start = () => {
      res.once('close', () => {
        if (released) return
        released = true
        release()
      })
      next()
    }
    if (running < slots) {
      running += 1
      return start()
    }
    const turn = () => {
      clearTimeout(timer)
      // The client left while it waited: its turn goes to the next one.
      if (req.socket.destroyed) return release()
      start()
    }
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(turn), 1)
      res
        .status(503)
        .set({ 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' })
        .json({
          errors: [
            {
              message:
                'Too many changes are being saved at once right now. Nothing was changed: try again in a moment.',
            },
          ],
        })
    }, maxWaitMs)
    waiting.push(turn)
  }
}
