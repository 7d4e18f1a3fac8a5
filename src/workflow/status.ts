/**
 * What the admin's action bar shows of a document: its stage, the actions this user may take now
 * or schedule, and the review state around them. Served by GET /api/<collection>/<id>/workflow
 * (endpoints.ts) and rendered into the edit view by src/components/WorkflowControls.
 */
import type { PayloadRequest } from 'payload'

import { liveRowOf } from '../content/liveRows'
import type { ChecklistItem } from './claims'
import type { OpenThread } from './effects'
import { flagsOf, type KnockOnFlag } from './knockOn'
import { availableActions, availableSchedules } from './machine'
import { collectionOptions, type WorkflowCollection } from './options'
import { actorOf, subjectOf, type WorkflowDoc } from './perform'
import { openThreadsOf } from './review/threads'
import { listScheduled, type ScheduledAction } from './scheduling'
import { ACTION_LABELS, scheduleLabel, STAGE_LABELS, type Action, type Stage } from './transitions'

export interface WorkflowPerson {
  id: number
  email?: string
  name?: string | null
}

export interface WorkflowStatus {
  id: number
  workflowStage: Stage
  stageLabel: string
  actions: { action: Action; label: string }[]
  /** Actions this user may schedule for later ("Publish at…"). */
  schedulable: { action: Action; label: string }[]
  /** What is scheduled for this document. */
  scheduled: ScheduledAction[]
  checklist: ChecklistItem[]
  reviewComment: string | null
  submittedBy: WorkflowPerson | number | null
  submittedAt: string | null
  approvedVersion: string | null
  approvals: { by: readonly (number | string)[]; count: number; required: number }
  approverRole: string | null
  openThreads: OpenThread[]
  assignees: (WorkflowPerson | number)[]
  /** When the assigned reviewers should be done. */
  dueDate: string | null
  submittedVersion: string | null
  /** This user may assign reviewers now. */
  mayAssign: boolean
  /** What changed in the documents this live one embeds: it asks to be checked again. */
  knockOn: KnockOnFlag[]
}

/** The workflow group as the status reads it, its people populated with their names. */
interface StatusGroup {
  checklist?: ChecklistItem[] | null
  reviewComment?: string | null
  submittedBy?: WorkflowPerson | number | null
  submittedAt?: string | null
  approvedVersion?: string | null
  submittedVersion?: string | null
  assignees?: (WorkflowPerson | number)[] | null
  dueDate?: string | null
}

/**
 * The document's newest version, only the fields the workflow decides on, its people with their
 * names: not its content, its related documents or its audit trail (the workflowHistory join).
 */
const readForStatus = (req: PayloadRequest, collection: WorkflowCollection, id: number) =>
  req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 1,
    joins: false,
    select: { workflowStage: true, author: true, workflow: true },
    populate: { users: { email: true, name: true } },
    overrideAccess: true,
    req,
    disableErrors: true,
  }) as Promise<WorkflowDoc | null>

/**
 * The workflow status of `collection`/`id` for the user of `req` (401 or 403 for anyone who takes
 * no workflow actions); null when there is no such document.
 */
export async function workflowStatusOf(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: number,
): Promise<WorkflowStatus | null> {
  const { workflow: workflowActor } = actorOf(req)
  const doc = await readForStatus(req, collection, id)
  if (!doc) return null
  const [openThreads, liveRow, scheduled] = await Promise.all([
    openThreadsOf(req, collection, doc.id),
    liveRowOf(req, collection, doc.id),
    listScheduled(req.payload, workflowActor, { collection, id: doc.id }),
  ])
  const knockOn = flagsOf(liveRow)
  const subject = { ...subjectOf(doc, openThreads), checkRequested: knockOn.length > 0 }
  const { review } = collectionOptions(req.payload, collection)
  const workflow = (doc.workflow ?? {}) as StatusGroup
  return {
    id: doc.id,
    workflowStage: subject.stage,
    stageLabel: STAGE_LABELS[subject.stage],
    actions: availableActions(subject, workflowActor, review).map((action) => ({
      action,
      label: ACTION_LABELS[action],
    })),
    schedulable: availableSchedules(subject, workflowActor).map((action) => ({
      action,
      label: scheduleLabel(action),
    })),
    scheduled,
    checklist: workflow.checklist ?? [],
    reviewComment: workflow.reviewComment ?? null,
    submittedBy: workflow.submittedBy ?? null,
    submittedAt: workflow.submittedAt ?? null,
    approvedVersion: workflow.approvedVersion ?? null,
    submittedVersion: workflow.submittedVersion ?? null,
    approvals: { by: subject.approvedBy ?? [], count: subject.approvedBy?.length ?? 0, required: review.approvals },
    approverRole: review.approverRole ?? null,
    openThreads,
    assignees: workflow.assignees ?? [],
    dueDate: workflow.dueDate ?? null,
    mayAssign: subject.stage === 'in_review' && workflowActor.role !== 'writer',
    knockOn,
  }
}
