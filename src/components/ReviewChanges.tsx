'use client'
import React, { useEffect, useState } from 'react'

import { errorMessage, fetchChanges, type Changes } from './workflowApi'

interface Props {
  apiRoute: string
  collection: string
  id: number | string
}

const AGAINST = { live: 'the live version', seen: 'what you last reviewed' } as const

/** What changed, field by field, with the words inserted and deleted marked. */
export function ReviewChanges({ apiRoute, collection, id }: Props) {
  const [against, setAgainst] = useState<keyof typeof AGAINST>('live')
  const [loaded, setLoaded] = useState<Changes | { error: string } | null>(null)
  useEffect(() => {
    let current = true
    fetchChanges(apiRoute, collection, id, against).then(
      (changes) => current && setLoaded(changes),
      (error: unknown) => current && setLoaded({ error: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [apiRoute, collection, id, against])

  return (
    <section className="review-changes" data-testid="review-changes">
      <h4>
        What changed since{' '}
        <select
          value={against}
          data-testid="review-changes-against"
          onChange={(event) => setAgainst(event.target.value as keyof typeof AGAINST)}
        >
          {Object.entries(AGAINST).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </h4>
      {loaded === null && <p className="workflow-muted">Comparing…</p>}
      {loaded && 'error' in loaded && <p className="workflow-error">{loaded.error}</p>}
      {loaded && 'changes' in loaded && loaded.againstVersion === null && (
        <p className="workflow-muted">
          {against === 'live'
            ? 'Never published: everything is new.'
            : 'You have not reviewed it before: everything is new.'}
        </p>
      )}
      {loaded && 'changes' in loaded && loaded.changes.length === 0 && <p className="workflow-muted">No changes.</p>}
      {loaded &&
        'changes' in loaded &&
        loaded.changes.map((change) => (
          <div key={change.field} className="review-changes__field" data-testid="review-change">
            <strong>{change.label}</strong>
            <p className="review-changes__text">
              {change.parts.map((part, index) =>
                part.op === 'insert' ? (
                  <ins key={index}>{part.text}</ins>
                ) : part.op === 'delete' ? (
                  <del key={index}>{part.text}</del>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          </div>
        ))}
    </section>
  )
}
