'use client'
import { Button, toast } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { addToRelease, fetchOpenReleases, type ReleaseSummary } from './releasesApi'
import { errorMessage } from './workflowApi'

/**
 * In a document's action bar: puts the document into a release that still takes items. Writers
 * propose; the release's view (ReleasePanel) shows whether each item is ready.
 */
export function AddToRelease({
  apiRoute,
  collection,
  id,
}: {
  apiRoute: string
  collection: string
  id: number | string
}) {
  const [releases, setReleases] = useState<ReleaseSummary[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    fetchOpenReleases(apiRoute).then(
      (loaded) => current && setReleases(loaded),
      () => current && setReleases([]),
    )
    return () => {
      current = false
    }
  }, [apiRoute])

  if (!releases || releases.length === 0) return null

  async function add() {
    setBusy(true)
    try {
      const release = await addToRelease(apiRoute, chosen, collection, id)
      toast.success(`Added to the release “${release.title}”.`)
    } catch (error) {
      toast.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <span className="workflow-bar__release">
      <select
        aria-label="Release"
        data-testid="release-choose"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
      >
        <option value="">Add to release…</option>
        {releases.map((release) => (
          <option key={release.id} value={release.id}>
            {release.title}
          </option>
        ))}
      </select>
      <Button
        buttonStyle="secondary"
        size="medium"
        margin={false}
        disabled={busy || chosen === ''}
        extraButtonProps={{ 'data-testid': 'release-add' }}
        onClick={() => void add()}
      >
        Add
      </Button>
    </span>
  )
}
