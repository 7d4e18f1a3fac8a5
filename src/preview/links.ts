/**
 * Issuing preview links: a token for one document, valid for a while, and the front end's
 * address that turns it into a preview (`<siteUrl>/api/draft?token=…`).
 */
import type { Payload } from 'payload'

import { currentGenerations } from './revocations'
import { previewKey, roundedExpiry, signPreviewToken } from './tokens'

export interface IssuedPreviewLink {
  token: string
  collection: string
  id: number
  expiresAt: string
  /** The front end's draft route with the token, when a site URL is configured. */
  url?: string
}

export const draftRouteUrl = (siteUrl: string, token: string) =>
  `${siteUrl}/api/draft?token=${encodeURIComponent(token)}`

export async function issuePreviewLink(
  payload: Payload,
  target: { collection: string; id: number },
  lifetime: { seconds: number; roundToHour?: boolean },
  siteUrl: string | undefined,
): Promise<IssuedPreviewLink> {
  const now = Math.floor(Date.now() / 1000)
  const expires = lifetime.roundToHour ? roundedExpiry(now, lifetime.seconds) : now + lifetime.seconds
  const generations = await currentGenerations(payload, target.collection, target.id)
  const token = signPreviewToken(previewKey(payload.secret), {
    c: target.collection,
    i: target.id,
    e: expires,
    g: generations.all,
    d: generations.document,
  })
  return {
    token,
    collection: target.collection,
    id: target.id,
    expiresAt: new Date(expires * 1000).toISOString(),
    ...(siteUrl ? { url: draftRouteUrl(siteUrl, token) } : {}),
  }
}
