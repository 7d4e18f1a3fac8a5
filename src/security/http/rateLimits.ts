/**
 * Per-IP limits on the endpoints that guessing and flooding aim at: login and forgot-password
 * (over REST and as GraphQL mutations, which share the same counters) and GraphQL as a whole.
 * Counters live in this process's memory, or in a store shared by every instance (Redis) when
 * one is given. A shared store can fail: logins and password resets are then refused (503) rather
 * than left unlimited, while GraphQL reads are served without a limit.
 */
import { Router, type RequestHandler } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'

import type { SecuritySettings } from '../../config'
import { sendApiError } from './apiError'
import { graphqlFieldUses } from './graphqlFields'

export type RateLimitName = 'login' | 'forgotPassword' | 'graphql'
/** A store for each limit (express-rate-limit refuses one store shared by two limits); unset: memory. */
export type RateLimitStores = (name: RateLimitName) => Store

/** What a limit does when its shared store cannot count: serve unlimited, or refuse. */
type OnStoreError = 'serve' | 'refuse'

const STORE_DOWN_RETRY_SECONDS = 5

function limitPerClientIp(
  limit: number,
  windowMs: number,
  what: string,
  store: Store | undefined,
  onStoreError: OnStoreError,
): RequestHandler {
  const limiter = rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    passOnStoreError: onStoreError === 'serve',
    handler: (_req, res) => {
      sendApiError(
        res,
        429,
        `Too many ${what} from your address. Please wait ${res.getHeader('retry-after')} seconds and try again.`,
      )
    },
  })
  if (onStoreError === 'serve') return limiter
  return (req, res, next) =>
    limiter(req, res, (error?: unknown) => {
      if (!error) return next()
      res.setHeader('retry-after', String(STORE_DOWN_RETRY_SECONDS))
      sendApiError(
        res,
        503,
        `This service cannot count ${what} right now, so it accepts none for the moment. Please try again in a few seconds.`,
      )
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
export function createRateLimiters(
  { windowMs, login, forgotPassword, graphql }: SecuritySettings['rateLimits'],
  stores?: RateLimitStores,
): RateLimiters {
  return {
    login: limitPerClientIp(login, windowMs, 'login attempts', stores?.('login'), 'refuse'),
    forgotPassword: limitPerClientIp(
      forgotPassword,
      windowMs,
      'password reset requests',
      stores?.('forgotPassword'),
      'refuse',
    ),
    graphql: limitPerClientIp(graphql, windowMs, 'GraphQL requests', stores?.('graphql'), 'serve'),
  }
}

export function rateLimits(limiters: RateLimiters): Router {
  const router = Router()
  router.post('/api/users/login', limiters.login)
  router.post('/api/users/forgot-password', limiters.forgotPassword)
  router.use('/api/graphql', limiters.graphql)
  router.post(
    '/api/graphql',
    limitGraphqlMutation('loginUser', limiters.login),
    limitGraphqlMutation('forgotPasswordUser', limiters.forgotPassword),
  )
  return router
}
