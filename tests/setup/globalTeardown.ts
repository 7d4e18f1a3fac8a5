import { rmSync } from 'node:fs'

import { dropDatabase } from './testDatabase'

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__spaCmsTestRun
  if (!run) return
  await dropDatabase(run.databaseUrl)
  await run.stopServer()
  rmSync(run.mediaDir, { recursive: true, force: true })
}
