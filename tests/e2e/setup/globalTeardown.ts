import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { dropDatabase, dropTemplate } from '../../setup/testDatabase'

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__spaCmsE2eRun
  if (!run) return
  globalThis.__spaCmsE2eRun = undefined
  try {
    await run.server.stop()
    // The server's log of the run, next to the screenshots.
    const artifacts = path.join(process.cwd(), 'tests/e2e/artifacts')
    mkdirSync(artifacts, { recursive: true })
    writeFileSync(path.join(artifacts, 'server.log'), run.server.output())
    await dropDatabase(run.databaseUrl)
    await dropTemplate(run.templateUrl)
  } finally {
    await run.stopDatabaseServer()
    rmSync(run.mediaDir, { recursive: true, force: true })
  }
}
