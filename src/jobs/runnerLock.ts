/**
 * A job runner's proof of life. Each process that claims jobs holds one Postgres session-level
 * advisory lock, on a connection of its own, for as long as it lives; its claims record the lock's
 * key. Postgres drops the lock the moment that connection ends (the process exits, is killed, or
 * loses the database), so any runner can tell a job whose runner is gone from one still running
 * without timeouts or heartbeats.
 */
import { randomInt } from 'node:crypto'

import pg from 'pg'

/** Every runner's lock lives in this key space (the first key of the two-key form). */
export const RUNNER_LOCK_SPACE_SQL = "hashtext('spa-cms: job runners')"
/**
 * The lock space as `pg_locks.classid` shows it (an oid, so a negative key reads as its unsigned
 * 32-bit value), for finding a runner's lock in `pg_locks`.
 */
export const RUNNER_LOCK_SPACE_OID_SQL = `(${RUNNER_LOCK_SPACE_SQL}::bigint & 4294967295)`

/** Keys are positive, so `pg_locks.objid` shows them as they are. */
const MAX_KEY = 2 ** 31 - 1

export interface RunnerLock {
  /** This process's key, taking the lock (on a connection of its own) the first time. */
  key(): Promise<number>
  /** Ends the connection, and with it the lock. */
  close(): Promise<void>
}

interface Held {
  client: pg.Client
  key: number
}

async function takeLock(connection: pg.ClientConfig): Promise<Held> {
  const client = new pg.Client({ ...connection, application_name: 'spa-cms job runner' })
  await client.connect()
  try {
    for (;;) {
      const key = randomInt(1, MAX_KEY)
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(${RUNNER_LOCK_SPACE_SQL}, $1) AS locked`,
        [key],
      )
      // Another live runner drew the same key: draw again.
      if (rows[0]?.locked) return { client, key }
    }
  } catch (error) {
    await client.end().catch(() => {})
    throw error
  }
}

/**
 * The lock is taken lazily: a process that only queues jobs (a script, a seed) never opens it.
 * When its connection is lost the process takes a new lock, under a new key, with its next claim;
 * jobs claimed under the old key count as stranded, as they would after a restart.
 */
export function runnerLock(connection: pg.ClientConfig, onLost: (error: Error) => void): RunnerLock {
  let held: Promise<Held> | undefined
  let closed = false
  const forget = (lost: Promise<Held>) => {
    if (held === lost) held = undefined
  }
  return {
    async key() {
      if (closed) throw new Error('the job runner lock is closed: this Payload was destroyed')
      if (!held) {
        const taking = takeLock(connection)
        held = taking
        taking.then(
          ({ client }) => {
            client.on('error', (error) => {
              forget(taking)
              if (!closed) onLost(error)
            })
            client.on('end', () => forget(taking))
          },
          () => forget(taking),
        )
      }
      return (await held).key
    },
    async close() {
      closed = true
      const current = held
      held = undefined
      if (!current) return
      const { client } = await current.catch(() => ({ client: undefined }))
      await client?.end().catch(() => {})
    },
  }
}
