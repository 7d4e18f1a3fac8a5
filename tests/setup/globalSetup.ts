import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { createLogger } from '../../src/logging'
import { ensureBuild } from '../../src/server/build'
import { createMigratedDatabase, createMigratedTemplate, startTestServer } from './testDatabase'

export interface TestRun {
  databaseUrl: string
  templateUrl: string
  mediaDir: string
  stopServer: () => Promise<void>
}

declare global {
  // Shared between globalSetup and globalTeardown only (they run in the same process).
  var __spaCmsTestRun: TestRun | undefined
}

/**
 * The first account of an empty system becomes an admin (create-first-user). Test files create
 * writers and reviewers in parallel on the run's database, so it must never be empty.
 */
async function addBootstrapAdmin(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query("INSERT INTO users (email, role) VALUES ('bootstrap-admin@spa.test', 'admin')")
  } finally {
    await client.end()
  }
}

export default async function globalSetup(): Promise<void> {
  // HTTP tests run the real server, which serves the production build of the admin.
  // SKIP_BUILD=1 is for running unit tests alone while the build inputs are being edited.
  if (process.env.SKIP_BUILD !== '1') await ensureBuild(createLogger('info', 'test-setup'))
  process.env.LOG_LEVEL ??= 'warn'
  const server = await startTestServer()
  // The migrations run once, into the template every migrated database of the run is copied from.
  const templateUrl = await createMigratedTemplate(server.serverUrl)
  const databaseUrl = await createMigratedDatabase(server.serverUrl, 'test')
  await addBootstrapAdmin(databaseUrl)
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-test-media-'))
  globalThis.__spaCmsTestRun = { databaseUrl, templateUrl, mediaDir, stopServer: server.stop }
  // Test workers start after this and inherit the environment.
  process.env.SPA_CMS_TEST_SERVER_URL = server.serverUrl
  process.env.DATABASE_URL = databaseUrl
  process.env.MEDIA_DIR = mediaDir
  process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex')
}
