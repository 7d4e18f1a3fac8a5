/**
 * Answers whose timing would tell whether an account exists are held back until a fixed time has
 * passed since the request arrived, over REST and GraphQL alike:
 * - forgot-password: a known email also writes a reset token and sends a mail (about 170 ms
 *   against 45 ms);
 * - failed logins: unknown emails already do an account's hashing work (src/users/unknownEmails.ts);
 *   the hold evens out what remains (the failed-attempt count a known account writes) and slows
 *   guessing. Successful logins are not held.
 */
import { Router, type RequestHandler } from 'express'

import { captureResponse } from '../../server/responseCapture'
import { graphqlFieldUses } from './graphqlFields'

/** Well above the time a known email takes, mail included. */
export const FORGOT_PASSWORD_ANSWER_MS = 1_000
/** Well above a password check (about 200 ms) on a busy machine. */
export const FAILED_LOGIN_ANSWER_MS = 1_000

function answerAfterAtLeast(minimumMs: number, holds: (status: number) => boolean = () => true): RequestHandler {
  return (_req, res, next) => {
    const due = performance.now() + minimumMs
    captureResponse(res, ({ status, body, send }) => {
      if (!holds(status)) return send(body)
      setTimeout(() => send(body), Math.max(0, due - performance.now()))
    })
    next()
  }
}

/** Holds GraphQL requests that run `field` (a GraphQL answer is 200 whether it failed or not). */
const forGraphqlField =
  (field: string, hold: RequestHandler): RequestHandler =>
  (req, res, next) =>
    graphqlFieldUses(req, field) > 0 ? hold(req, res, next) : next()

export function uniformAccountTiming(): Router {
  const holdForgotPassword = answerAfterAtLeast(FORGOT_PASSWORD_ANSWER_MS)
  const router = Router()
  router.post('/api/users/forgot-password', holdForgotPassword)
  router.post(
    '/api/users/login',
    answerAfterAtLeast(FAILED_LOGIN_ANSWER_MS, (status) => status >= 400),
  )
  router.post(
    '/api/graphql',
    forGraphqlField('forgotPasswordUser', holdForgotPassword),
    forGraphqlField('loginUser', answerAfterAtLeast(FAILED_LOGIN_ANSWER_MS)),
  )
  return router
}
