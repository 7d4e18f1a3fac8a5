'use client'
import {
  Button,
  Drawer,
  Link,
  toast,
  useConfig,
  useDocumentInfo,
  useDrawerSlug,
  useFormInitializing,
  useFormModified,
  useModal,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useEffect, useState } from 'react'

import { ACTION_LABELS, scheduleLabel, STAGE_LABELS, type Action } from '../workflow/transitions'
import { AddToRelease } from './AddToRelease'
import { StageBadge } from './StageBadge'
import { useEditingNow } from './useEditingNow'
import { WorkflowDrawer, type DrawerDocument } from './WorkflowDrawer'
import {
  errorMessage,
  fetchWorkflowStatus,
  localTime,
  scheduleWorkflowAction,
  takeWorkflowAction,
  type ActionRequest,
  type WorkflowStatus,
} from './workflowApi'
import './workflow.scss'

/** Actions confirmed in the drawer: they need a comment or the checklist, or are hard to undo. */
const CONFIRMED_IN_DRAWER: ReadonlySet<Action> = new Set(['request_changes', 'approve', 'unpublish'])
const PRIMARY: ReadonlySet<Action> = new Set(['submit', 'approve', 'publish'])
/** The success message survives the reload that shows the document as it now is. */
const FLASH_KEY = 'workflow-action-result'

/**
 * The document's workflow status: the one the page was rendered with, asked for again after each
 * save (the document's `updatedAt` changes) and after each change made in the drawer (`reloads`).
 * Without one from the page (a new document, a refusal), it is asked for at once.
 */
function useWorkflowStatus(
  apiRoute: string,
  collectionSlug: string | undefined,
  id: number | string | undefined,
  savedAt: unknown,
  reloads: number,
  initialStatus: WorkflowStatus | null,
) {
  const [status, setStatus] = useState(initialStatus)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [renderedFor] = useState(initialStatus && { id, savedAt })

  useEffect(() => {
    if (!collectionSlug || id === undefined) return
    if (renderedFor && reloads === 0 && renderedFor.id === id && renderedFor.savedAt === savedAt) return
    let current = true
    fetchWorkflowStatus(apiRoute, collectionSlug, id).then(
      (loaded) => {
        if (!current) return
        setStatus(loaded)
        setLoadError(null)
      },
      (error: unknown) => current && setLoadError(errorMessage(error)),
    )
    return () => {
      current = false
    }
  }, [apiRoute, collectionSlug, id, savedAt, reloads, renderedFor])

  return { status, loadError }
}

/**
 * The edit view's workflow controls: the stage, a button for each action the server says this
 * user may take now or schedule for later, and what is scheduled. Rendered by WorkflowControls,
 * which reads the status while the page renders.
 */
