import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createLogger } from '../../src/logging'
import { ensureBuild } from '../../src/server/build'
import { createMigratedDatabase, startTestServer } from './testDatabase'

export interface TestRun {
  databaseUrl: string
  mediaDir: string
  stopServer: () => Promise<void>
}

declare global {
  // Shared between globalSetup and globalTeardown only (they run in the same process).
  var __spaCmsTestRun: TestRun | undefined
}

export default async function globalSetup(): Promise<void> {
  // HTTP tests run the real server, which serves the production build of the admin.
  // SKIP_BUILD=1 is for running unit tests alone while the build inputs are being edited.
  if (process.env.SKIP_BUILD !== '1') await ensureBuild(createLogger('info', 'test-setup'))
  process.env.LOG_LEVEL ??= 'warn'
  const server = await startTestServer()
  const databaseUrl = await createMigratedDatabase(server.serverUrl, 'test')
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-test-media-'))
  globalThis.__spaCmsTestRun = { databaseUrl, mediaDir, stopServer: server.stop }
  // Test workers start after this and inherit the environment.
  process.env.SPA_CMS_TEST_SERVER_URL = server.serverUrl
  process.env.DATABASE_URL = databaseUrl
  process.env.MEDIA_DIR = mediaDir
  process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex')
}
