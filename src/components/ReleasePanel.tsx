'use client'
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useCallback, useEffect, useState } from 'react'

import {
  addToRelease,
  fetchReleaseView,
  removeFromRelease,
  searchDocuments,
  takeReleaseAction,
  type ReleaseAction,
  type ReleaseView,
} from './releasesApi'
import { errorMessage } from './workflowApi'

const BUTTONS: { action: Exclude<ReleaseAction, 'add_item' | 'remove_item' | 'schedule'>; label: string }[] = [
  { action: 'publish', label: 'Publish now' },
  { action: 'unschedule', label: 'Unschedule' },
  { action: 'roll_back', label: 'Roll back' },
  { action: 'cancel', label: 'Cancel the release' },
]

type Found = { id: number; title: string; stage: string }

/**
 * The release's own view: each item and whether it is ready (or why not), the actions this person
 * may take now (as the server says), scheduling, and adding documents found by title.
 */
export function ReleasePanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const apiRoute = formatAdminURL({ apiRoute: config.routes.api, relative: true })
  const [view, setView] = useState<ReleaseView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [at, setAt] = useState('')
  const [searchIn, setSearchIn] = useState('')
  const [text, setText] = useState('')
  const [found, setFound] = useState<Found[]>([])

  const load = useCallback(() => {
    if (id === undefined) return
    fetchReleaseView(apiRoute, id).then(
      (loaded) => {
        setView(loaded)
        setLoadError(null)
        setSearchIn((current) => current || loaded.collections[0]?.slug || '')
      },
      (error: unknown) => setLoadError(errorMessage(error)),
    )
  }, [apiRoute, id])
  useEffect(load, [load])

  if (id === undefined) return <p className="workflow-muted">Save the release to add documents to it.</p>
  if (loadError) return <p className="workflow-error">{loadError}</p>
  if (!view) return null

  async function act(work: () => Promise<ReleaseView>, done: string) {
    setBusy(true)
    try {
      setView({ ...view!, ...(await work()) })
      toast.success(done)
    } catch (error) {
      toast.error(errorMessage(error))
    } finally {
      setBusy(false)
      load()
    }
  }

  const may = (action: ReleaseAction) => view.actions.includes(action)
  const collection = view.collections.find((candidate) => candidate.slug === searchIn)

  return (
    <div className="release-panel" data-testid="release-panel">
      <p>
        <strong data-testid="release-state">{view.state.replace('_', ' ')}</strong>
        {view.publishAt && view.state === 'scheduled' && <> · goes live {new Date(view.publishAt).toLocaleString()}</>}
        {' · '}
        {view.items.length} document{view.items.length === 1 ? '' : 's'}
      </p>
      <ul className="release-panel__items">
        {view.items.map((item) => (
          <li key={`${item.collection}-${item.id}`} data-testid="release-item">
            <a
              href={formatAdminURL({
                adminRoute: config.routes.admin,
                path: `/collections/${item.collection}/${item.id}`,
                relative: true,
              })}
            >
              {item.title || `${item.collection} ${item.id}`}
            </a>{' '}
            <span className="workflow-muted">{item.collection}</span>{' '}
            {item.ready === true && <span data-testid="release-item-ready">Ready</span>}
            {item.ready === false && (
              <span className="workflow-error" data-testid="release-item-problem">
                {item.reason}
              </span>
            )}
            {may('remove_item') && (
              <button
                type="button"
                className="workflow-bar__note"
                disabled={busy}
                onClick={() =>
                  void act(() => removeFromRelease(apiRoute, id, item.collection, item.id), 'Removed from the release.')
                }
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="release-panel__actions">
        {BUTTONS.filter(({ action }) => may(action)).map(({ action, label }) => (
          <Button
            key={action}
            buttonStyle={action === 'publish' ? 'primary' : 'secondary'}
            size="medium"
            margin={false}
            disabled={busy}
            extraButtonProps={{ 'data-testid': `release-${action}` }}
            onClick={() => void act(() => takeReleaseAction(apiRoute, id, action), `${label}: done.`)}
          >
            {label}
          </Button>
        ))}
        {may('schedule') && (
          <span>
            <input
              type="datetime-local"
              aria-label="Publish at"
              step={1}
              data-testid="release-schedule-at"
              value={at}
              onChange={(event) => setAt(event.target.value)}
            />
            <Button
              buttonStyle="secondary"
              size="medium"
              margin={false}
              disabled={busy || at === ''}
              extraButtonProps={{ 'data-testid': 'release-schedule' }}
              // datetime-local is the editor's own time: new Date reads it so, and it is sent in UTC.
              onClick={() => void act(() => takeReleaseAction(apiRoute, id, 'schedule', new Date(at)), 'Scheduled.')}
            >
              Schedule
            </Button>
          </span>
        )}
      </div>
      {may('add_item') && collection && (
        <div className="release-panel__add">
          <select aria-label="Collection" value={searchIn} onChange={(event) => setSearchIn(event.target.value)}>
            {view.collections.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {candidate.noun}
              </option>
            ))}
          </select>
          <input
            type="search"
            aria-label="Find by title"
            placeholder="Find by title…"
            data-testid="release-search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return
              event.preventDefault()
              searchDocuments(apiRoute, collection, text).then(setFound, (error: unknown) =>
                toast.error(errorMessage(error)),
              )
            }}
          />
          <ul>
            {found.map((doc) => (
              <li key={doc.id}>
                {doc.title} <span className="workflow-muted">{doc.stage}</span>{' '}
                <button
                  type="button"
                  className="workflow-bar__note"
                  data-testid="release-search-add"
                  disabled={busy}
                  onClick={() =>
                    void act(() => addToRelease(apiRoute, id, collection.slug, doc.id), 'Added to the release.')
                  }
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
