/**
 * GET /api/draft?token=… : the address a preview link opens (the CMS's admin Preview button and
 * Live Preview use it too). The CMS checks the token; if it is valid, Next's draft mode goes on,
 * the token is kept in an httpOnly cookie until it expires, and the visitor lands on the page
 * of the document it opens. Both cookies get the attributes of previewCookieOptions, so that the
 * preview also works in the admin's Live Preview frame. An expired, revoked or altered token gets
 * 401 with the CMS's reason.
 */
import { cookies, draftMode } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'

import { previewTargetOf, type PreviewTarget } from '@/lib/cms'
import { DRAFT_MODE_COOKIE, PREVIEW_COOKIE, previewCookieOptions, type ActivePreview } from '@/lib/preview'

export const dynamic = 'force-dynamic'

const PAGE_OF: Record<PreviewTarget['collection'], (slug: string) => string> = {
  articles: (slug) => `/articles/${slug}`,
  techniques: (slug) => `/techniques/${slug}`,
  faqs: (slug) => `/faq#${slug}`,
  myths: (slug) => `/myths#${slug}`,
}

const refusal = (status: number, message: string) =>
  new NextResponse(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Preview unavailable</title><body style="font-family:system-ui;max-width:36rem;margin:4rem auto;line-height:1.5"><h1>Preview unavailable</h1><p>${message.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p><p><a href="/">Go to the site</a></p></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' } },
  )

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token')
  if (!token) return refusal(400, 'This address needs the token of a preview link.')
  const checked = await previewTargetOf(token)
  if (!checked.ok) return refusal(checked.status === 401 ? 401 : 502, checked.message)
  const { target } = checked
  const expires = new Date(target.expiresAt)
  ;(await draftMode()).enable()
  const jar = await cookies()
  const options = previewCookieOptions(request)
  const draftModeId = jar.get(DRAFT_MODE_COOKIE)?.value
  if (draftModeId) jar.set(DRAFT_MODE_COOKIE, draftModeId, { ...options, expires })
  const preview: ActivePreview = { token, collection: target.collection, id: target.id, slug: target.slug }
  jar.set(PREVIEW_COOKIE, JSON.stringify(preview), { ...options, expires })
  const location = target.slug ? PAGE_OF[target.collection](target.slug) : '/'
  // A relative Location: Next may know itself by another host name (localhost) than the browser
  // used (127.0.0.1), and the cookies just set belong to the browser's.
  return new NextResponse(null, { status: 307, headers: { location, 'cache-control': 'private, no-store' } })
}
