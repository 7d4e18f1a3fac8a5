/**
 * Starting and stopping a Payload instance outside Next (scripts and tests).
 */
import type { Pool, PoolClient } from 'pg'
import type { Payload, SanitizedConfig } from 'payload'

interface PoolInternals {
  _clients: PoolClient[]
  _idle: { client: PoolClient }[]
}

interface ClientInternals {
  _ended: boolean
  _activeQuery: unknown
  _queryQueue: unknown[]
}

const connectionClosed = (client: PoolClient) =>
  new Promise<void>((resolve) =>
    (client as unknown as ClientInternals)._ended ? resolve() : client.once('end', () => resolve()),
  )

const checkedOut = (pool: Pool): PoolClient[] => {
  const internals = pool as unknown as PoolInternals
  const idle = new Set(internals._idle.map((entry) => entry.client))
  return internals._clients.filter((client) => !idle.has(client))
}

const running = (client: PoolClient) => {
  const { _activeQuery, _queryQueue } = client as unknown as ClientInternals
  return Boolean(_activeQuery) || _queryQueue.length > 0
}

/** Work still in flight at shutdown (a job the stopped cron had started) gives its client back itself. */
async function queriesSettled(pool: Pool, withinMs = 5_000): Promise<void> {
  const deadline = Date.now() + withinMs
  while (checkedOut(pool).some(running) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * db-postgres checks one client out of its pool on connect and never gives it back
 * (payload#11727), so pool.end() would wait forever. Release what is still checked out once its
 * queries are done, then end the pool. A late owner's own release must not throw (pg-pool's
 * "already released"): it finds a closed connection, which its next query reports. pool.end()
 * resolves once it has asked its connections to close, not when they are closed: wait for that
 * too, so that a database stopped right afterwards does not cut them.
 */
async function endPool(pool: Pool): Promise<void> {
  await queriesSettled(pool)
  const clients = [...(pool as unknown as PoolInternals)._clients]
  for (const client of checkedOut(pool)) {
    client.release()
    client.release = () => {}
  }
  await pool.end()
  await Promise.all(clients.map(connectionClosed))
}

interface AdapterPools {
  pool?: Pool
  /** With read replicas, drizzle's `withReplicas` keeps one pool per replica; destroy() leaves them open. */
  drizzle?: { $replicas?: { $client?: Pool }[] }
}

export async function closePayload(payload: Payload): Promise<void> {
  const { pool, drizzle } = payload.db as unknown as AdapterPools
  const replicaPools = (drizzle?.$replicas ?? []).flatMap((replica) => (replica.$client ? [replica.$client] : []))
  await payload.destroy()
  for (const candidate of [pool, ...replicaPools]) {
    if (candidate && !candidate.ended) await endPool(candidate)
  }
}

/** Loads payload.config after the environment is final (it reads settings on import). */
export async function loadPayloadConfig(): Promise<SanitizedConfig> {
  const configModule = (await import('../../payload.config')) as { default: SanitizedConfig | Promise<SanitizedConfig> }
  return await configModule.default
}

/**
 * Scripts and tests read what they have just written (migrations, the demo content): they use the
 * primary only, never the read replicas the server reads from.
 */
export async function startPayload(): Promise<Payload> {
  delete process.env.DATABASE_REPLICA_URLS
  const { getPayload } = await import('payload')
  return getPayload({ config: await loadPayloadConfig() })
}

/**
 * The Payload instance Next created in this process while serving, if a request needed one.
 * getPayload keeps its instances in `globalThis._payload`, the only handle the server has on them.
 */
export async function closeServedPayload(): Promise<void> {
  const cache = (globalThis as { _payload?: Map<string, { payload: Payload | null }> })._payload
  for (const entry of cache?.values() ?? []) {
    if (entry.payload) await closePayload(entry.payload)
  }
}
