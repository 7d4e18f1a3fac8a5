/**
 * One structured log line per request, tagged with a request id that is also returned
 * in the `x-request-id` header. Only method, path, status and timing are logged: never
 * headers, cookies or bodies, so credentials cannot leak into logs. Written without a child
 * logger per request: on a cached read, logging would otherwise cost more than the answer.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from 'express'

import type { Logger } from '../logging'

const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id, also sent back as `x-request-id`. */
    id: string
  }
}

/** The client's request id when it sent a safe one, a new one otherwise. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id']
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

/** Drops the query string: it may carry tokens (e.g. reset links) that do not belong in logs. */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0]

const levelFor = (status: number) => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info')

/** The log line of a request whose response was written in one piece before express (a read cache hit). */
export function logAnsweredAtOnce(logger: Logger, req: IncomingMessage, status: number, started: number): void {
  const level = levelFor(status)
  if (!logger.isLevelEnabled(level)) return
  const responseTime = Math.round(performance.now() - started)
  logger[level](
    { req: { id: req.id, method: req.method, path: pathOf(req.url) }, res: { statusCode: status }, responseTime },
    'request completed',
  )
}

export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    // Already named by the hit path when it handed the request on (to be refused here): same id, same header.
    req.id ??= requestIdOf(req)
    res.setHeader('x-request-id', req.id)
    const started = performance.now()
    const method = req.method
    const path = pathOf(req.originalUrl)
    res.once('close', () => {
      const level = res.writableFinished ? levelFor(res.statusCode) : 'warn'
      if (!logger.isLevelEnabled(level)) return
      const responseTime = Math.round(performance.now() - started)
      const message = res.writableFinished ? 'request completed' : 'request aborted'
      logger[level]({ req: { id: req.id, method, path }, res: { statusCode: res.statusCode }, responseTime }, message)
    })
    next()
  }
}
