/** The HTTP caching rules for browsers and CDNs: validators and Cache-Control values. */
import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'

import type { CdnTagHeader } from './cdnTags'

export interface PublicCachePolicy {
  maxAgeSeconds: number
  sharedMaxAgeSeconds: number
  staleWhileRevalidateSeconds: number
  /** The tag headers cached answers carry for a CDN (cdnTags.ts). */
  tagHeaders: readonly CdnTagHeader[]
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

/**
 * Headers Next and Payload give every answer that mean nothing on a public JSON read: the admin's
 * colour-scheme client hint (withPayload's `Accept-CH`, `Critical-CH`), and the CORS answers only a
 * preflight (OPTIONS) is read for. Each hit would carry them again, and a CDN would keep one copy
 * per value of the request headers `Vary` names.
 */
const PAGE_ONLY_HEADERS = ['accept-ch', 'critical-ch', 'access-control-allow-methods', 'access-control-allow-headers']
/** `Vary` entries for Next's pages (RSC payloads, router state) and the admin's colour scheme. */
const PAGE_ONLY_VARY = /^(?:rsc|next-router-[\w-]+|sec-ch-prefers-color-scheme)$/i

export function dropPageOnlyHeaders(res: ServerResponse): void {
  for (const name of PAGE_ONLY_HEADERS) res.removeHeader(name)
  const vary = res.getHeader('vary')
  if (vary === undefined) return
  const kept = String(vary)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry && !PAGE_ONLY_VARY.test(entry))
  if (kept.length > 0) res.setHeader('vary', kept.join(', '))
  else res.removeHeader('vary')
}
