/**
 * One structured log line per request, tagged with a request id that is also returned
 * in the `x-request-id` header. Only method, path, status and timing are logged: never
 * headers, cookies or bodies, so credentials cannot leak into logs.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pinoHttp } from 'pino-http'

import type { Logger } from '../logging'

const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/

export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id']
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
  res.setHeader('x-request-id', id)
  return id
}

/** Drops the query string: it may carry tokens (e.g. reset links) that do not belong in logs. */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0]

export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestIdFor,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  })
}
