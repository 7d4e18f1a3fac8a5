/**
 * The Payload glue that makes the workflow the only way to change a stage or go public:
 * every create and update of a content collection passes here, whatever the path (REST,
 * GraphQL, admin, version restore, bulk update, local API, scheduled jobs).
 */
import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type RequestContext } from 'payload'

import { liveRowAfterWrite, liveRowBeforeWrite, savesOnlyADraft, type LiveRow } from '../content/liveRows'
import { afterEdit, type WorkflowGroup } from './effects'
import { refuseLostUpdate } from './review/editConflicts'
import { collectionOptions } from './options'
import { STAGE_LABELS, type Action, type Stage } from './transitions'

/** Set only by server code (req.context cannot come from a client). */
export interface WorkflowContext extends RequestContext {
  /** A transition decided by the state machine is being written. */
  workflowTransition?: { action: Action; to: Stage }
  /** Loading demo content: a system action that ships published documents. */
  systemPublish?: boolean
  /** The workflow records something about the document (its assigned reviewers) without moving its stage. */
  workflowRecord?: boolean
}

const forbidden = (message: string) => new APIError(message, 403, undefined, true)

const liveBeforeKey = (collection: string, id: unknown) => `workflowLiveBefore:${collection}:${String(id)}`

const sameTime = (a: unknown, b: unknown) =>
  (a == null || a === '' ? null : Date.parse(String(a))) === (b == null || b === '' ? null : Date.parse(String(b)))

const noFlags = (value: unknown) => JSON.stringify(Array.isArray(value) && value.length > 0 ? value : null)

/** Whether a client's save would move the review dates or flags (the admin sends them back unchanged). */
const changesReviewDates = (data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined) =>
  (data.reviewBy !== undefined && !sameTime(data.reviewBy, originalDoc?.reviewBy)) ||
  (data.reviewDue !== undefined && Boolean(data.reviewDue) !== Boolean(originalDoc?.reviewDue)) ||
  (data.knockOn !== undefined && noFlags(data.knockOn) !== noFlags(originalDoc?.knockOn))

const byWorkflow = (context: RequestContext) => {
  const { workflowTransition, systemPublish, workflowRecord } = context as WorkflowContext
  return Boolean(workflowTransition || systemPublish || workflowRecord)
}

export const enforceWorkflowOnWrite: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const { workflowTransition, systemPublish, workflowRecord } = context as WorkflowContext
  if (workflowTransition) return { ...data, workflowStage: workflowTransition.to }
  if (workflowRecord) return data
  if (systemPublish) return { ...data, workflowStage: data._status === 'published' ? 'published' : 'draft' }

  const what = collectionOptions(req.payload, collection.slug).noun
  if (changesReviewDates(data, originalDoc)) {
    throw forbidden(
      `The review dates change only through the workflow: publishing sets them, and "Still correct" renews them.`,
    )
  }
  const currentStage = (originalDoc?.workflowStage ?? 'draft') as Stage
  if (data._status === 'published') {
    throw forbidden(
      `Publishing goes through review: submit the ${what}, have a reviewer approve it, then publish it with the workflow.`,
    )
  }
  if (data.workflowStage !== undefined && data.workflowStage !== (operation === 'create' ? 'draft' : currentStage)) {
    throw forbidden(
      `The workflow stage changes only through workflow actions (POST /api/${collection.slug}/<id>/workflow).`,
    )
  }
  if (operation === 'create') {
    return { ...data, workflowStage: 'draft', workflow: { lastEditedBy: req.user?.id ?? null } }
  }
  // A draft save leaves the live row as it is: nothing below or in guardLiveVersion to check.
  const live = savesOnlyADraft(context, collection.slug, originalDoc.id)
    ? Promise.resolve(null)
    : liveRowBeforeWrite(req, context, collection.slug, originalDoc)
  // Noted before any await: a bulk update saves its documents in parallel, and a local API call in
  // another one's hooks meanwhile replaces req.context with a copy (Payload's createLocalReq),
  // which the later hooks of this one get. A note made after an await would miss the copy.
  context[liveBeforeKey(collection.slug, originalDoc.id)] = live
  if ((await live) && data._status !== 'draft') {
    // A non-draft save of live content would change the public version without review.
    throw forbidden(
      `This ${what} is live: save your changes as a draft (they stay private), then submit them for review.`,
    )
  }
  const edit = afterEdit(currentStage, (originalDoc?.workflow ?? {}) as WorkflowGroup, req.user?.id ?? null)
  if (edit.stage === 'frozen') {
    throw forbidden(
      `This ${what} is ${STAGE_LABELS.in_review.toLowerCase()} and cannot be edited. Withdraw it first, or wait for the reviewer.`,
    )
  }
  await refuseLostUpdate(req, { collection: collection.slug, noun: what, newest: originalDoc, data })
  // Clients never write the workflow group; only the record of who edited last changes here.
  return { ...data, workflowStage: edit.stage, workflow: edit.workflow }
}

/**
 * Backstop after the write, inside the same transaction: a save that changed the live row
 * (e.g. an explicit `_status: "draft"` on published content, which would unpublish it) is
 * rolled back. Draft saves never touch the live row.
 */
export const guardLiveVersion: CollectionAfterChangeHook = async ({ collection, context, doc, operation, req }) => {
  if (operation !== 'update' || byWorkflow(context)) return doc
  const before = await (context[liveBeforeKey(collection.slug, doc.id)] as Promise<LiveRow | null> | undefined)
  if (!before) return doc
  const after = await liveRowAfterWrite(req, context, collection.slug, doc.id)
  if (!after || String(after.updatedAt) !== String(before.updatedAt)) {
    throw forbidden(
      `The live ${collectionOptions(req.payload, collection.slug).noun} changes only through the workflow: unpublish or publish it with a workflow action.`,
    )
  }
  return doc
}
