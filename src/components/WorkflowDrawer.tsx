'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { ACTION_LABELS, type Action } from '../workflow/transitions'
import { Checklist } from './Checklist'
import { StageBadge } from './StageBadge'
import { personName, type ActionRequest, type WorkflowStatus } from './workflowApi'

interface Props {
  status: WorkflowStatus
  /** The action to confirm, or null to show the details only. */
  action: Action | null
  busy: boolean
  onConfirm: (request: ActionRequest) => void
}

/**
 * The review details (the reviewer's comment, the submission's checklist) and, for actions
 * that need more than a click, what they need: a comment, the health-claim acknowledgement.
 */
export function WorkflowDrawer({ status, action, busy, onConfirm }: Props) {
  const [comment, setComment] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const hasClaims = status.checklist.some((item) => item.kind === 'health_claim')
  const submitter = personName(status.submittedBy)
  // After a failed attempt the status is reloaded: the action may no longer be on offer.
  const offered = action !== null && status.actions.some((available) => available.action === action)
  const ready = action === 'request_changes' ? comment.trim() !== '' : action !== 'approve' || !hasClaims || acknowledged

  function confirm(confirmed: Action) {
    if (confirmed === 'request_changes') onConfirm({ action: confirmed, comment: comment.trim() })
    else if (confirmed === 'approve') onConfirm({ action: confirmed, acknowledgeClaims: hasClaims && acknowledged })
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
        </section>
      )}

      {action && !offered && <p className="workflow-error">{ACTION_LABELS[action]} is no longer possible: the document has changed.</p>}

      {offered && action === 'request_changes' && (
        <label className="workflow-drawer__field">
          <span>What should change? (required)</span>
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
