/**
 * Instances that start together on one database (a deploy, a restart of every container) would
 * each apply the pending migrations and load the demo content into the empty database at the same
 * time. Both steps take this Postgres advisory lock: one instance does the work while the others
 * wait, then find nothing left to do.
 */
import pg from 'pg'

/** Advisory lock keys are per database; this names the start-up steps of spa-cms. */
const STARTUP_LOCK = "hashtext('spa-cms: migrations and demo content')"

export async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(`SELECT pg_advisory_lock(${STARTUP_LOCK})`)
    return await work()
  } finally {
    // Ending the session releases the lock, also after a failed step.
    await client.end()
  }
}
