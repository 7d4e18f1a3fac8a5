/** GET /api/draft/disable: leaves the preview (draft mode off, token cookie gone) and goes home. */
import { cookies, draftMode } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'

import { DRAFT_MODE_COOKIE, PREVIEW_COOKIE, previewCookieOptions } from '@/lib/preview'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  // Expired with the attributes they were set with: a partitioned cookie is only removed that way.
  const jar = await cookies()
  const expired = { ...previewCookieOptions(request), expires: new Date(0) }
  jar.set(DRAFT_MODE_COOKIE, '', expired)
  jar.set(PREVIEW_COOKIE, '', expired)
  return new NextResponse(null, { status: 307, headers: { location: '/', 'cache-control': 'private, no-store' } })
}
