'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { ACTION_LABELS, scheduleLabel, type Action } from '../workflow/transitions'
import { AssignReviewers } from './AssignReviewers'
import { Checklist } from './Checklist'
import { ReviewChanges } from './ReviewChanges'
import { ReviewThreads } from './ReviewThreads'
import { StageBadge } from './StageBadge'
import { localTime, personName, type ActionRequest, type WorkflowStatus } from './workflowApi'

/** Which document the drawer is about, for its threads, changes and assignments. */
export interface DrawerDocument {
  apiRoute: string
  collection: string
  id: number | string
  fields: { name: string; label: string }[]
  /** Threads or assignments changed: reload the status. */
  onChange: () => void
}

interface Props {
  document: DrawerDocument
  status: WorkflowStatus
  /** The action to confirm, or null to show the details only. */
  action: Action | null
  /** Choose a time for the action instead of taking it now. */
  scheduling: boolean
  busy: boolean
  onConfirm: (request: ActionRequest) => void
  onSchedule: (action: Action, at: Date) => void
}

/** `<input type="datetime-local">` reads and writes the editor's local time, without a zone. */
const toLocalInput = (date: Date) => {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * The review details (the reviewer's comment, the submission's checklist) and, for actions
 * that need more than a click, what they need: a comment, the health-claim acknowledgement.
 */
export function WorkflowDrawer({ document, status, action, scheduling, busy, onConfirm, onSchedule }: Props) {
  const [comment, setComment] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const [confirmedThreads, setConfirmedThreads] = useState(false)
  const openThreads = status.openThreads.length
  const threadOnSubmitted = status.openThreads.some((thread) => thread.versionId === status.submittedVersion)
  const [when, setWhen] = useState('')
  const hasClaims = status.checklist.some((item) => item.kind === 'health_claim')
  const submitter = personName(status.submittedBy)
  // After a failed attempt the status is reloaded: the action may no longer be on offer.
  const offered = action !== null && !scheduling && status.actions.some((available) => available.action === action)
  const ready =
    action === 'request_changes'
      ? comment.trim() !== '' || threadOnSubmitted
      : action !== 'approve' || ((!hasClaims || acknowledged) && (openThreads === 0 || confirmedThreads))
  const schedulable =
    scheduling && action !== null && status.schedulable.some((available) => available.action === action)
  const chosen = when ? new Date(when) : null
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone

  function confirm(confirmed: Action) {
    if (confirmed === 'request_changes') onConfirm({ action: confirmed, comment: comment.trim() || undefined })
    else if (confirmed === 'approve')
      onConfirm({
        action: confirmed,
        acknowledgeClaims: hasClaims && acknowledged,
        confirmOpenThreads: openThreads > 0 && confirmedThreads,
      })
    else onConfirm({ action: confirmed })
  }

  return (
    <div className="workflow-drawer">
      <p className="workflow-drawer__summary">
        <StageBadge stage={status.workflowStage} />
        {submitter && (
          <span className="workflow-muted">
            Submitted by {submitter}
            {status.submittedAt && ` on ${new Date(status.submittedAt).toLocaleString()}`}
          </span>
        )}
      </p>

      {status.workflowStage === 'changes_requested' && status.reviewComment && (
        <section>
          <h4>The reviewer’s comment</h4>
          <blockquote className="workflow-drawer__comment" data-testid="workflow-review-comment">
            {status.reviewComment}
          </blockquote>
        </section>
      )}

      {status.workflowStage === 'in_review' && (
        <section>
          <h4>Checklist</h4>
          <Checklist items={status.checklist} />
          {status.approvals.required > 1 && (
            <p data-testid="workflow-approvals">
              Approvals: {status.approvals.count} of {status.approvals.required}
              {status.approverRole && ` (by ${status.approverRole}s)`}
            </p>
          )}
        </section>
      )}

      {status.workflowStage === 'in_review' && (
        <ReviewChanges apiRoute={document.apiRoute} collection={document.collection} id={document.id} />
      )}

      <ReviewThreads
        apiRoute={document.apiRoute}
        collection={document.collection}
        id={document.id}
        fields={document.fields}
        onChange={document.onChange}
      />

      {status.mayAssign && (
        <AssignReviewers
          apiRoute={document.apiRoute}
          collection={document.collection}
          id={document.id}
          status={status}
          onAssigned={document.onChange}
        />
      )}

      {action && !offered && !schedulable && (
        <p className="workflow-error">{ACTION_LABELS[action]} is no longer possible: the document has changed.</p>
      )}

      {status.scheduled.length > 0 && (
        <section>
          <h4>Scheduled</h4>
          <ul className="workflow-drawer__scheduled" data-testid="workflow-scheduled">
            {status.scheduled.map((item) => (
              <li key={item.id}>
                {item.label} on {localTime(item.at)}
                {item.scheduledBy && ` (by ${personName(item.scheduledBy)})`}
                {item.reason && <span className="workflow-error"> failed: {item.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {schedulable && (
        <label className="workflow-drawer__field">
          <span>When? Your time zone: {timeZone}</span>
          <input
            type="datetime-local"
            data-testid="workflow-schedule-at"
            min={toLocalInput(new Date())}
            value={when}
            onChange={(event) => setWhen(event.target.value)}
          />
          {chosen && <span className="workflow-muted">{localTime(chosen.toISOString())}</span>}
        </label>
      )}

      {schedulable && (
        <Button
          buttonStyle="primary"
          className="workflow-drawer__confirm"
          disabled={busy || !chosen}
          extraButtonProps={{ 'data-testid': 'workflow-confirm-schedule' }}
          onClick={() => chosen && onSchedule(action, chosen)}
        >
          {scheduleLabel(action).replace('…', '')} {chosen ? localTime(chosen.toISOString()) : ''}
        </Button>
      )}

      {offered && action === 'request_changes' && (
        <label className="workflow-drawer__field">
          <span>
            What should change? {threadOnSubmitted ? '(optional: threads are open on this version)' : '(required)'}
          </span>
          <textarea
            data-testid="workflow-comment"
            required
            rows={6}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
      )}

      {offered && action === 'approve' && hasClaims && (
        <label className="workflow-drawer__acknowledge">
          <input
            type="checkbox"
            data-testid="workflow-acknowledge-claims"
            checked={acknowledged}
            onChange={(event) => setAcknowledged(event.target.checked)}
          />
          I have checked these health claims
        </label>
      )}

      {offered && action === 'approve' && openThreads > 0 && (
        <label className="workflow-drawer__acknowledge">
          <input
            type="checkbox"
            data-testid="workflow-confirm-open-threads"
            checked={confirmedThreads}
            onChange={(event) => setConfirmedThreads(event.target.checked)}
          />
          Approve although {openThreads === 1 ? 'a thread is' : `${openThreads} threads are`} still open
        </label>
      )}

      {offered && action === 'unpublish' && (
        <p>The public site stops showing this document. It stays here, and its history is kept.</p>
      )}

      {offered && (
        <Button
          buttonStyle="primary"
          className="workflow-drawer__confirm"
          disabled={busy || !ready}
          extraButtonProps={{ 'data-testid': 'workflow-confirm' }}
          onClick={() => confirm(action)}
        >
          {ACTION_LABELS[action]}
        </Button>
      )}
    </div>
  )
}
