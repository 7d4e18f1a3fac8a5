'use client'
/**
 * In draft mode inside the admin's Live Preview, the page renders again with the latest draft:
 * - after every save (RefreshRouteOnSave: Payload's document events);
 * - while the writer types: the admin posts the form on every change, and articles autosave
 *   every 2 s without a document event in Payload 3.90, so a refresh follows the last change
 *   once that autosave has had time to land (and every 3 s while the changes go on). The draft is always read from the CMS (with the
 *   preview token), never from the message: the page shows what is saved, as the site would.
 */
import { isLivePreviewEvent } from '@payloadcms/live-preview'
import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** Autosave interval of the CMS (2 s) plus its round trip. */
const AFTER_AUTOSAVE_MS = 3_000

export function LivePreview({ serverURL }: { serverURL: string }) {
  const router = useRouter()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onMessage = (event: MessageEvent) => {
      // At most one refresh per interval while the writer types (the admin posts on every change).
      if (!isLivePreviewEvent(event, serverURL) || timer) return
      timer = setTimeout(() => {
        timer = undefined
        router.refresh()
      }, AFTER_AUTOSAVE_MS)
    }
    window.addEventListener('message', onMessage)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('message', onMessage)
    }
  }, [router, serverURL])
  return <RefreshRouteOnSave serverURL={serverURL} refresh={() => router.refresh()} />
}
