/**
 * Test databases: every test run (and every test that needs an empty one) gets a database of its
 * own, created fresh and dropped afterwards, on the server DATABASE_URL names or on an embedded one.
 *
 * The migrations run once per run, into a template database (createMigratedTemplate, in the
 * global setups); each migrated database is then a copy of it (CREATE DATABASE … TEMPLATE, well
 * under a second, where running the migrations takes a child process and ~7 s of CPU).
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { createDatabaseIfMissing, databaseNameOf, dropDatabase, withDatabaseName } from '../../src/db/database'
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

/** Where the run's migrated template database is (set by the global setups, inherited by workers). */
const TEMPLATE_ENV = 'SPA_CMS_TEST_TEMPLATE_URL'

const serverOf = (databaseUrl: string) => {
  const url = new URL(databaseUrl)
  return `${url.hostname}:${url.port || '5432'}`
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Runs the committed migrations once into a new database that is only ever copied, never
 * connected to (Postgres copies a template only while nobody is connected to it), and makes
 * createMigratedDatabase copy it from now on, in this process and the ones it starts. Returns its
 * URL, for dropTemplate.
 */
export async function createMigratedTemplate(anyDatabaseUrl: string): Promise<string> {
  const url = withDatabaseName(anyDatabaseUrl, uniqueDatabaseName('template'))
  await createDatabaseIfMissing(url)
  await applyMigrations(url)
  process.env[TEMPLATE_ENV] = url
  return url
}

export async function dropTemplate(templateUrl: string): Promise<void> {
  if (process.env[TEMPLATE_ENV] === templateUrl) delete process.env[TEMPLATE_ENV]
  await dropDatabase(templateUrl)
}

/**
 * A new, migrated database on the same server as `anyDatabaseUrl`: a copy of the run's template
 * when there is one on that server, else created and migrated.
 */
export async function createMigratedDatabase(anyDatabaseUrl: string, purpose: string): Promise<string> {
  const url = withDatabaseName(anyDatabaseUrl, uniqueDatabaseName(purpose))
  const template = process.env[TEMPLATE_ENV]
  if (template && serverOf(template) === serverOf(anyDatabaseUrl)) {
    const client = new pg.Client({ connectionString: withDatabaseName(anyDatabaseUrl, 'postgres') })
    await client.connect()
    try {
      await client.query(`CREATE DATABASE ${quote(databaseNameOf(url))} TEMPLATE ${quote(databaseNameOf(template))}`)
    } finally {
      await client.end()
    }
    return url
  }
  await createDatabaseIfMissing(url)
  await applyMigrations(url)
  return url
}

export { dropDatabase }
