/**
 * Preview tokens: `<claims>.<signature>`, both base64url. The claims name one document
 * (collection and id), an expiry, and the revocation generations current when the token was
 * issued (everything, and that document); the signature is an HMAC-SHA256 of the claims text
 * with a key derived from Payload's secret, so a token cannot be altered or forged without it.
 * Pure: no Payload import; revocation generations are checked by the caller (revocations.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface PreviewClaims {
  /** Collection slug. */
  c: string
  /** Document id. */
  i: number
  /** Expiry, seconds since the epoch. */
  e: number
  /** Generation of "revoke every link" when issued. */
  g: number
  /** Generation of "revoke this document's links" when issued. */
  d: number
}

/** Why a token is refused; each reason reaches the reader as a sentence (see refusalMessage). */
export type TokenRefusal = 'malformed' | 'altered' | 'expired' | 'revoked'

export type TokenCheck = { valid: true; claims: PreviewClaims } | { valid: false; reason: TokenRefusal }

/** A key of its own for preview links, so a token signature is never valid as anything else Payload signs. */
export const previewKey = (secret: string): Buffer =>
  createHmac('sha256', secret).update('spa-cms preview links v1').digest()

const sign = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('base64url')

export function signPreviewToken(key: Buffer, claims: PreviewClaims): string {
  const text = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')
  return `${text}.${sign(key, text)}`
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{43}$/

function isClaims(value: unknown): value is PreviewClaims {
  const claims = value as PreviewClaims
  return (
    typeof claims === 'object' &&
    claims !== null &&
    typeof claims.c === 'string' &&
    Number.isSafeInteger(claims.i) &&
    claims.i > 0 &&
    Number.isSafeInteger(claims.e) &&
    Number.isSafeInteger(claims.g) &&
    Number.isSafeInteger(claims.d)
  )
}

/** Checks shape, signature and expiry (not revocation, which needs the database). */
export function readPreviewToken(key: Buffer, token: string, nowSeconds: number): TokenCheck {
  if (!TOKEN_SHAPE.test(token)) return { valid: false, reason: 'malformed' }
  const [text, signature] = token.split('.')
  const expected = Buffer.from(sign(key, text), 'utf8')
  if (!timingSafeEqual(expected, Buffer.from(signature, 'utf8'))) return { valid: false, reason: 'altered' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return { valid: false, reason: 'malformed' }
  }
  if (!isClaims(claims)) return { valid: false, reason: 'malformed' }
  if (claims.e <= nowSeconds) return { valid: false, reason: 'expired' }
  return { valid: true, claims }
}

export const REFUSAL_MESSAGES: Record<TokenRefusal, string> = {
  malformed: 'This preview link is not valid: the token is incomplete or damaged. Ask for a new preview link.',
  altered:
    'This preview link is not valid: the token was altered or signed by another server. Ask for a new preview link.',
  expired: 'This preview link has expired. Ask for a new preview link.',
  revoked: 'This preview link was revoked. Ask for a new preview link.',
}

/**
 * Expiry rounded up to the next whole hour: tokens minted for the admin's preview within the same
 * hour are identical, so Live Preview's iframe address stays the same while the writer types.
 */
export const roundedExpiry = (nowSeconds: number, ttlSeconds: number): number =>
  Math.ceil(nowSeconds / 3600) * 3600 + ttlSeconds
