/**
 * Scheduled releases: "Publish the release at…" queues a job in the workflow's schedule queue, so
 * the runner that publishes scheduled documents (jobs.autoRun, every 10 s where JOBS_RUNNER=on)
 * publishes the release then, as the person who scheduled it. The job checks under the release's
 * lock that the release is still scheduled for that time; unscheduling or cancelling deletes it.
 */
import { sql } from '@payloadcms/db-postgres'
import {
  APIError,
  createLocalReq,
  JobCancelledError,
  type Payload,
  type PayloadRequest,
  type TaskConfig,
} from 'payload'

import type { User } from '../../payload-types'
import { transactionSql } from '../db/transactionSql'
import { sendEach, workflowMail } from '../workflow/notify'
import { workflowOptions } from '../workflow/options'
import { actorOf, fail, idOf } from '../workflow/perform'
import { parseScheduleTime } from '../workflow/scheduleTime'
import { SCHEDULE_QUEUE } from '../workflow/scheduling'
import { decidedReleaseAction, publishRelease, saveRelease, withLockedRelease, type ReleaseDoc } from './releaseActions'

export const RELEASE_TASK = 'publishScheduledRelease'

interface ReleaseJobInput {
  release: number
  at: string
  scheduledBy: number
}

export async function scheduleRelease(req: PayloadRequest, releaseId: unknown, at: unknown): Promise<ReleaseDoc> {
  const actor = actorOf(req, 'schedule releases')
  const time = parseScheduleTime(at, new Date())
  if (!time.ok) throw fail(400, time.reason)
  return withLockedRelease(req, releaseId, async (release) => {
    decidedReleaseAction(release, actor, 'schedule')
    if ((release.items ?? []).length === 0)
      throw fail(409, 'The release has no documents yet: add some before scheduling it.')
    const input: ReleaseJobInput = { release: release.id, at: time.at.toISOString(), scheduledBy: actor.user.id }
    await req.payload.jobs.queue({ task: RELEASE_TASK, queue: SCHEDULE_QUEUE, waitUntil: time.at, input, req })
    return saveRelease(req, release.id, { state: 'scheduled', publishAt: input.at, scheduledBy: actor.user.id })
  })
}

/**
 * Deletes the release's pending job in one statement, unless a runner has already started it
 * (then the run checks, under the release's lock, that the release is still scheduled).
 */
export async function dropScheduledRun(req: PayloadRequest, release: ReleaseDoc): Promise<void> {
  const db = await transactionSql(req, 'unscheduling a release')
  const { rows } = await db.execute(
    sql`DELETE FROM payload_jobs WHERE task_slug = ${RELEASE_TASK} AND completed_at IS NULL AND processing = false
        AND (input->>'release')::int = ${release.id} RETURNING id`,
  )
  const { rows: running } = await db.execute(
    sql`SELECT id FROM payload_jobs WHERE task_slug = ${RELEASE_TASK} AND completed_at IS NULL AND processing = true
        AND (input->>'release')::int = ${release.id}`,
  )
  if (rows.length === 0 && running.length > 0)
    throw fail(409, 'The release is being published right now and can no longer be unscheduled.')
}

const stillScheduledFor = (input: ReleaseJobInput) => (release: ReleaseDoc) => {
  if (release.state !== 'scheduled' || !release.publishAt || Date.parse(release.publishAt) !== Date.parse(input.at))
    throw new JobCancelledError(`release ${input.release} is no longer scheduled for ${input.at}`)
  if (String(idOf(release.scheduledBy ?? null)) !== String(input.scheduledBy))
    throw new JobCancelledError(`release ${input.release} was scheduled again by someone else`)
}

export const releaseTask: TaskConfig<{ input: ReleaseJobInput; output: { published: number } }> = {
  slug: RELEASE_TASK,
  label: 'Publish a scheduled release',
  inputSchema: [
    { name: 'release', type: 'number', required: true },
    { name: 'at', type: 'date', required: true },
    { name: 'scheduledBy', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'published', type: 'number', required: true }],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    const scheduler = (await req.payload.findByID({
      collection: 'users',
      id: input.scheduledBy,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as User | null
    if (!scheduler) throw new JobCancelledError('the account that scheduled the release no longer exists')
    const actingReq = await createLocalReq({ user: { ...scheduler, collection: 'users' } }, req.payload)
    try {
      const release = await publishRelease(actingReq, input.release, stillScheduledFor(input))
      return { output: { published: (release.items ?? []).length } }
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      // The release recorded why (failed, with each item's problem): trying again would not change it.
      await tellScheduler(req.payload, scheduler, input, error.message)
      throw new JobCancelledError(error.message)
    }
  },
}

/** A scheduled release that did not go live: whoever scheduled it hears why. Never throws. */
async function tellScheduler(payload: Payload, scheduler: User, input: ReleaseJobInput, reason: string) {
  const release = await payload.findByID({
    collection: 'releases',
    id: input.release,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  const title = release?.title ?? `release ${input.release}`
  const mail = workflowMail(
    scheduler,
    `Scheduled release failed: "${title}"`,
    [`The release "${title}" you scheduled for ${new Date(input.at).toUTCString()} did not go live:`, `  ${reason}`],
    `${workflowOptions(payload).serverUrl}/admin/collections/releases/${input.release}`,
  )
  await sendEach(payload, [mail], { release: input.release })
}
