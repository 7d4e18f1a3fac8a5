/**
 * The benches that call Payload in-process run it on a freshly migrated database of their own (the
 * machine's Postgres with DATABASE_URL, an embedded one otherwise), dropped afterwards.
 */
import type { Payload } from 'payload'

import { closePayload, startPayload } from '../src/db/payloadLifecycle'
import { createMigratedDatabase, dropDatabase, startTestServer } from '../tests/setup/testDatabase'

export async function withFreshPayload<T>(databaseName: string, work: (payload: Payload) => Promise<T>): Promise<T> {
  const postgres = await startTestServer()
  const databaseUrl = await createMigratedDatabase(postgres.serverUrl, databaseName)
  process.env.DATABASE_URL = databaseUrl
  process.env.LOG_LEVEL ??= 'warn'
  const payload = await startPayload()
  try {
    return await work(payload)
  } finally {
    await closePayload(payload)
    await dropDatabase(databaseUrl)
    await postgres.stop()
  }
}
