import { rmSync } from 'node:fs'

import { dropDatabase, dropTemplate } from './testDatabase'

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__spaCmsTestRun
  if (!run) return
  await dropDatabase(run.databaseUrl)
  await dropTemplate(run.templateUrl)
  await run.stopServer()
  rmSync(run.mediaDir, { recursive: true, force: true })
}
