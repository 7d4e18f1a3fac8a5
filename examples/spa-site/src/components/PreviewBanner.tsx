import { activePreview } from '@/lib/preview'

/** Shown on every page in draft mode: what is previewed, and the way out. */
export async function PreviewBanner() {
  const preview = await activePreview()
  if (!preview) return null
  return (
    <div className="preview-banner" role="status">
      <span>Preview of an unpublished draft. Nothing else on this page is a draft.</span>
      <a href="/api/draft/disable">Leave preview</a>
    </div>
  )
}