export function WorkflowActionBar({ initialStatus }: { initialStatus: WorkflowStatus | null }) {
  const { id, collectionSlug, data } = useDocumentInfo()
  const { config, getEntityConfig } = useConfig()
  const { openModal } = useModal()
  const modified = useFormModified()
  // The bar comes with the page's HTML; like Payload's fields, it takes clicks once the form is ready.
  const initializing = useFormInitializing()
  const drawerSlug = useDrawerSlug('workflow')
  const [reloads, setReloads] = useState(0)
  const [busy, setBusy] = useState(false)
  const [drawerAction, setDrawerAction] = useState<Action | null>(null)
  const [scheduling, setScheduling] = useState(false)

  const apiRoute = formatAdminURL({ apiRoute: config.routes.api, relative: true })
  const savedAt: unknown = data?.updatedAt
  const editingNow = useEditingNow(apiRoute, collectionSlug, id)
  const { status, loadError } = useWorkflowStatus(apiRoute, collectionSlug, id, savedAt, reloads, initialStatus)

  useEffect(() => {
    // Deferred: Payload's toaster subscribes in an effect of its own that runs after this one.
    const timer = setTimeout(() => {
      const result = sessionStorage.getItem(FLASH_KEY)
      if (result === null) return
      sessionStorage.removeItem(FLASH_KEY)
      toast.success(result)
    }, 0)
    return () => clearTimeout(timer)
  }, [])

  if (!collectionSlug || id === undefined) return null
  if (loadError)
    return (
      <span className="workflow-muted" title={loadError}>
        Workflow unavailable
      </span>
    )
  if (!status) return null

  const stage = status.workflowStage
  const drawerDocument: DrawerDocument = {
    apiRoute,
    collection: collectionSlug,
    id,
    fields: (getEntityConfig({ collectionSlug })?.fields ?? []).flatMap((field) =>
      'name' in field && !field.name.startsWith('workflow') && !('hidden' in field && field.hidden)
        ? [{ name: field.name, label: typeof field.label === 'string' ? field.label : field.name }]
        : [],
    ),
    onChange: () => setReloads((count) => count + 1),
  }
  const versionsURL = formatAdminURL({
    adminRoute: config.routes.admin,
    path: `/collections/${collectionSlug}/${id}/versions`,
    relative: true,
  })

  function openDrawer(action: Action | null, schedule = false) {
    setDrawerAction(action)
    setScheduling(schedule)
    openModal(drawerSlug)
  }

  async function submit(send: () => Promise<string>) {
    setBusy(true)
    try {
      sessionStorage.setItem(FLASH_KEY, await send())
      // A reload, not router.refresh(): the document's status, versions and form all change.
      window.location.reload()
    } catch (error) {
      toast.error(errorMessage(error))
      setBusy(false)
      setReloads((count) => count + 1)
    }
  }

  const run = (request: ActionRequest) =>
    submit(async () => {
      const result = await takeWorkflowAction(apiRoute, collectionSlug, id, request)
      return `${ACTION_LABELS[request.action]}: done. The stage is now “${STAGE_LABELS[result.workflowStage]}”.`
    })

  const schedule = (action: Action, at: Date) =>
    submit(async () => {
      const { scheduled } = await scheduleWorkflowAction(apiRoute, collectionSlug, id, action, at)
      return `${scheduled.label} scheduled for ${localTime(scheduled.at)}.`
    })

  return (
    <div className="workflow-bar">
      <StageBadge stage={stage} testId="workflow-stage" />
      {editingNow.length > 0 && (
        <span className="workflow-bar__presence" data-testid="workflow-editing-now">
          {editingNow.map((person) => person.name).join(', ')} {editingNow.length === 1 ? 'is' : 'are'} editing now
        </span>
      )}
      <button
        type="button"
        className="workflow-bar__note"
        data-testid="workflow-show-threads"
        disabled={initializing}
        onClick={() => openDrawer(null)}
      >
        Threads ({status.openThreads.length} open)
      </button>
      {status.knockOn.map((flag) => (
        <Link
          key={`${flag.collection}-${flag.id}`}
          className="workflow-bar__note workflow-error"
          data-testid="workflow-knock-on"
          prefetch={false}
          href={formatAdminURL({
            adminRoute: config.routes.admin,
            path: `/collections/${flag.collection}/${flag.id}/versions`,
            relative: true,
          })}
        >
          Check: {flag.title} changed
        </Link>
      ))}
      {stage === 'in_review' && status.approvals.required > 1 && (
        <span className="workflow-muted" data-testid="workflow-approval-count">
          Approvals {status.approvals.count}/{status.approvals.required}
        </span>
      )}
      {stage === 'changes_requested' && status.reviewComment && (
        <button
          type="button"
          className="workflow-bar__note"
          title={status.reviewComment}
          data-testid="workflow-show-comment"
          disabled={initializing}
          onClick={() => openDrawer(null)}
        >
          “{status.reviewComment}”
        </button>
      )}
      {stage === 'in_review' && (
        <>
          <button
            type="button"
            className="workflow-bar__note"
            data-testid="workflow-show-checklist"
            disabled={initializing}
            onClick={() => openDrawer(null)}
          >
            Checklist ({status.checklist.length})
          </button>
          <Link className="workflow-bar__link" href={versionsURL} prefetch={false} data-testid="workflow-compare">
            Compare with the live version
          </Link>
        </>
      )}
      {status.scheduled.map((item) => (
        <button
          key={item.id}
          type="button"
          className={`workflow-bar__note${item.reason ? ' workflow-error' : ''}`}
          title={item.reason ?? undefined}
          data-testid="workflow-scheduled-note"
          disabled={initializing}
          onClick={() => openDrawer(null)}
        >
          {item.reason ? `${item.label} failed` : `${item.label}: ${localTime(item.at)}`}
        </button>
      ))}
      {status.actions.map(({ action, label }) => (
        <Button
          key={action}
          buttonStyle={PRIMARY.has(action) ? 'primary' : 'secondary'}
          disabled={busy || modified || initializing}
          tooltip={modified ? 'Save your changes first: actions apply to the saved document.' : undefined}
          extraButtonProps={{ 'data-testid': `workflow-action-${action}` }}
          margin={false}
          size="medium"
          onClick={() => (CONFIRMED_IN_DRAWER.has(action) ? openDrawer(action) : void run({ action }))}
        >
          {label}
        </Button>
      ))}
      {status.schedulable.map(({ action, label }) => (
        <Button
          key={`schedule-${action}`}
          buttonStyle="secondary"
          disabled={busy || modified || initializing}
          tooltip={modified ? 'Save your changes first: actions apply to the saved document.' : undefined}
          extraButtonProps={{ 'data-testid': `workflow-schedule-${action}` }}
          margin={false}
          size="medium"
          onClick={() => openDrawer(action, true)}
        >
          {label}
        </Button>
      ))}
      <AddToRelease apiRoute={apiRoute} collection={collectionSlug} id={id} />
      <Drawer
        slug={drawerSlug}
        title={
          drawerAction ? (scheduling ? scheduleLabel(drawerAction) : ACTION_LABELS[drawerAction]) : status.stageLabel
        }
      >
        <WorkflowDrawer
          key={`${drawerAction ?? 'details'}-${scheduling}`}
          document={drawerDocument}
          status={status}
          action={drawerAction}
          scheduling={scheduling}
          busy={busy}
          onConfirm={(request) => void run(request)}
          onSchedule={(action, at) => void schedule(action, at)}
        />
      </Drawer>
    </div>
  )
}
