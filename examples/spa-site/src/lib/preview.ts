/**
 * Draft mode: the site's /api/draft route checked a preview token with the CMS, turned on Next's
 * draft mode and kept the token and what it opens in an httpOnly cookie. Pages read it here.
 */
import { cookies, draftMode } from 'next/headers'
import type { NextRequest } from 'next/server'

import type { CmsCollection } from './cms'

export const PREVIEW_COOKIE = 'spa-preview'
/** Next's draft-mode cookie (set by `draftMode().enable()`). */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

export interface ActivePreview {
  token: string
  collection: CmsCollection
  id: number
  slug: string | null
}

/**
 * How the preview's cookies (ours and Next's draft-mode one) are set, so that a preview works
 * where it is opened: in a tab, and in the admin's Live Preview frame, whose page is on the CMS's
 * site. Over https (as the request arrived: Next reads X-Forwarded-Proto behind a TLS proxy):
 * `SameSite=None; Secure; Partitioned`, sent inside that frame even when the CMS is another site,
 * and kept apart per top-level site (CHIPS), which browsers that block third-party cookies still
 * accept. Over plain http (development): `SameSite=Lax` without `Secure`, since browsers keep
 * `Secure` cookies from http only on localhost (Next's own draft-mode cookie is
 * `SameSite=None; Secure` outside `next dev`); there the CMS must be the same site
 * (localhost:3000 beside localhost:3001).
 */
export function previewCookieOptions(request: NextRequest) {
  return request.nextUrl.protocol === 'https:'
    ? ({ httpOnly: true, path: '/', secure: true, sameSite: 'none', partitioned: true } as const)
    : ({ httpOnly: true, path: '/', secure: false, sameSite: 'lax' } as const)
}

/** The preview in force for this request, or undefined outside draft mode. */
export async function activePreview(): Promise<ActivePreview | undefined> {
  if (!(await draftMode()).isEnabled) return undefined
  const raw = (await cookies()).get(PREVIEW_COOKIE)?.value
  if (!raw) return undefined
  try {
    const preview = JSON.parse(raw) as ActivePreview
    return typeof preview.token === 'string' && Number.isInteger(preview.id) ? preview : undefined
  } catch {
    return undefined
  }
}

/** The preview, when it is for a document of this collection. */
export async function previewOf(collection: CmsCollection): Promise<ActivePreview | undefined> {
  const preview = await activePreview()
  return preview?.collection === collection ? preview : undefined
}
