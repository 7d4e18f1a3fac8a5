import { dropDatabase } from './testDatabase'

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__spaCmsTestRun
  if (!run) return
  await dropDatabase(run.databaseUrl)
  await run.stopServer()
}
