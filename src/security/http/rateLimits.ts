/**
 * Per-IP limits on the endpoints that guessing and flooding aim at: login and forgot-password
 * (over REST and as GraphQL mutations, which share the same counters) and GraphQL as a whole.
 * Counters live in this process's memory, or in a store shared by every instance (Redis) when
 * one is given. A shared store can fail: logins and password resets are then refused (503) rather
 * than left unlimited, while GraphQL reads are served without a limit.
 */
import type { IncomingMessage } from 'node:http'
import { Router, type RequestHandler, type Response } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'

import type { SecuritySettings } from '../../config'
import { sendApiError } from './apiError'
import { clientWindows, type Verdict } from './clientWindows'
import { graphqlFieldUses } from './graphqlFields'

export type RateLimitName = 'login' | 'forgotPassword' | 'graphql'
/** A store for each limit (express-rate-limit refuses one store shared by two limits); unset: memory. */
export type RateLimitStores = (name: RateLimitName) => Store

const STORE_DOWN_RETRY_SECONDS = 5

/** Logins and password resets: a shared store that cannot count refuses them (503) rather than leave them unlimited. */
function limitPerClientIp(limit: number, windowMs: number, what: string, store: Store | undefined): RequestHandler {
  const limiter = rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    passOnStoreError: false,
    handler: (_req, res) => {
      sendApiError(
        res,
        429,
        `Too many ${what} from your address. Please wait ${res.getHeader('retry-after')} seconds and try again.`,
      )
    },
  })
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

/**
 * The limit on GraphQL requests as a whole. Counted once per request, by whichever path sees it
 * first: the read cache's hit path before express (`count`, synchronous with memory counters) or
 * express (`middleware`, which applies a verdict already made instead of counting again).
 */
export interface GraphqlRateLimit {
  /** Counts `req` from `address` (the client address under the trust-proxy rule), once. */
  count(req: IncomingMessage, address: string): Verdict | Promise<Verdict>
  middleware: RequestHandler
}

function limitGraphqlRequests(limit: number, windowMs: number, store: Store | undefined): GraphqlRateLimit {
  const windows = clientWindows({ limit, windowMs, store })
  const verdicts = new WeakMap<IncomingMessage, Verdict | Promise<Verdict>>()
  const count = (req: IncomingMessage, address: string) => {
    let verdict = verdicts.get(req)
    if (!verdict) {
      verdict = windows.count(address)
      // An allowed request counted before express is answered there: only the others can come back here.
      if (verdict instanceof Promise || verdict.kind !== 'allowed') verdicts.set(req, verdict)
    }
    return verdict
  }
  const apply = (verdict: Verdict, res: Response, next: (error?: unknown) => void) => {
    // A shared store that cannot count leaves GraphQL reads unlimited rather than refused (see above).
    if (verdict.kind === 'uncounted') return next()
    for (const [name, value] of verdict.headers) res.setHeader(name, value)
    if (verdict.kind === 'allowed') return next()
    res.setHeader('retry-after', String(verdict.retryAfterSeconds))
    sendApiError(
      res,
      429,
      `Too many GraphQL requests from your address. Please wait ${verdict.retryAfterSeconds} seconds and try again.`,
    )
  }
  return {
    count,
    middleware: (req, res, next) => {
      const verdict = count(req, req.ip ?? '')
      if (verdict instanceof Promise) verdict.then((settled) => apply(settled, res, next), next)
      else apply(verdict, res, next)
    },
  }
}

export interface RateLimiters {
  login: RequestHandler
  forgotPassword: RequestHandler
  /** Every GraphQL request, whichever way it is answered (the read cache counts its hits here too). */
  graphql: GraphqlRateLimit
}

/** One set of counters per process, shared by every path that answers a limited request. */
export function createRateLimiters(
  { windowMs, login, forgotPassword, graphql }: SecuritySettings['rateLimits'],
  stores?: RateLimitStores,
): RateLimiters {
  return {
    login: limitPerClientIp(login, windowMs, 'login attempts', stores?.('login')),
    forgotPassword: limitPerClientIp(forgotPassword, windowMs, 'password reset requests', stores?.('forgotPassword')),
    graphql: limitGraphqlRequests(graphql, windowMs, stores?.('graphql')),
  }
}

export function rateLimits(limiters: RateLimiters): Router {
  const router = Router()
  router.post('/api/users/login', limiters.login)
  router.post('/api/users/forgot-password', limiters.forgotPassword)
  router.use('/api/graphql', limiters.graphql.middleware)
  router.post(
    '/api/graphql',
    limitGraphqlMutation('loginUser', limiters.login),
    limitGraphqlMutation('forgotPasswordUser', limiters.forgotPassword),
  )
  return router
}
