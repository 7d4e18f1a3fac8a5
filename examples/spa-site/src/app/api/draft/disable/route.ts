/** GET /api/draft/disable: leaves the preview (draft mode off, token cookie gone) and goes home. */
import { cookies, draftMode } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'

import { PREVIEW_COOKIE } from '@/lib/preview'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(PREVIEW_COOKIE)
  return NextResponse.redirect(new URL('/', request.url), 307)
}
