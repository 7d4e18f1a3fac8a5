'use client'
/**
 * In draft mode inside the admin's Live Preview: whenever the writer's document is saved
 * (autosave included), Payload tells this page and it renders again with the latest draft.
 */
import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

export function LivePreview({ serverURL }: { serverURL: string }) {
  const router = useRouter()
  return <RefreshRouteOnSave serverURL={serverURL} refresh={() => router.refresh()} />
}
