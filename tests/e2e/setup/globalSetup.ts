/**
 * One server for the whole browser run: the production build of the admin, a fresh migrated
 * database (no demo content, no users: the first visitor creates the admin), its own media folder.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { createLogger } from '../../../src/logging'
import { ensureBuild } from '../../../src/server/build'
import { startServer, type RunningServer } from '../../helpers/server'
import {
  createMigratedDatabase,
  createMigratedTemplate,
  dropDatabase,
  dropTemplate,
  startTestServer,
} from '../../setup/testDatabase'

export interface E2eRun {
  server: RunningServer
  databaseUrl: string
  templateUrl: string
  mediaDir: string
  stopDatabaseServer: () => Promise<void>
}

declare global {
  // Shared between globalSetup and globalTeardown only (they run in the same process).
  var __spaCmsE2eRun: E2eRun | undefined
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export default async function globalSetup(): Promise<void> {
  // Screenshots and failure dumps describe this run only.
  rmSync(path.join(process.cwd(), 'tests/e2e/artifacts'), { recursive: true, force: true })
  await ensureBuild(createLogger('info', 'e2e-setup'))
  const database = await startTestServer()
  // Migrated once; this run's database and the site test's (site.e2e.ts) are copies.
  const templateUrl = await createMigratedTemplate(database.serverUrl)
  const databaseUrl = await createMigratedDatabase(database.serverUrl, 'e2e')
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-e2e-media-'))
  // Payload accepts a session cookie on requests with an Origin header (the admin's POSTs) only
  // from SERVER_URL, so the server must know the address the browser uses: pick the port first.
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let server: RunningServer
  try {
    server = await startServer({
      DATABASE_URL: databaseUrl,
      DEMO_CONTENT: 'off',
      PORT: String(port),
      SERVER_URL: baseUrl,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      MEDIA_DIR: mediaDir,
      // The browser tests schedule a publish and watch it happen.
      JOBS_RUNNER: 'on',
      SCHEDULE_CHECK_SECONDS: '2',
      // startServer recognises readiness by the server's info-level "ready" line.
      LOG_LEVEL: 'info',
    })
  } catch (error) {
    await dropDatabase(databaseUrl).catch(() => undefined)
    await dropTemplate(templateUrl).catch(() => undefined)
    await database.stop()
    rmSync(mediaDir, { recursive: true, force: true })
    throw error
  }
  globalThis.__spaCmsE2eRun = { server, databaseUrl, templateUrl, mediaDir, stopDatabaseServer: database.stop }
  // Test workers start after this and inherit the environment.
  process.env.E2E_BASE_URL = server.baseUrl
  // The reference site's test (site.e2e.ts) makes a database of its own on the same server.
  process.env.E2E_DATABASE_URL = databaseUrl
}
