/**
 * Listens for the database's notices of changed public documents (sent by the triggers of the
 * migration `read_cache_notifications` when a transaction commits), so every app instance on one
 * database drops what went stale, whichever instance, job or script made the change.
 * While the connection is down notices can be missed: the cache is told, and must not serve.
 */
import pg from 'pg'

import type { Logger } from '../logging'

export const CHANGE_CHANNEL = 'spa_cms_public_content'

export interface ChangeNotice {
  collection: string
  id: string
}

export interface ChangeListenerEvents {
  onChange(notice: ChangeNotice): void
  /** Listening (again): nothing since `onLost` is known, so everything cached must go. */
  onListening(): void
  onLost(): void
}

export interface ChangeListener {
  close(): Promise<void>
}

const RECONNECT_DELAY_MS = 500

/** `articles:12` → { collection: 'articles', id: '12' } */
export function parseChangeNotice(payload: string | undefined): ChangeNotice | undefined {
  const match = /^([a-z_-]+):(\d+)$/.exec(payload ?? '')
  return match ? { collection: match[1], id: match[2] } : undefined
}

export function listenForChanges(databaseUrl: string, events: ChangeListenerEvents, logger: Logger): ChangeListener {
  let client: pg.Client | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined

  const lost = (error?: Error) => {
    if (!client) return
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

  async function connect(): Promise<void> {
    const candidate = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 })
    candidate.on('error', (error) => lost(error))
    candidate.on('end', () => lost())
    candidate.on('notification', ({ channel, payload }) => {
      const notice = channel === CHANGE_CHANNEL ? parseChangeNotice(payload) : undefined
      if (notice) events.onChange(notice)
    })
    client = candidate
    try {
      await candidate.connect()
      await candidate.query(`LISTEN ${CHANGE_CHANNEL}`)
      if (closed) return
      events.onListening()
    } catch (error) {
      if (client === candidate) lost(error as Error)
    }
  }

  void connect()
  return {
    async close() {
      closed = true
      clearTimeout(retry)
      const current = client
      client = undefined
      await current?.end().catch(() => undefined)
    },
  }
}
