/**
 * A job runner's proof of life. Each process that claims jobs holds one Postgres session-level
 * advisory lock, on a connection of its own, for as long as it lives; its claims record the lock's
 * key. Postgres drops the lock the moment that connection ends (the process exits, is killed, or
 * loses the database), so any runner can tell a job whose runner is gone from one still running
 * without timeouts or heartbeats of our own.
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

/**
 * A machine that vanishes (power cut, network gone) sends no FIN: Postgres would hold its lock
 * until the operating system's keepalive gives up, two hours by default. These session settings
 * make the server probe this connection itself and drop it within about a minute.
 */
const DEAD_PEER_SETTINGS =
  'SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3'

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

/** `onGone` hears of the connection's end or loss from the moment it is made (pg throws an unheard error). */
async function takeLock(connection: pg.ClientConfig, onGone: (error?: Error) => void): Promise<Held> {
  const client = new pg.Client({ ...connection, application_name: 'spa-cms job runner' })
  client.on('error', onGone)
  client.on('end', () => onGone())
  try {
    await client.connect()
    await client.query(DEAD_PEER_SETTINGS)
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
  return {
    async key() {
      if (closed) throw new Error('the job runner lock is closed: this Payload was destroyed')
      if (!held) {
        // Told once per connection: pg may report a loss as an error and then as its end.
        const taking: Promise<Held> = takeLock(connection, (error) => {
          if (held !== taking) return
          held = undefined
          if (error && !closed) onLost(error)
        })
        held = taking
        taking.catch(() => {
          if (held === taking) held = undefined
        })
      }
      return (await held).key
    },
    async close() {
      closed = true
      const current = held
      held = undefined
      const taken = await current?.catch(() => undefined)
      await taken?.client.end().catch(() => {})
    },
  }
}
