'use client'
import { Button, toast } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { errorMessage, fetchThreads, replyToThread, resolveThread, startThread, type ThreadView } from './workflowApi'

interface Props {
  apiRoute: string
  collection: string
  id: number | string
  /** The fields a thread may be about: name and label. */
  fields: { name: string; label: string }[]
  /** Something changed (a thread opened, resolved): the action bar reloads its counts. */
  onChange: () => void
}

/** Brings a field of the edit view into sight (Payload gives each field's wrapper `field-<name>`). */
function jumpTo(field: string) {
  const element = document.getElementById(`field-${field}`) ?? document.querySelector(`[id^="field-${field}"]`)
  element?.scrollIntoView({ behavior: 'smooth', block: 'center' })
}

function Thread({ thread, apiRoute, onDone }: { thread: ThreadView; apiRoute: string; onDone: () => void }) {
  const [reply, setReply] = useState('')
  const [busy, setBusy] = useState(false)
  async function act(work: () => Promise<unknown>) {
    setBusy(true)
    try {
      await work()
      setReply('')
      onDone()
    } catch (error) {
      toast.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <li className={`review-thread${thread.resolved ? ' review-thread--resolved' : ''}`} data-testid="review-thread">
      <p className="review-thread__head">
        <strong>{thread.author}</strong>{' '}
        <span className="workflow-muted">{new Date(thread.createdAt).toLocaleString()}</span>
        {thread.field && (
          <button type="button" className="review-thread__field" onClick={() => jumpTo(thread.field!)}>
            on {thread.field}
          </button>
        )}
        {thread.resolved && <span className="workflow-muted"> · resolved</span>}
      </p>
      <p className="review-thread__body">{thread.body}</p>
      {thread.replies.map((one) => (
        <p key={one.id} className="review-thread__reply" data-testid="review-reply">
          <strong>{one.author}</strong>: {one.body}
        </p>
      ))}
      <textarea
        rows={2}
        placeholder="Reply…"
        value={reply}
        data-testid="review-reply-body"
        onChange={(event) => setReply(event.target.value)}
      />
      <div className="review-thread__actions">
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          disabled={busy || reply.trim() === ''}
          extraButtonProps={{ 'data-testid': 'review-reply-send' }}
          onClick={() => void act(() => replyToThread(apiRoute, thread.id, reply))}
        >
          Reply
        </Button>
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          disabled={busy}
          extraButtonProps={{ 'data-testid': thread.resolved ? 'review-reopen' : 'review-resolve' }}
          onClick={() => void act(() => resolveThread(apiRoute, thread.id, !thread.resolved))}
        >
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </Button>
      </div>
    </li>
  )
}

/** The document's review threads, open ones first: read, reply, resolve, and open a new one. */
export function ReviewThreads({ apiRoute, collection, id, fields, onChange }: Props) {
  const [threads, setThreads] = useState<ThreadView[] | null>(null)
  const [body, setBody] = useState('')
  const [field, setField] = useState('')
  const [busy, setBusy] = useState(false)
  const load = useCallback(
    () =>
      fetchThreads(apiRoute, collection, id).then(
        ({ docs }) => setThreads(docs),
        (error: unknown) => toast.error(errorMessage(error)),
      ),
    [apiRoute, collection, id],
  )
  useEffect(() => void load(), [load])
  const changed = () => {
    void load()
    onChange()
  }

  async function open() {
    setBusy(true)
    try {
      await startThread(apiRoute, collection, id, body, field)
      setBody('')
      setField('')
      changed()
    } catch (error) {
      toast.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const sorted = [...(threads ?? [])].sort((a, b) => Number(a.resolved) - Number(b.resolved))
  return (
    <section className="review-threads" data-testid="review-threads">
      <h4>Threads ({sorted.filter((thread) => !thread.resolved).length} open)</h4>
      <ul>
        {sorted.map((thread) => (
          <Thread key={thread.id} thread={thread} apiRoute={apiRoute} onDone={changed} />
        ))}
      </ul>
      <label className="workflow-drawer__field">
        <span>New thread</span>
        <textarea
          rows={3}
          value={body}
          data-testid="review-new-thread"
          onChange={(event) => setBody(event.target.value)}
        />
      </label>
      <label className="workflow-drawer__field">
        <span>About the field (optional)</span>
        <select value={field} data-testid="review-new-thread-field" onChange={(event) => setField(event.target.value)}>
          <option value="">The whole document</option>
          {fields.map((one) => (
            <option key={one.name} value={one.name}>
              {one.label}
            </option>
          ))}
        </select>
      </label>
      <Button
        buttonStyle="secondary"
        margin={false}
        disabled={busy || body.trim() === ''}
        extraButtonProps={{ 'data-testid': 'review-open-thread' }}
        onClick={() => void open()}
      >
        Open thread
      </Button>
    </section>
  )
}
