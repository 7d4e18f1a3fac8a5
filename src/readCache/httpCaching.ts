/** The HTTP caching rules for browsers and CDNs: validators and Cache-Control values. */
import { createHash } from 'node:crypto'

export interface PublicCachePolicy {
  maxAgeSeconds: number
  sharedMaxAgeSeconds: number
  staleWhileRevalidateSeconds: number
}

/** Responses that depend on who asked must stay out of every shared and browser cache. */
export const PERSONAL_CACHE_CONTROL = 'private, no-store'

export const publicCacheControl = ({
  maxAgeSeconds,
  sharedMaxAgeSeconds,
  staleWhileRevalidateSeconds,
}: PublicCachePolicy): string =>
  `public, max-age=${maxAgeSeconds}, s-maxage=${sharedMaxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`

export const entityTag = (body: Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** RFC 9110 weak comparison, as If-None-Match requires. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}
