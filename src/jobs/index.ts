/**
 * Plugin jobRunners: how every queue's jobs are run when several runners share one database
 * (the instances of a cluster, and in each of them the cron runner and the webhook kicks).
 *  - one claim per job (claimJobsOnce.ts): a job is never run by two runners at once;
 *  - no job is lost with its runner (runnerLock.ts, strandedJobs.ts): a job whose process stopped
 *    while running it runs again, or fails once its retries are spent.
 * It wraps the Postgres adapter and adds the `runner` field to Payload's jobs collection.
 */
import type { postgresAdapter } from '@payloadcms/db-postgres'
import type { CollectionConfig, Config, Field } from 'payload'

import { claimJobsOnce } from './claimJobsOnce'

const runnerField: Field = {
  name: 'runner',
  type: 'number',
  admin: {
    readOnly: true,
    description: 'The lock key of the process that claimed the job last; a job is running while that process lives.',
  },
}

type JobsCollectionOverrides = NonNullable<NonNullable<Config['jobs']>['jobsCollectionOverrides']>

export const jobRunners =
  () =>
  (config: Config): Config => {
    const ownOverrides: JobsCollectionOverrides | undefined = config.jobs?.jobsCollectionOverrides
    return {
      ...config,
      db: claimJobsOnce(config.db as ReturnType<typeof postgresAdapter>),
      jobs: {
        ...config.jobs,
        jobsCollectionOverrides: ({ defaultJobsCollection }): CollectionConfig => {
          const collection = ownOverrides ? ownOverrides({ defaultJobsCollection }) : defaultJobsCollection
          return { ...collection, fields: [...collection.fields, runnerField] }
        },
      },
    }
  }
