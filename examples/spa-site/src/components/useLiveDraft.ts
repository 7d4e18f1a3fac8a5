'use client'
/**
 * Live Preview as the writer types, for the document a page previews. In the admin's Live Preview
 * frame, once the page says it is ready, the admin posts the form's values on every change
 * (`payload-live-preview` messages); each is merged by the CMS through the site's /api/draft/live
 * and the page renders the answer. Nothing is saved, and every collection works alike, autosaving
 * or not.
 *
 * Built from @payloadcms/live-preview's pieces (ready, isLivePreviewEvent, and mergeData on the
 * server) rather than its useLivePreview hook, which renders merge answers in the order they
 * arrive (an older one arriving last undoes the newest keystrokes) and renders an error answer as
 * if it were the document. Here one merge runs at a time and only the newest values wait for it, so
 * the page always ends on what the form says; a failed merge keeps the last render and says why.
 * Outside the frame (a preview link opened in a tab) no message comes and the page stays as rendered.
 */
import { isLivePreviewEvent, ready } from '@payloadcms/live-preview'
import { useEffect, useState } from 'react'

import type { CmsCollection } from '@/lib/cms'

export interface LiveDraft<T> {
  draft: T
  /** Why the newest values could not be shown. */
  problem?: string
}

type Values = Record<string, unknown>

export function useLiveDraft<T extends { id: number }>(
  collection: CmsCollection,
  initial: T,
  cmsOrigin: string,
): LiveDraft<T> {
  const [live, setLive] = useState<LiveDraft<T>>({ draft: initial })
  const { id } = initial
  useEffect(() => {
    let stopped = false
    let merging = false
    let newest: Values | undefined
    const merge = async (values: Values) => {
      if (merging) {
        newest = values
        return
      }
      merging = true
      try {
        const response = await fetch('/api/draft/live', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ values }),
          cache: 'no-store',
        })
        // The CMS's REST document: the fields of the page's draft query, by the same names (cms.ts).
        const answer = (await response.json().catch(() => ({}))) as { doc?: T; error?: string }
        if (stopped) return
        const { doc } = answer
        if (response.ok && doc) setLive({ draft: doc })
        else setLive((shown) => ({ ...shown, problem: answer.error ?? `The site answered ${response.status}.` }))
      } catch {
        if (!stopped) setLive((shown) => ({ ...shown, problem: 'The site could not be reached.' }))
      } finally {
        merging = false
        const next = newest
        newest = undefined
        if (next && !stopped) void merge(next)
      }
    }
    const onMessage = (event: MessageEvent) => {
      if (!isLivePreviewEvent(event, cmsOrigin)) return
      const { collectionSlug, data } = event.data as { collectionSlug?: string; data?: Values }
      // Only the form of the document this page previews.
      if (collectionSlug === collection && data && String(data.id) === String(id)) void merge(data)
    }
    window.addEventListener('message', onMessage)
    ready({ serverURL: cmsOrigin })
    return () => {
      stopped = true
      window.removeEventListener('message', onMessage)
    }
  }, [collection, id, cmsOrigin])
  return live
}
