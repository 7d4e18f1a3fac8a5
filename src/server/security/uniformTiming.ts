/**
 * Forgot-password answers alike for known and unknown emails, but a known one also writes a
 * reset token and sends a mail, so it took longer (about 170 ms against 45 ms) and the delay told
 * whether an account exists. Its answer, over REST or GraphQL, is now held back until a fixed time
 * has passed since the request arrived.
 */
import { Router, type RequestHandler } from 'express'

import { captureResponse } from '../responseCapture'
import { graphqlFieldUses } from './graphqlFields'

/** Well above the time a known email takes, mail included. */
export const FORGOT_PASSWORD_ANSWER_MS = 1_000

function answerAfterAtLeast(minimumMs: number): RequestHandler {
  return (_req, res, next) => {
    const due = performance.now() + minimumMs
    captureResponse(res, ({ body, send }) => {
      setTimeout(() => send(body), Math.max(0, due - performance.now()))
    })
    next()
  }
}

export function uniformForgotPasswordTiming(): Router {
  const hold = answerAfterAtLeast(FORGOT_PASSWORD_ANSWER_MS)
  const router = Router()
  router.post('/api/users/forgot-password', hold)
  router.post('/api/graphql', (req, res, next) => (graphqlFieldUses(req, 'forgotPasswordUser') > 0 ? hold(req, res, next) : next()))
  return router
}
