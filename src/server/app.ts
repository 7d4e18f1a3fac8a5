/**
 * The express application: our own routes first, everything else (admin, REST, GraphQL) to Next;
 * in front of it, the read cache's hit path.
 * No global body parser: Payload reads request bodies itself (see PAYLOAD-NOTES).
 */
import type { IncomingMessage, RequestListener } from 'node:http'
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express'

import type { SecuritySettings } from '../config'
import type { Logger } from '../logging'
import { answerFromReadCache, answerHitsBeforeExpress, cachedReads, type ClientAddress } from '../readCache/cachedReads'
import type { PublicCachePolicy } from '../readCache/httpCaching'
import type { ReadCache } from '../readCache/readCache'
import { failFastWhileDatabaseDown, type DatabaseWatch } from './databaseOutage'
import { healthRoutes } from './health'
import type { ReadinessProbe } from './readiness'
import { requestLogging } from './requestLogging'
import { limitConcurrentWrites } from './writeSlots'
import { CONCURRENT_WRITES } from '../db/poolSize'
import { securityMiddleware, withReplayedBody, type RateLimitStores } from '../security/http'
import { requireCanonicalPaths } from '../security/http/canonicalPaths'

export interface AppParts {
  logger: Logger
  readiness: ReadinessProbe
  security: SecuritySettings
  /** Rate-limit counters shared by every instance (Redis); absent: this process's memory. */
  rateLimitStores?: RateLimitStores
  /** Next in development mode (hot reload) needs a looser content security policy. */
  devServer?: boolean
  /** Answers 503 at once while the database is down; absent only in tests of our own routes. */
  databaseWatch?: DatabaseWatch
  /** Next's request handler behind the read cache; absent only in tests of our own routes. */
  next?: { handler: RequestHandler; readCache: ReadCache; cachePolicy: PublicCachePolicy }
}

const logAndAnswerErrors =
  (logger: Logger): ErrorRequestHandler =>
  (error, req, res, _next) => {
    logger.error({ err: error, reqId: req.id }, 'request failed')
    if (res.headersSent) {
      res.end()
      return
    }
    res.status(500).json({ errors: [{ message: 'Something went wrong on our side. The error was logged.' }] })
  }

/** A write waits this long for its turn (writeSlots.ts), within the statement timeout of the one before it. */
const WRITE_WAIT_MS = 20_000

function build({ logger, readiness, security, rateLimitStores, devServer = false, databaseWatch, next }: AppParts) {
  const app = express()
  app.disable('x-powered-by')
  // Without proxies in front, X-Forwarded-For is whatever the client wrote: never believe it then.
  app.set('trust proxy', security.trustedProxies)
  const protections = securityMiddleware(security, { devServer, rateLimitStores })
  app.use(requestLogging(logger))
  // First of all guards: every later one, and Next, then read the path alike.
  app.use(requireCanonicalPaths())
  app.use(healthRoutes(readiness))
  if (next) app.use(answerFromReadCache(next.readCache, next.cachePolicy, protections.forCachedReads))
  app.use(protections.middleware)
  if (databaseWatch) app.use(failFastWhileDatabaseDown(databaseWatch))
  app.use(limitConcurrentWrites({ slots: CONCURRENT_WRITES, maxWaitMs: WRITE_WAIT_MS }))
  // Request bodies were read by the body limit: Next gets them replayed.
  if (next) app.use(cachedReads(next.readCache, next.cachePolicy, withReplayedBody(next.handler)))
  app.use(logAndAnswerErrors(logger))
  return { app, protections }
}

export function createApp(parts: AppParts): express.Express {
  return build(parts).app
}

/**
 * `req.ip` as express works it out under the app's trust-proxy rule, for requests answered before
 * express: the getter is express's own, run on a view of the raw request.
 */
function clientAddressUnder(app: Express): ClientAddress {
  return (req: IncomingMessage) => {
    // Without X-Forwarded-For every trust-proxy rule gives the peer's address: no need to ask.
    if (!req.headers['x-forwarded-for']) return req.socket.remoteAddress ?? ''
    return (
      (Reflect.get(app.request, 'ip', { app, headers: req.headers, socket: req.socket, connection: req.socket }) as
        string | undefined) ?? ''
    )
  }
}

/**
 * What the HTTP server runs: anonymous reads already in the read cache are answered before express
 * (see answerHitsBeforeExpress), everything else by the express application.
 */
export function createRequestListener(parts: AppParts): RequestListener {
  const { app, protections } = build(parts)
  if (!parts.next) return app
  return answerHitsBeforeExpress(
    parts.next.readCache,
    parts.next.cachePolicy,
    protections.forCachedReads,
    parts.logger,
    clientAddressUnder(app),
    app,
  )
}
