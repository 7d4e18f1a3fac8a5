/**
 * The express application: our own routes first, everything else (admin, REST, GraphQL) to Next.
 * No global body parser: Payload reads request bodies itself (see PAYLOAD-NOTES).
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express'

import type { SecuritySettings } from '../config'
import type { Logger } from '../logging'
import { healthRoutes } from './health'
import type { ReadinessProbe } from './readiness'
import { requestLogging } from './requestLogging'
import { securityMiddleware, withReplayedBody } from './security'

export interface AppParts {
  logger: Logger
  readiness: ReadinessProbe
  security: SecuritySettings
  /** Next in development mode (hot reload) needs a looser content security policy. */
  devServer?: boolean
  /** Next's request handler; absent only in tests of our own routes. */
  nextHandler?: RequestHandler
}

const logAndAnswerErrors = (logger: Logger): ErrorRequestHandler => (error, req, res, _next) => {
  logger.error({ err: error, reqId: req.id }, 'request failed')
  if (res.headersSent) {
    res.end()
    return
  }
  res.status(500).json({ errors: [{ message: 'Something went wrong on our side. The error was logged.' }] })
}

export function createApp({ logger, readiness, security, devServer = false, nextHandler }: AppParts): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(requestLogging(logger))
  app.use(healthRoutes(readiness))
  app.use(securityMiddleware(security, { devServer }))
  // Request bodies were read by the body limit: Next gets them replayed.
  if (nextHandler) app.use(withReplayedBody(nextHandler))
  app.use(logAndAnswerErrors(logger))
  return app
}
