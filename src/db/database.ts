/**
 * Where the database comes from: DATABASE_URL when set, otherwise the embedded Postgres under .data/.
 */
import path from 'node:path'
import pg from 'pg'

import type { Settings } from '../config'
import { EmbeddedPostgres } from './embeddedPostgres'

export const EMBEDDED_DATABASE_NAME = 'spa_cms'

export interface DatabaseHandle {
  url: string
  embedded: boolean
  stop(): Promise<void>
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Runs one statement against the server's maintenance database (`postgres`). */
async function withMaintenanceClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export const databaseNameOf = (databaseUrl: string) => decodeURIComponent(new URL(databaseUrl).pathname.slice(1))

export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl)
  url.pathname = `/${encodeURIComponent(name)}`
  return url.toString()
}

export async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl)
  await withMaintenanceClient(databaseUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`)
  })
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl)
  await withMaintenanceClient(databaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  )
}

/** Removes the password from a connection string so it can be logged or printed. */
export function redactDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  if (url.password) url.password = '***'
  return url.toString()
}

export async function startDatabase(
  settings: Pick<Settings, 'databaseUrl' | 'dataDir' | 'embeddedDbPort'>,
  onLog?: (line: string) => void,
): Promise<DatabaseHandle> {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, embedded: false, stop: async () => {} }
  }
  const embedded = new EmbeddedPostgres({
    dataDir: path.join(settings.dataDir, 'postgres'),
    port: settings.embeddedDbPort,
    onLog,
  })
  await embedded.start()
  const url = embedded.url(EMBEDDED_DATABASE_NAME)
  try {
    await createDatabaseIfMissing(url)
  } catch (error) {
    await embedded.stop()
    throw error
  }
  return { url, embedded: true, stop: () => embedded.stop() }
}
