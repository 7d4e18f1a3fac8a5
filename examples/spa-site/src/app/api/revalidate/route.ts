/**
 * POST /api/revalidate: the receiver of the CMS's publish and unpublish webhooks (set the CMS's
 * WEBHOOK_URLS to this address and give both the same WEBHOOK_SECRET). The body is verified with
 * its HMAC signature; its `tags` (`doc:articles:12`, `list:articles`, …) are the CMS's cache tags
 * of what changed, and every cached read of the site filed under one of them is dropped at once,
 * so the next visitor gets the new text without a rebuild.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { revalidateTag } from 'next/cache'
import { NextResponse, type NextRequest } from 'next/server'

export const dynamic = 'force-dynamic'

const answer = (status: number, body: unknown) =>
  NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } })

function signatureMatches(body: string, header: string | null, secret: string): boolean {
  if (!header) return false
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`)
  const given = Buffer.from(header)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const isTag = (value: unknown): value is string => typeof value === 'string' && /^[\w:.-]{1,200}$/.test(value)

export async function POST(request: NextRequest) {
  const secret = process.env.WEBHOOK_SECRET
  if (!secret) return answer(503, { error: 'WEBHOOK_SECRET is not set on the site: it cannot check who sent this.' })
  const body = await request.text()
  if (!signatureMatches(body, request.headers.get('x-spa-cms-signature'), secret))
    return answer(401, { error: 'The signature does not match this body.' })
  let tags: unknown
  try {
    tags = (JSON.parse(body) as { tags?: unknown }).tags
  } catch {
    return answer(400, { error: 'The body is not JSON.' })
  }
  if (!Array.isArray(tags) || !tags.every(isTag))
    return answer(400, { error: 'The body needs "tags": a list of cache tags.' })
  // expire: 0 drops the entries now: the next request renders fresh instead of serving stale once.
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return answer(200, { revalidated: tags })
}
