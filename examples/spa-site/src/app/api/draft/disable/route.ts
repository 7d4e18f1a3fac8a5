/** GET /api/draft/disable: leaves the preview (draft mode off, token cookie gone) and goes home. */
import { cookies, draftMode } from 'next/headers'
import { NextResponse } from 'next/server'

import { PREVIEW_COOKIE } from '@/lib/preview'

export const dynamic = 'force-dynamic'

export async function GET() {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(PREVIEW_COOKIE)
  return new NextResponse(null, { status: 307, headers: { location: '/', 'cache-control': 'private, no-store' } })
}
