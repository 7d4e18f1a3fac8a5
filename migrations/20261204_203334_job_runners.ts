import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * `payload_jobs.runner`: the lock key of the process that claimed a job (src/jobs/runnerLock.ts).
 * Jobs claimed before it have none and count as stranded once this runs: the processes that
 * claimed them belong to the release being replaced.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs" ADD COLUMN "runner" numeric;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs" DROP COLUMN "runner";`)
}
