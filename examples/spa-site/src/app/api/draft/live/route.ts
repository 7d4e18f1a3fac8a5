/**
 * POST /api/draft/live {"values": {…}}: Live Preview as the writer types. The page in the admin's
 * Live Preview frame sends the form's unsaved values (useLiveDraft); the CMS merges them into the
 * document this browser's preview opens (the id and token come from the preview cookie, never from
 * the request) and the page renders the answer. Nothing is saved; the answer is never stored.
 */
import { NextResponse, type NextRequest } from 'next/server'

import { CmsError, mergeIntoPreviewedDraft } from '@/lib/cms'
import { activePreview } from '@/lib/preview'

export const dynamic = 'force-dynamic'

/** The CMS takes request bodies up to 1 MB (MAX_BODY_KB); a long article's rich text is far less. */
const MAX_BODY_BYTES = 1024 * 1024

const NEVER_STORED = { 'cache-control': 'private, no-store' }

const refusal = (status: number, message: string) =>
  NextResponse.json({ error: message }, { status, headers: NEVER_STORED })

export async function POST(request: NextRequest) {
  const preview = await activePreview()
  if (!preview) return refusal(401, 'There is no preview in this browser: open a preview link first.')
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return refusal(413, 'These values are too large to preview.')
  let values: unknown
  try {
    values = (JSON.parse(text) as { values?: unknown }).values
  } catch {
    return refusal(400, 'Send {"values": {…}}: the values of the document being edited.')
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    return refusal(400, 'Send {"values": {…}}: the values of the document being edited.')
  try {
    const doc = await mergeIntoPreviewedDraft(preview, values as Record<string, unknown>)
    return NextResponse.json({ doc }, { headers: NEVER_STORED })
  } catch (error) {
    if (error instanceof CmsError) return refusal(error.status === 401 ? 401 : 502, error.message)
    console.error('Live Preview could not reach the CMS', error)
    return refusal(502, 'The CMS could not be reached.')
  }
}
