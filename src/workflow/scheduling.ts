/**
 * Scheduled workflow actions: "Publish at…" and "Unpublish at…".
 *
 * Scheduling is decided now by the transition table (decideSchedule: the same people and stages
 * as taking the action now) and stored as a Payload job that waits until its time in its own
 * queue. The job runner (jobs.autoRun, on where JOBS_RUNNER=on) takes the action then through
 * performTransition, as the person who scheduled it: the table is consulted again, the approval
 * it was scheduled against must still stand, and the audit trail names that person. When the
 * workflow refuses, the job fails with the reason and the people involved get a mail.
 *
 * Payload's own schedulePublish (versions.drafts.schedulePublish) stays off: its jobs write
 * `_status` directly and its admin server function lets any admin user queue or delete them.
 */
import { sql } from '@payloadcms/db-postgres'
import {
  APIError,
  createLocalReq,
  JobCancelledError,
  NotFound,
  type Endpoint,
  type JobsConfig,
  type Payload,
  type PayloadRequest,
  type TaskConfig,
  type Where,
} from 'payload'

import type { User } from '../../payload-types'
import { transactionSql } from '../db/transactionSql'
import { decideSchedule, mayCancelScheduled, type WorkflowActor } from './machine'
import { documentReference, notifyScheduleFailure, personOf, type NoticePerson } from './notify'
import { titleFieldOf, titleIn, type WorkflowCollection, workflowCollections } from './options'
import {
  actorOf,
  fail,
  performTransition,
  submitterOf,
  subjectOf,
  withLockedDocument,
  type WorkflowDoc,
} from './perform'
import { parseScheduleTime } from './scheduleTime'
import { ACTION_LABELS, type Action } from './transitions'

export const SCHEDULE_QUEUE = 'workflow-schedule'
export const SCHEDULE_TASK = 'scheduledWorkflowAction'
/** Failures other than a refusal (the database briefly away) are tried again, this many times in all. */
const ATTEMPTS = 3
/** Failed schedules stay on the dashboard this long, so the people involved see why. */
const FAILED_SHOWN_MS = 14 * 24 * 60 * 60 * 1000

type ScheduledActionName = Extract<Action, 'publish' | 'unpublish'>

interface ScheduledInput {
  collection: WorkflowCollection
  documentId: number
  action: ScheduledActionName
  at: string
  scheduledBy: number
  /** For a publish: the approval it was scheduled against; another approval later voids it. */
  approvedVersion?: string | null
}

export interface ScheduledTaskIO {
  input: ScheduledInput
  output: { eventId: number }
}

/** A scheduled action as the API shows it. */
export interface ScheduledAction {
  id: number
  collection: WorkflowCollection
  documentId: number
  title: string
  action: ScheduledActionName
  label: string
  at: string
  scheduledBy: NoticePerson | null
  state: 'scheduled' | 'running' | 'failed'
  /** Why it failed, as the workflow said it. */
  reason: string | null
  /** Whether the person asking may cancel it (CANCEL_SCHEDULED in the table). */
  mayCancel: boolean
}

interface JobRow {
  id: number
  input?: unknown
  processing?: boolean | null
  hasError?: boolean | null
  error?: unknown
  totalTried?: number | null
}

const inputOf = (job: JobRow) => job.input as ScheduledInput

