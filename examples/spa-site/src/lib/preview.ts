/**
 * Draft mode: the site's /api/draft route checked a preview token with the CMS, turned on Next's
 * draft mode and kept the token and what it opens in an httpOnly cookie. Pages read it here.
 */
import { cookies, draftMode } from 'next/headers'

import type { CmsCollection } from './cms'

export const PREVIEW_COOKIE = 'spa-preview'

export interface ActivePreview {
  token: string
  collection: CmsCollection
  id: number
  slug: string | null
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
