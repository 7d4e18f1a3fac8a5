/**
 * Jobs left `processing` by a runner that stopped (killed, crashed, cut off from the database).
 * Payload 3.90 has no lease on a claim (payload#17645): such a job would never run again, so a
 * scheduled publish would never happen and could not even be cancelled ("being published right
 * now"). Before each claim, a runner takes back every job whose runner's lock is gone
 * (runnerLock.ts) and counts the lost run as a failed attempt, as if its task had thrown: the job
 * runs again while its task has retries left, and fails with a clear error when it has none.
 */
import { randomBytes } from 'node:crypto'

import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { SanitizedConfig, UpdateJobsArgs } from 'payload'

import { RUNNER_LOCK_SPACE_OID_SQL } from './runnerLock'

export const RUNNER_STOPPED = 'RunnerStopped'

export interface StrandedJob {
  id: number
  taskSlug: string | null
  totalTried: number
  input: unknown
  /** Its last update (Payload's claim sets it, as does each write of its log): the lost run began by then. */
  claimedAt: Date
}

interface JobLogEntry {
  id: string
  taskSlug: string
  taskID: string
  input: unknown
  output: Record<string, never>
  state: 'failed'
  executedAt: string
  completedAt: string
  error: { name: string; cancelled: false; message: string }
}

export interface StrandedOutcome {
  final: boolean
  data: {
    processing: false
    updatedAt: string
    totalTried: number
    hasError: boolean
    error?: JobLogEntry['error']
    log?: { $push: JobLogEntry }
  }
}

/**
 * What becomes of a stranded job. Payload's own rule for a failed task: it fails for good once it
 * has already been tried `attempts` times before this run. A job queued by task slug runs that
 * task under id '1'; the failed log entry keeps Payload's own count of the task's tries right.
 */
export function strandedOutcome(job: StrandedJob, attempts: number, now: Date): StrandedOutcome {
  const final = job.totalTried >= attempts
  const error = {
    name: RUNNER_STOPPED,
    cancelled: false as const,
    message: final
      ? `The process running this job stopped before it finished, and the job has no retries left (tried ${job.totalTried + 1} times).`
      : 'The process running this job stopped before it finished; the job will run again.',
  }
  const log: JobLogEntry | undefined = job.taskSlug
    ? {
        id: randomBytes(12).toString('hex'),
        taskSlug: job.taskSlug,
        taskID: '1',
        input: job.input,
        output: {},
        state: 'failed',
        executedAt: job.claimedAt.toISOString(),
        completedAt: now.toISOString(),
        error,
      }
    : undefined
  return {
    final,
    data: {
      processing: false,
      updatedAt: now.toISOString(),
      totalTried: job.totalTried + 1,
      hasError: final,
      ...(final ? { error } : {}),
      ...(log ? { log: { $push: log } } : {}),
    },
  }
}

/** A task's retries as Payload reads them: a number, `{ attempts }`, or none. */
export function retriesOf(config: SanitizedConfig, taskSlug: string | null): number {
  const retries = config.jobs.tasks?.find((task) => task.slug === taskSlug)?.retries
  if (typeof retries === 'number') return retries
  return retries?.attempts ?? 0
}

/** The database session of the transaction Payload opened for a claim. */
export interface ClaimSession {
  db: PostgresAdapter['drizzle']
}

interface StrandedRow extends Record<string, unknown> {
  id: number
  task_slug: string | null
  total_tried: string | number | null
  input: unknown
  updated_at: string | Date
}

/** Locks (inside the claim's transaction) and returns the jobs whose runner holds no lock any more. */
async function lockStrandedJobs(session: ClaimSession, table: string): Promise<StrandedJob[]> {
  const { rows } = await session.db.execute<StrandedRow>(
    sql`SELECT job.id, job.task_slug, job.total_tried, job.input, job.updated_at
        FROM ${sql.identifier(table)} AS job
        WHERE job.processing AND job.completed_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM pg_locks AS runner
            WHERE runner.locktype = 'advisory' AND runner.granted AND runner.objsubid = 2
              AND runner.classid::bigint = ${sql.raw(RUNNER_LOCK_SPACE_OID_SQL)}
              AND runner.objid::bigint = job.runner)
        FOR UPDATE OF job SKIP LOCKED`,
  )
  return rows.map((row) => ({
    id: row.id,
    taskSlug: row.task_slug,
    totalTried: Number(row.total_tried ?? 0),
    input: row.input,
    claimedAt: new Date(row.updated_at),
  }))
}

/** Takes back every stranded job (in any queue), inside the transaction of the claim `req` belongs to. */
export async function releaseStrandedJobs(
  adapter: PostgresAdapter,
  session: ClaimSession,
  table: string,
  req: UpdateJobsArgs['req'],
): Promise<void> {
  const stranded = await lockStrandedJobs(session, table)
  for (const job of stranded) {
    const { final, data } = strandedOutcome(job, retriesOf(adapter.payload.config, job.taskSlug), new Date())
    await adapter.updateJobs({ id: job.id, data, req, returning: false })
    adapter.payload.logger.warn(
      { job: job.id, task: job.taskSlug, tried: data.totalTried },
      final ? 'a job whose runner stopped has no retries left: it failed' : 'a job whose runner stopped will run again',
    )
  }
}
