/**
 * Per-IP limits on the endpoints that guessing and flooding aim at: login, forgot-password and
 * GraphQL. Counters live in this process's memory (one server process).
 */
import { Router } from 'express'
import { rateLimit } from 'express-rate-limit'

import type { SecuritySettings } from '../../config'
import { sendApiError } from './apiError'

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

export function rateLimits({ windowMs, login, forgotPassword, graphql }: SecuritySettings['rateLimits']): Router {
  const router = Router()
  router.post('/api/users/login', limitPerClientIp(login, windowMs, 'login attempts'))
  router.post('/api/users/forgot-password', limitPerClientIp(forgotPassword, windowMs, 'password reset requests'))
  router.use('/api/graphql', limitPerClientIp(graphql, windowMs, 'GraphQL requests'))
  return router
}
