/**
 * Test databases: every test run (and every test that needs an empty one) gets a database of its
 * own, created fresh and dropped afterwards. The server comes from DATABASE_URL when it is set,
 * otherwise from an embedded Postgres kept under .data/test-postgres.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { projectRoot } from '../../src/config'
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from '../../src/db/database'
import { EmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { applyMigrations } from '../../src/server/migrations'

export const uniqueDatabaseName = (purpose: string) =>
  `spa_cms_${purpose}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

/** Starts the Postgres server that test databases live on; returns a URL to any database on it. */
export async function startTestServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => {} }
  const embedded = new EmbeddedPostgres({ dataDir: path.join(projectRoot, '.data', 'test-postgres'), port: 0 })
  await embedded.start()
  return { serverUrl: embedded.url('postgres'), stop: () => embedded.stop() }
}

/** A new, migrated database on the same server as `anyDatabaseUrl`. */
export async function createMigratedDatabase(anyDatabaseUrl: string, purpose: string): Promise<string> {
  const url = withDatabaseName(anyDatabaseUrl, uniqueDatabaseName(purpose))
  await createDatabaseIfMissing(url)
  await applyMigrations(url)
  return url
}

export { dropDatabase }
