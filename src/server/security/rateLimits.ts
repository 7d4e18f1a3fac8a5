/**
 * Per-IP limits on the endpoints that guessing and flooding aim at: login and forgot-password
 * (over REST and as GraphQL mutations, which share the same counters) and GraphQL as a whole.
 * Counters live in this process's memory (one server process).
 */
import { Router, type RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'

import type { SecuritySettings } from '../../config'
import { sendApiError } from './apiError'
import { graphqlFieldUses } from './graphqlFields'

function limitPerClientIp(limit: number, windowMs: number, what: string) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      sendApiError(res, 429, `Too many ${what} from your address. Please wait ${res.getHeader('retry-after')} seconds and try again.`)
    },
  })
}

/**
 * Sends GraphQL requests that run `field` through `limiter`, one such field per request: with
 * aliases, one request could otherwise try a hundred passwords.
 */
function limitGraphqlMutation(field: string, limiter: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const count = graphqlFieldUses(req, field)
    if (count === 0) return next()
    if (count > 1) return sendApiError(res, 400, `Only one ${field} is allowed per request.`)
    return limiter(req, res, next)
  }
}

export interface RateLimiters {
  login: RequestHandler
  forgotPassword: RequestHandler
  /** Every GraphQL request, whichever way it is answered (the read cache counts its hits here too). */
  graphql: RequestHandler
}

/** One set of counters per process, shared by every path that answers a limited request. */
export function createRateLimiters({ windowMs, login, forgotPassword, graphql }: SecuritySettings['rateLimits']): RateLimiters {
  return {
    login: limitPerClientIp(login, windowMs, 'login attempts'),
    forgotPassword: limitPerClientIp(forgotPassword, windowMs, 'password reset requests'),
    graphql: limitPerClientIp(graphql, windowMs, 'GraphQL requests'),
  }
}

export function rateLimits(limiters: RateLimiters): Router {
  const router = Router()
  router.post('/api/users/login', limiters.login)
  router.post('/api/users/forgot-password', limiters.forgotPassword)
  router.use('/api/graphql', limiters.graphql)
  router.post('/api/graphql', limitGraphqlMutation('loginUser', limiters.login), limitGraphqlMutation('forgotPasswordUser', limiters.forgotPassword))
  return router
}
