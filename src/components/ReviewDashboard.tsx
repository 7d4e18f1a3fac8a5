'use client'
import { Button, Link, toast, useAuth, useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useEffect, useState } from 'react'

import type { User } from '../../payload-types'
import { StageBadge } from './StageBadge'
import {
  cancelScheduled,
  errorMessage,
  fetchQueue,
  fetchScheduled,
  localTime,
  personName,
  type QueueItem,
  type QueueName,
  type ScheduledAction,
} from './workflowApi'
import './workflow.scss'

type Loaded = { items: QueueItem[] } | { error: string } | null

function useQueue(apiRoute: string, queue: QueueName, enabled: boolean): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null)
  useEffect(() => {
    if (!enabled) return
    let current = true
    fetchQueue(apiRoute, queue).then(
      ({ docs }) => current && setLoaded({ items: docs }),
      (error: unknown) => current && setLoaded({ error: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [apiRoute, queue, enabled])
  return loaded
}

const byReturnedFirst = (a: QueueItem, b: QueueItem) =>
  Number(b.workflowStage === 'changes_requested') - Number(a.workflowStage === 'changes_requested')

/** Everything not live yet, items returned for changes first. */
function workInProgress(loaded: Loaded): Loaded {
  if (!loaded || 'error' in loaded) return loaded
  return { items: loaded.items.filter((item) => item.workflowStage !== 'published').sort(byReturnedFirst) }
}

/**
 * The dashboard's workflow panels: reviewers and admins see what awaits review; everyone sees
 * their own work in progress, with items returned for changes first, and what is scheduled.
 */
export function ReviewDashboard() {
  const { user } = useAuth<User>()
  const { config, getEntityConfig } = useConfig()
  const apiRoute = formatAdminURL({ apiRoute: config.routes.api, relative: true })
  const reviews = user?.role === 'reviewer' || user?.role === 'admin'
  const queue = useQueue(apiRoute, 'review', reviews)
  const assigned = useQueue(apiRoute, 'assigned', reviews)
  const overdue = useQueue(apiRoute, 'overdue', reviews)
  const reviewDue = useQueue(apiRoute, 'reviewDue', reviews)
  const mine = workInProgress(useQueue(apiRoute, 'mine', Boolean(user)))
  if (!user) return null

  const docURL = (collection: string, id: number) =>
    formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collection}/${id}`, relative: true })
  const collectionLabel = (collection: string) => {
    const singular = getEntityConfig({ collectionSlug: collection })?.labels?.singular
    return typeof singular === 'string' ? singular : collection
  }
  const panel = { docURL, collectionLabel }

  return (
    <div className="review-dashboard">
      {reviews && (
        <QueuePanel
          title="Assigned to me"
          testId="assigned-to-me"
          loaded={assigned}
          empty="Nothing is assigned to you."
          {...panel}
        />
      )}
      {reviews && overdue && 'items' in overdue && overdue.items.length > 0 && (
        <QueuePanel title="Overdue" testId="overdue" loaded={overdue} empty="" {...panel} />
      )}
      {reviews && reviewDue && 'items' in reviewDue && reviewDue.items.length > 0 && (
        <QueuePanel
          title="Review due (live content to check again)"
          testId="review-due"
          loaded={reviewDue}
          empty=""
          {...panel}
        />
      )}
      {reviews && (
        <QueuePanel
          title="Awaiting review"
          testId="review-queue"
          loaded={queue}
          empty="Nothing is waiting for review."
          {...panel}
        />
      )}
      {/* Reviewers and admins mostly review: their own drafts show only when they have some. */}
      {(!reviews || (mine && 'items' in mine && mine.items.length > 0)) && (
        <QueuePanel
          title="My drafts and returned items"
          testId="my-work"
          loaded={mine}
          empty="You have no drafts in progress."
          {...panel}
        />
      )}
      <ScheduledPanel apiRoute={apiRoute} docURL={docURL} collectionLabel={collectionLabel} />
    </div>
  )
}

interface PanelProps {
  title: string
  testId: string
  loaded: Loaded
  empty: string
  docURL: (collection: string, id: number) => string
  collectionLabel: (collection: string) => string
}

function QueuePanel({ title, testId, loaded, empty, docURL, collectionLabel }: PanelProps) {
  return (
    <section className="review-dashboard__panel" data-testid={testId}>
      <h3>{title}</h3>
      {loaded === null && <p className="workflow-muted">Loading…</p>}
      {loaded && 'error' in loaded && <p className="workflow-error">{loaded.error}</p>}
      {loaded && 'items' in loaded && loaded.items.length === 0 && <p className="workflow-muted">{empty}</p>}
      {loaded && 'items' in loaded && loaded.items.length > 0 && (
        <ul className="review-dashboard__list">
          {loaded.items.map((item) => (
            <li
              key={`${item.collection}-${item.id}`}
              className={`review-dashboard__item${item.workflowStage === 'changes_requested' ? ' review-dashboard__item--returned' : ''}`}
            >
              <Link href={docURL(item.collection, item.id)} prefetch={false}>
                {item.title || `Untitled (${item.id})`}
              </Link>
              <span className="workflow-muted">{collectionLabel(item.collection)}</span>
              <StageBadge stage={item.workflowStage} />
              <span className="workflow-muted">{describeWhen(item)}</span>
              {item.openThreads > 0 && (
                <span data-testid="queue-open-threads">
                  {item.openThreads} open {item.openThreads === 1 ? 'thread' : 'threads'}
                </span>
              )}
              {item.approvals.required > 1 && item.workflowStage === 'in_review' && (
                <span className="workflow-muted">
                  {item.approvals.count}/{item.approvals.required} approvals
                </span>
              )}
              {item.knockOn?.map((flag) => (
                <span key={`${flag.collection}-${flag.id}`} className="workflow-error">
                  Check: {flag.title} changed
                </span>
              ))}
              {item.dueDate && (
                <span className={Date.parse(item.dueDate) < Date.now() ? 'workflow-error' : 'workflow-muted'}>
                  due {new Date(item.dueDate).toLocaleDateString()}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

type LoadedSchedule = { items: ScheduledAction[] } | { error: string } | null

/** What is scheduled to publish or unpublish, soonest first; failures stay listed with their reason. */
function ScheduledPanel({
  apiRoute,
  docURL,
  collectionLabel,
}: Pick<PanelProps, 'docURL' | 'collectionLabel'> & { apiRoute: string }) {
  const [loaded, setLoaded] = useState<LoadedSchedule>(null)
  const [reloads, setReloads] = useState(0)
  const [busy, setBusy] = useState<number | null>(null)
  useEffect(() => {
    let current = true
    fetchScheduled(apiRoute).then(
      ({ docs }) => current && setLoaded({ items: docs }),
      (error: unknown) => current && setLoaded({ error: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [apiRoute, reloads])

  async function cancel(item: ScheduledAction) {
    setBusy(item.id)
    try {
      await cancelScheduled(apiRoute, item.id)
      toast.success(`${item.label} of “${item.title}” ${item.reason ? 'dismissed' : 'cancelled'}.`)
    } catch (error) {
      toast.error(errorMessage(error))
    }
    setBusy(null)
    setReloads((count) => count + 1)
  }

  return (
    <section className="review-dashboard__panel" data-testid="scheduled">
      <h3>Scheduled</h3>
      {loaded === null && <p className="workflow-muted">Loading…</p>}
      {loaded && 'error' in loaded && <p className="workflow-error">{loaded.error}</p>}
      {loaded && 'items' in loaded && loaded.items.length === 0 && (
        <p className="workflow-muted">Nothing is scheduled.</p>
      )}
      {loaded && 'items' in loaded && loaded.items.length > 0 && (
        <ul className="review-dashboard__list">
          {loaded.items.map((item) => (
            <li
              key={item.id}
              className={`review-dashboard__item${item.reason ? ' review-dashboard__item--returned' : ''}`}
            >
              <Link href={docURL(item.collection, item.documentId)} prefetch={false}>
                {item.title || `Untitled (${item.documentId})`}
              </Link>
              <span className="workflow-muted">{collectionLabel(item.collection)}</span>
              <span>
                {item.label} {localTime(item.at)}
              </span>
              <span className="workflow-muted">by {personName(item.scheduledBy) ?? 'a deleted account'}</span>
              {item.reason && <span className="workflow-error">Failed: {item.reason}</span>}
              {item.mayCancel && (
                <Button
                  buttonStyle="secondary"
                  size="small"
                  margin={false}
                  disabled={busy !== null}
                  extraButtonProps={{ 'data-testid': `scheduled-cancel-${item.id}` }}
                  onClick={() => void cancel(item)}
                >
                  {item.reason ? 'Dismiss' : 'Cancel'}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function describeWhen(item: QueueItem): string {
  const submitter = personName(item.submittedBy)
  if (item.workflowStage === 'in_review' && item.submittedAt) {
    return `submitted ${submitter ? `by ${submitter} ` : ''}on ${new Date(item.submittedAt).toLocaleDateString()}`
  }
  return `updated ${new Date(item.updatedAt).toLocaleDateString()}`
}
