/**
 * With read replicas (DATABASE_REPLICA_URLS), Payload reads from a replica that may not yet have
 * replayed a change this instance was just notified about. The read cache must then not store
 * what it reads: that stale answer would be served until the next change.
 *
 * For every change notice we read the primary's WAL position (after the notice arrived, so past
 * the change's commit), and the cache stores answers only from fills that started once every
 * replica had replayed up to the latest such position (`pg_last_wal_replay_lsn`). Fills that
 * started earlier are refused; notices that arrive during a fill already discard it.
 */
import pg from 'pg'

import type { Logger } from '../logging'

export interface FreshnessGate {
  /** True when every replica holds every change noticed so far. */
  readonly caughtUp: boolean
}

/** `16/B374D848` → a comparable number. */
export function parseLsn(lsn: string): bigint {
  const match = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(lsn)
  if (!match) throw new Error(`not a WAL position: "${lsn}"`)
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

const POLL_MS = 20
const RETRY_AFTER_ERROR_MS = 500

const singleConnection = (connectionString: string) => {
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 0 })
  pool.on('error', () => undefined) // a dropped idle connection: the next query opens another
  return pool
}

export class ReplicaFreshness implements FreshnessGate {
  private readonly primary: pg.Pool
  private readonly replicas: pg.Pool[]
  /** Notices seen, and how many of them the known primary position covers. */
  private noticed = 0
  private covered = 0
  private required = 0n
  /** The position every replica has replayed, at least. */
  private replayed = 0n
  private polling = false
  private closed = false
  private failing = false

  constructor(
    primaryUrl: string,
    replicaUrls: string[],
    private readonly logger: Logger,
  ) {
    this.primary = singleConnection(primaryUrl)
    this.replicas = replicaUrls.map(singleConnection)
  }

  get caughtUp(): boolean {
    return this.covered === this.noticed && this.replayed >= this.required
  }

  /** Call synchronously for every change notice, before the cache is told. */
  changeNoticed(): void {
    this.noticed++
    void this.poll()
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([this.primary, ...this.replicas].map((pool) => pool.end().catch(() => undefined)))
  }

  private async poll(): Promise<void> {
    if (this.polling) return
    this.polling = true
    try {
      while (!this.closed && !this.caughtUp) {
        try {
          await this.check()
          if (this.failing) this.logger.info('read cache: replica positions readable again')
          this.failing = false
          if (!this.caughtUp) await sleep(POLL_MS)
        } catch (error) {
          if (!this.failing)
            this.logger.warn(
              { reason: (error as Error).message },
              'read cache: cannot read replica positions; not storing new answers until it can',
            )
          this.failing = true
          await sleep(RETRY_AFTER_ERROR_MS)
        }
      }
    } finally {
      this.polling = false
    }
  }

  private async check(): Promise<void> {
    if (this.covered < this.noticed) {
      const covering = this.noticed
      // The insert position is past every commit that has happened, whatever synchronous_commit says.
      const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')
      const lsn = parseLsn(rows[0].lsn)
      if (lsn > this.required) this.required = lsn
      this.covered = covering
    }
    const positions = await Promise.all(this.replicas.map((replica) => replayedPosition(replica, this.required)))
    this.replayed = positions.reduce((least, position) => (position < least ? position : least), this.required)
  }
}

/** What a replica has replayed; a server that is not in recovery (promoted) is current. */
async function replayedPosition(replica: pg.Pool, current: bigint): Promise<bigint> {
  const { rows } = await replica.query<{ recovering: boolean; lsn: string | null }>(
    'SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS lsn',
  )
  if (!rows[0].recovering) return current
  return rows[0].lsn ? parseLsn(rows[0].lsn) : 0n
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
