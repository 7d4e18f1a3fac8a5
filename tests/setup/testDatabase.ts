/**
 * Test databases: every test run (and every test that needs an empty one) gets a database of its
 * own, created fresh and dropped afterwards, on the server DATABASE_URL names or on an embedded one.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from '../../src/db/database'
import { EmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { applyMigrations } from '../../src/server/childScripts'

export const uniqueDatabaseName = (purpose: string) =>
  `spa_cms_${purpose}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

/**
 * Starts the Postgres server that test databases live on; returns a URL to any database on it.
 * Without DATABASE_URL each run gets its own embedded cluster in a temporary folder, so runs
 * side by side never share one.
 */
export async function startTestServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => {} }
  const root = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-test-pg-'))
  chmodSync(root, 0o755) // as root, Postgres runs as the postgres user, who must enter this folder
  const embedded = new EmbeddedPostgres({ dataDir: path.join(root, 'cluster'), port: 0 })
  await embedded.start()
  return {
    serverUrl: embedded.url('postgres'),
    stop: async () => {
      await embedded.stop()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** A new, migrated database on the same server as `anyDatabaseUrl`. */
export async function createMigratedDatabase(anyDatabaseUrl: string, purpose: string): Promise<string> {
  const url = withDatabaseName(anyDatabaseUrl, uniqueDatabaseName(purpose))
  await createDatabaseIfMissing(url)
  await applyMigrations(url)
  return url
}

export { dropDatabase }
