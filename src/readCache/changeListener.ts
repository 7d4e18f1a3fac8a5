/**
 * Listens for the database's notices of changed public documents (sent by the triggers of the
 * migration `read_cache_notifications` when a transaction commits), so every app instance on one
 * database drops what went stale, whichever instance, job or script made the change.
 * While the connection is down notices can be missed: the cache is told, and must not serve.
 *
 * A connection can also stop hearing notices without failing (a transaction-mode pooler such as
 * PgBouncer runs LISTEN on a server connection it then hands to someone else): a heartbeat sent
 * through the same connection must come back within a few seconds, or the connection counts as
 * lost. Give the listener a direct connection to the primary (DATABASE_LISTEN_URL).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

import type { Logger } from '../logging'
import { isTaggableSlug } from './tags'

/**
 * Notices that name the document's slugs (migration `read_cache_slug_notices`). The triggers still
 * send the older notices, without slugs, on `spa_cms_public_content` too: an instance of the
 * previous release, still running during a rolling upgrade, keeps hearing every change.
 */
export const CHANGE_CHANNEL = 'spa_cms_public_content_slugs'
/** Every listener's heartbeats share one channel; each recognises its own by a random token. */
export const HEARTBEAT_CHANNEL = 'spa_cms_listener_heartbeat'
/** How the listener's connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'spa-cms change listener'

export interface ChangeNotice {
  collection: string
  id: string
  /** The document's slugs before and after the change; undefined when the notice names none. */
  slugs?: string[]
}

export interface ChangeListenerEvents {
  onChange(notice: ChangeNotice): void
  /** Listening (again), proven by a heartbeat: nothing since `onLost` is known, so everything cached must go. */
  onListening(): void
  onLost(): void
}

export interface ChangeListener {
  close(): Promise<void>
}

const RECONNECT_DELAY_MS = 500

export interface HeartbeatTiming {
  /** How often a heartbeat is sent. */
  intervalMs: number
  /** How long it may take to come back before the connection counts as lost. */
  timeoutMs: number
}

export const DEFAULT_HEARTBEAT: HeartbeatTiming = { intervalMs: 5_000, timeoutMs: 3_000 }

/**
 * `articles:12:old-slug,new-slug` → { collection: 'articles', id: '12', slugs: ['old-slug', 'new-slug'] };
 * `articles:12` (media, or slugs that do not look like slugs) → { collection: 'articles', id: '12' }.
 */
export function parseChangeNotice(payload: string | undefined): ChangeNotice | undefined {
  const match = /^([a-z_-]+):(\d+)(?::(.*))?$/s.exec(payload ?? '')
  if (!match) return undefined
  const [, collection, id, named] = match
  const slugs = named?.split(',')
  // Slugs it cannot vouch for count as none named: every lookup of the collection goes stale.
  return slugs?.every(isTaggableSlug) ? { collection, id, slugs } : { collection, id }
}

export function listenForChanges(
  databaseUrl: string,
  events: ChangeListenerEvents,
  logger: Logger,
  heartbeat: HeartbeatTiming = DEFAULT_HEARTBEAT,
): ChangeListener {
  let client: pg.Client | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined
  let beat: NodeJS.Timeout | undefined
  /** The token of the heartbeat on its way, if one is. */
  let awaited: string | undefined
  /** A heartbeat came back on this connection: notices reach us. */
  let proven = false

  const lost = (error?: Error) => {
    if (!client) return
    clearTimeout(beat)
    awaited = undefined
    proven = false
    const dropped = client
    client = undefined
    dropped.removeAllListeners()
    dropped.on('error', () => undefined)
    void dropped.end().catch(() => undefined)
    events.onLost()
    if (closed) return
    logger.warn({ err: error }, 'read cache: lost the change notifications; serving uncached until they are back')
    retry = setTimeout(connect, RECONNECT_DELAY_MS)
  }

  /** Sends a heartbeat now; `lost` unless it comes back in time, then the next one is due. */
  function sendHeartbeat(current: pg.Client): void {
    if (client !== current) return
    const token = randomBytes(8).toString('hex')
    awaited = token
    beat = setTimeout(() => {
      if (client === current && awaited === token)
        lost(new Error(`no heartbeat came back within ${heartbeat.timeoutMs} ms`))
    }, heartbeat.timeoutMs)
    current.query('SELECT pg_notify($1, $2)', [HEARTBEAT_CHANNEL, token]).catch((error: Error) => {
      if (client === current) lost(error)
    })
  }

  function heartbeatReturned(current: pg.Client, token: string | undefined): void {
    if (client !== current || token !== awaited) return
    awaited = undefined
    clearTimeout(beat)
    beat = setTimeout(() => sendHeartbeat(current), heartbeat.intervalMs)
    if (proven) return
    proven = true
    events.onListening()
  }

  async function connect(): Promise<void> {
    const candidate = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: 2_000,
      application_name: LISTENER_APPLICATION_NAME,
    })
    candidate.on('error', (error) => lost(error))
    candidate.on('end', () => lost())
    candidate.on('notification', ({ channel, payload }) => {
      if (channel === HEARTBEAT_CHANNEL) return heartbeatReturned(candidate, payload)
      const notice = channel === CHANGE_CHANNEL ? parseChangeNotice(payload) : undefined
      if (notice) events.onChange(notice)
    })
    client = candidate
    try {
      await candidate.connect()
      await candidate.query(`LISTEN ${CHANGE_CHANNEL}; LISTEN ${HEARTBEAT_CHANNEL}`)
      if (closed || client !== candidate) return
      // Listening counts from the first heartbeat heard, not from LISTEN answering.
      sendHeartbeat(candidate)
    } catch (error) {
      if (client === candidate) lost(error as Error)
    }
  }

  void connect()
  return {
    async close() {
      closed = true
      clearTimeout(retry)
      clearTimeout(beat)
      const current = client
      client = undefined
      await current?.end().catch(() => undefined)
    },
  }
}
