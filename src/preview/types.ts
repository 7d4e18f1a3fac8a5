/**
 * Options of the preview-links plugin (`previewLinks(options)` in payload.config.ts), typed and
 * defaulted in one place.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

export interface PreviewLinksOptions {
  /** The collections whose documents get preview links (the editorial ones). */
  collections: CollectionSlug[]
  /** How long a preview link works, in seconds. Default: 24 hours. */
  ttlSeconds?: number
  /** The longest lifetime a staff member may ask for in `expiresIn`, in seconds. Default: 30 days. */
  maxTtlSeconds?: number
  /**
   * The front end that renders previews (e.g. `http://localhost:3001`). When set, the admin's
   * Preview button and Live Preview open `<siteUrl>/api/draft?token=…` for the document being
   * edited; without it the plugin only issues tokens over the API.
   */
  siteUrl?: string
  /** The upload collection whose images a previewed draft shows: readable with its token too. */
  uploads?: CollectionSlug
  /** Turns the plugin off without removing it from the config (no endpoints, no collection). */
  disabled?: boolean
}

export interface ResolvedPreviewLinksOptions {
  collections: CollectionSlug[]
  uploads?: CollectionSlug
  ttlSeconds: number
  maxTtlSeconds: number
  siteUrl?: string
}

export const DEFAULT_TTL_SECONDS = 24 * 60 * 60
export const DEFAULT_MAX_TTL_SECONDS = 30 * 24 * 60 * 60

export function resolveOptions(options: PreviewLinksOptions): ResolvedPreviewLinksOptions {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS
  const maxTtlSeconds = Math.max(options.maxTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS, ttlSeconds)
  return {
    collections: options.collections,
    uploads: options.uploads,
    ttlSeconds,
    maxTtlSeconds,
    siteUrl: options.siteUrl?.replace(/\/+$/, ''),
  }
}

/** What a valid preview token grants: reading the latest draft of one document. */
export interface PreviewGrant {
  collection: string
  id: number
  /** Seconds since the epoch. */
  expiresAt: number
}

export type RequestWithGrant = PayloadRequest
