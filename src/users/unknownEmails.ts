/**
 * Logins with an email that has no account answer exactly as a real account would: after the
 * same password-hashing work (a real account's check took about 200 ms, an unknown email 9 ms),
 * "incorrect" for the first failures and "locked" once as many have failed as would lock an
 * account. Neither the answer nor its timing then tells who has an account.
 *
 * The failures of unknown emails are counted in this process's memory, bounded in size.
 */
import { pbkdf2 } from 'node:crypto'
import { LockedAuth, type CollectionBeforeOperationHook } from 'payload'

/** Payload's current password hash (pbkdf2-sha256-v1): the work a real account's check does. */
const HASH_ITERATIONS = 600_000
const HASH_KEY_LENGTH = 32
const DECOY_SALT = 'spa-cms-unknown-email'
/** Unknown emails remembered at most; the oldest are forgotten first. */
const REMEMBERED_EMAILS = 10_000

interface Failures {
  count: number
  lockUntil?: number
}

const hashLikeAnAccount = (password: string) =>
  new Promise<void>((resolve) =>
    pbkdf2(password, DECOY_SALT, HASH_ITERATIONS, HASH_KEY_LENGTH, 'sha256', () => resolve()),
  )

export function answerUnknownEmailsLikeAccounts({
  maxLoginAttempts,
  lockTime,
}: {
  maxLoginAttempts: number
  lockTime: number
}): CollectionBeforeOperationHook<'users'> {
  const failures = new Map<string, Failures>()

  function recordFailure(email: string, now: number): void {
    const previous = failures.get(email)
    const count = previous?.lockUntil !== undefined ? 1 : (previous?.count ?? 0) + 1 // an expired lock starts again at 1
    failures.delete(email)
    failures.set(email, { count, lockUntil: count >= maxLoginAttempts ? now + lockTime : undefined })
    if (failures.size > REMEMBERED_EMAILS) failures.delete(failures.keys().next().value as string)
  }

  return async ({ args, collection, operation, req }) => {
    if (operation !== 'login') return args
    const { email, password } = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
    if (typeof email !== 'string') return args
    const sanitized = email.toLowerCase().trim()
    const account = await req.payload.db.findOne({
      collection: collection.slug,
      where: { email: { equals: sanitized } },
      req,
    })
    if (account) return args
    const now = Date.now()
    const lockUntil = failures.get(sanitized)?.lockUntil
    if (lockUntil !== undefined && lockUntil > now) throw new LockedAuth(req.t)
    await hashLikeAnAccount(typeof password === 'string' ? password : '')
    recordFailure(sanitized, now)
    return args // Payload finds no account and answers "incorrect"
  }
}