async function findUser(payload: Payload, id: number): Promise<User | null> {
  return (await payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as User | null
}

async function reportFailure(payload: Payload, scheduled: ScheduledInput, reason: string): Promise<void> {
  const { collection, documentId } = scheduled
  const doc = (await payload.findByID({
    collection,
    id: documentId,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as WorkflowDoc | null
  const scheduler = await findUser(payload, scheduled.scheduledBy)
  await notifyScheduleFailure(payload, {
    collection,
    ...documentReference(payload, collection, documentId),
    documentId,
    title: doc ? titleIn(payload, collection, doc) : `${collection} ${documentId} (deleted)`,
    action: scheduled.action,
    at: scheduled.at,
    scheduledBy: scheduler ? personOf(scheduler) : null,
    submitter: doc ? await submitterOf(payload, doc, null) : null,
    reason,
  })
}

class ScheduleCancelled extends Error {}

/**
 * Under the document's lock, just before the decision: the job was not cancelled meanwhile, and
 * a publish is of the content approved when it was scheduled, not of a later approval.
 */
const stillScheduled = (scheduled: ScheduledInput, jobId: number, req: PayloadRequest) => async (doc: WorkflowDoc) => {
  const [job] = await findJobs(req.payload, { id: { equals: jobId } }, req)
  if (!job) throw new ScheduleCancelled(`scheduled ${scheduled.action} ${jobId} was cancelled before it ran`)
  const approvedNow = doc.workflow?.approvedVersion
  if (scheduled.action === 'publish' && approvedNow && approvedNow !== scheduled.approvedVersion) {
    throw fail(
      409,
      'The content was changed and approved again after this publish was scheduled: schedule the new version yourself if it should go live.',
    )
  }
}

async function runScheduledAction({ input, job, req }: { input: ScheduledInput; job: JobRow; req: PayloadRequest }) {
  const { payload } = req
  try {
    const scheduler = await findUser(payload, input.scheduledBy)
    if (!scheduler) throw fail(409, 'The account that scheduled it no longer exists.')
    const actingReq = await createLocalReq({ user: { ...scheduler, collection: 'users' } }, payload)
    const result = await performTransition(actingReq, {
      collection: input.collection,
      id: input.documentId,
      action: input.action,
      comment: `Scheduled for ${input.at}.`,
      stillWanted: stillScheduled(input, job.id, actingReq),
    })
    return { output: { eventId: result.event.id } }
  } catch (error) {
    if (error instanceof ScheduleCancelled) throw new JobCancelledError(error.message)
    // The workflow said no: trying again would not change its mind.
    const refused = error instanceof APIError
    const reason = error instanceof Error ? error.message : String(error)
    if (refused || (job.totalTried ?? 0) + 1 >= ATTEMPTS) await reportFailure(payload, input, reason)
    if (refused) throw new JobCancelledError(reason)
    throw error
  }
}

export const scheduledActionTask = (editorialCollections: string[]): TaskConfig<ScheduledTaskIO> => ({
  slug: SCHEDULE_TASK,
  label: 'Scheduled workflow action',
  inputSchema: [
    { name: 'collection', type: 'select', required: true, options: editorialCollections },
    { name: 'documentId', type: 'number', required: true },
    { name: 'action', type: 'select', required: true, options: ['publish', 'unpublish'] },
    { name: 'at', type: 'date', required: true },
    { name: 'scheduledBy', type: 'number', required: true },
    { name: 'approvedVersion', type: 'text' },
  ],
  outputSchema: [{ name: 'eventId', type: 'number', required: true }],
  retries: { attempts: ATTEMPTS - 1, backoff: { type: 'exponential', delay: 10_000 } },
  handler: ({ input, job, req }) => runScheduledAction({ input, job: job as unknown as JobRow, req }),
})

/**
 * `jobs.autoRun` entry: every few seconds (10 by default), run the scheduled actions and releases
 * that are due, so each happens within seconds of its time (and well within the minute promised).
 */
export const scheduledActionsAutoRun = (
  everySeconds: number,
): Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number] => ({
  queue: SCHEDULE_QUEUE,
  cron: `*/${everySeconds} * * * * *`,
  limit: 10,
})

const pendingWhere = (extra: Where[] = []): Where => ({
  and: [{ taskSlug: { equals: SCHEDULE_TASK } }, { completedAt: { exists: false } }, ...extra],
})

/** Through the database adapter, as Payload's job runner reads its jobs (no API may read them). */
async function findJobs(payload: Payload, where: Where, req?: PayloadRequest): Promise<JobRow[]> {
  const { docs } = await payload.db.find({
    collection: 'payload-jobs',
    where,
    sort: 'waitUntil',
    limit: 0,
    pagination: false,
    req,
  })
  return docs as unknown as JobRow[]
}

const forDocument = (collection: WorkflowCollection, id: number): Where[] => [
  { 'input.collection': { equals: collection } },
  { 'input.documentId': { equals: id } },
]

/** Schedules `action` on a document for `at`, as the request's user. */
export async function scheduleTransition(
  req: PayloadRequest,
  { collection, id, action, at }: { collection: WorkflowCollection; id: number; action: unknown; at: unknown },
): Promise<ScheduledAction> {
  const { user: actor, workflow: workflowActor } = actorOf(req)
  const time = parseScheduleTime(at, new Date())
  if (!time.ok) throw fail(400, time.reason)
  const { payload } = req
  return withLockedDocument(req, collection, id, async (doc) => {
    const decision = decideSchedule(subjectOf(doc), workflowActor, action)
    if (!decision.allowed) throw fail(decision.status, decision.reason)
    const scheduledAction = decision.action as ScheduledActionName
    const [already] = await findJobs(
      payload,
      pendingWhere([
        ...forDocument(collection, id),
        { 'input.action': { equals: scheduledAction } },
        { hasError: { not_equals: true } },
      ]),
      req,
    )
    if (already) {
      throw fail(
        409,
        `${ACTION_LABELS[scheduledAction]} is already scheduled for ${inputOf(already).at}: cancel that first to choose another time.`,
      )
    }
    const input: ScheduledInput = {
      collection,
      documentId: id,
      action: scheduledAction,
      at: time.at.toISOString(),
      scheduledBy: actor.id,
      approvedVersion: doc.workflow?.approvedVersion ?? null,
    }
    const job = await payload.jobs.queue({ task: SCHEDULE_TASK, queue: SCHEDULE_QUEUE, waitUntil: time.at, input, req })
    return describe({ id: job.id as number, input }, titleIn(payload, collection, doc), personOf(actor), workflowActor)
  })
}

function describe(
  job: JobRow,
  title: string,
  scheduledBy: NoticePerson | null,
  viewer: WorkflowActor,
): ScheduledAction {
  const input = inputOf(job)
  const error = (job.error ?? null) as { message?: string } | null
  return {
    id: job.id,
    collection: input.collection,
    documentId: input.documentId,
    title,
    action: input.action,
    label: ACTION_LABELS[input.action],
    at: input.at,
    scheduledBy,
    state: job.hasError ? 'failed' : job.processing ? 'running' : 'scheduled',
    reason: job.hasError ? (error?.message ?? 'It failed without a reason.') : null,
    mayCancel: !job.processing && mayCancelScheduled(input.scheduledBy, viewer),
  }
}

/**
 * Scheduled actions (and failed ones of the last two weeks), soonest first, with titles and
 * people, as `viewer` sees them (whether they may cancel each).
 */
export async function listScheduled(
  payload: Payload,
  viewer: WorkflowActor,
  only?: { collection: WorkflowCollection; id: number },
): Promise<ScheduledAction[]> {
  const failedSince = new Date(Date.now() - FAILED_SHOWN_MS).toISOString()
  const jobs = await findJobs(
    payload,
    pendingWhere([
      ...(only ? forDocument(only.collection, only.id) : []),
      { or: [{ hasError: { not_equals: true } }, { updatedAt: { greater_than: failedSince } }] },
    ]),
  )
  const titles = new Map<string, string>()
  for (const collection of workflowCollections(payload)) {
    const ids = jobs
      .map(inputOf)
      .filter((input) => input.collection === collection)
      .map((input) => input.documentId)
    if (ids.length === 0) continue
    const titleField = titleFieldOf(payload, collection)
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids } },
      draft: true,
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      select: { [titleField]: true },
    })
    for (const doc of docs as unknown as WorkflowDoc[])
      titles.set(`${collection}:${doc.id}`, String(doc[titleField] ?? ''))
  }
  const schedulerIds = [...new Set(jobs.map((job) => inputOf(job).scheduledBy))]
  const { docs: users } = await payload.find({
    collection: 'users',
    where: { id: { in: schedulerIds } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  const people = new Map(users.map((user) => [user.id, personOf(user as User)]))
  return jobs.map((job) => {
    const input = inputOf(job)
    return describe(
      job,
      titles.get(`${input.collection}:${input.documentId}`) ?? '(deleted)',
      people.get(input.scheduledBy) ?? null,
      viewer,
    )
  })
}

/**
 * One statement, so that a runner cannot pick the job up between a check and the delete (Payload's
 * adapter would select, then delete by id). The runner checks under the same document lock that
 * its job still exists (stillScheduled).
 */
async function deleteUnlessRunning(req: PayloadRequest, jobId: number, action: ScheduledActionName): Promise<void> {
  const { rows } = await (
    await transactionSql(req, 'cancelling a scheduled action')
  ).execute(
    sql`DELETE FROM payload_jobs WHERE id = ${jobId} AND processing = false AND completed_at IS NULL RETURNING id`,
  )
  if (rows.length === 0) throw fail(409, `${ACTION_LABELS[action]} is running now and can no longer be cancelled.`)
}

/** GET /api/workflow/scheduled: what is scheduled, across collections, soonest first (staff). */
export const scheduledListEndpoint: Endpoint = {
  path: '/workflow/scheduled',
  method: 'get',
  handler: async (req) => {
    const user = actorOf(req, 'see scheduled actions').workflow
    const docs = await listScheduled(req.payload, user)
    return Response.json({ docs, totalDocs: docs.length })
  },
}

/**
 * DELETE /api/workflow/scheduled/:id: cancels a scheduled action that has not started, or
 * dismisses a failed one; for whoever scheduled it and admins (CANCEL_SCHEDULED in the table).
 */
export const cancelScheduledEndpoint: Endpoint = {
  path: '/workflow/scheduled/:id',
  method: 'delete',
  handler: async (req) => {
    const user = actorOf(req, 'cancel scheduled actions').workflow
    const id = String(req.routeParams?.id ?? '')
    const [job] = /^\d+$/.test(id) ? await findJobs(req.payload, pendingWhere([{ id: { equals: Number(id) } }])) : []
    if (!job) throw fail(404, `There is no scheduled action ${id}: it may have run or been cancelled already.`)
    const input = inputOf(job)
    if (!mayCancelScheduled(input.scheduledBy, user)) {
      throw fail(403, 'Only the person who scheduled it, or an admin, can cancel it.')
    }
    try {
      await withLockedDocument(req, input.collection, input.documentId, () =>
        deleteUnlessRunning(req, job.id, input.action),
      )
    } catch (error) {
      // The document is gone, so nothing can run against it: the schedule is simply dropped.
      if (!(error instanceof NotFound)) throw error
      await req.payload.db.deleteOne({ collection: 'payload-jobs', where: { id: { equals: job.id } }, req })
    }
    req.payload.logger.info(
      { workflow: { scheduled: job.id, collection: input.collection, id: input.documentId, cancelledBy: user.id } },
      'scheduled workflow action cancelled',
    )
    return Response.json({ id: job.id, cancelled: true })
  },
}
