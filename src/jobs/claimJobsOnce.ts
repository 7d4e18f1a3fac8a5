/**
 * Every job runs in one place at a time, whichever instance (or how many) runs the queues.
 *
 * Payload 3.90's Postgres adapter claims jobs by selecting the due rows and then updating them
 * one by one (`processing: true`) without a lock: two runners that select at the same moment both
 * claim, and both run, the same job (atomic claiming arrives with Payload 4). This wraps the
 * adapter's `updateJobs` so that a claim, inside the transaction Payload opens for it, first
 * locks its candidate rows with `FOR UPDATE SKIP LOCKED` (rows another runner is claiming are
 * skipped), then lets Payload update only the rows it locked, checking its conditions again on
 * their current values (a job another runner claimed and finished since is no longer due).
 * It guards every queue: webhooks, mails, scheduled publishing.
 *
 * Each claim also records the claiming runner's lock key (`runner`), and first takes back the
 * jobs whose runner has stopped (strandedJobs.ts).
 */
import { sql, type postgresAdapter, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { UpdateJobsArgs, Where } from 'payload'

import { runnerLock, type RunnerLock } from './runnerLock'
import { type ClaimSession, releaseStrandedJobs } from './strandedJobs'

type PostgresAdapterResult = ReturnType<typeof postgresAdapter>

/** Payload claims jobs with exactly this change (runJobs, runByID). */
const isClaim = (data: Record<string, unknown>) => data.processing === true

function guardClaims(adapter: PostgresAdapter, lock: RunnerLock): void {
  const updateJobs = adapter.updateJobs.bind(adapter)
  const table = adapter.tableNameMap.get('payload_jobs') ?? 'payload_jobs'

  adapter.updateJobs = async (args: UpdateJobsArgs) => {
    if (!isClaim(args.data)) return updateJobs(args)
    const transactionID = await args.req?.transactionID
    const session =
      transactionID === undefined ? undefined : (adapter.sessions[transactionID] as ClaimSession | undefined)
    if (!session)
      throw new Error('Claiming jobs needs the transaction Payload opens for it (are transactions disabled?)')
    const runner = await lock.key()
    await releaseStrandedJobs(adapter, session, table, args.req)
    // By id (runByID), a job another runner holds is not taken from it.
    const where: Where =
      args.id === undefined ? args.where : { and: [{ id: { equals: args.id } }, { processing: { equals: false } }] }
    const candidates = await adapter.find({
      collection: 'payload-jobs',
      where,
      sort: args.sort,
      limit: args.id === undefined ? (args.limit ?? 0) : 1,
      pagination: false,
      req: args.req,
    })
    const ids = candidates.docs.map((job) => job.id as number)
    if (ids.length === 0) return args.returning === false ? null : []
    const locked = await session.db.execute<{ id: number }>(
      sql`SELECT id FROM ${sql.identifier(table)} WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) FOR UPDATE SKIP LOCKED`,
    )
    const lockedIds = locked.rows.map((row) => row.id)
    if (lockedIds.length === 0) return args.returning === false ? null : []
    return updateJobs({
      data: { ...args.data, runner },
      req: args.req,
      returning: args.returning,
      sort: args.sort,
      limit: lockedIds.length,
      where: { and: [where, { id: { in: lockedIds } }] },
    })
  }
}

/** Wraps the Postgres adapter so that each job is claimed by one runner only. */
export function claimJobsOnce(adapter: PostgresAdapterResult): PostgresAdapterResult {
  return {
    ...adapter,
    init: (args) => {
      const { jobs } = args.payload.config
      // With these, Payload claims through payload.update, around the adapter: the guard would not see it.
      if (jobs.runHooks || jobs.depth)
        throw new Error('claimJobsOnce cannot guard job claims with jobs.runHooks or jobs.depth set')
      const postgres = adapter.init(args)
      const lock = runnerLock(postgres.poolOptions, (error) =>
        args.payload.logger.warn({ err: error }, 'job runner lock lost; the next claim takes a new one'),
      )
      guardClaims(postgres, lock)
      const destroy = postgres.destroy?.bind(postgres)
      postgres.destroy = async () => {
        await lock.close()
        await destroy?.()
      }
      return postgres
    },
  }
}
