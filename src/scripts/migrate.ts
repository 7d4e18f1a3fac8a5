/**
 * `npm run migrate [-- status | create <name>]`: applies, lists or creates Payload migrations.
 * Our own runner instead of the `payload` CLI, which sometimes exits 0 having done nothing.
 */
import type { Migration } from 'payload'

import { loadDotEnvFile, loadSettings } from '../config'
import { startDatabase } from '../db/database'
import { closePayload, startPayload } from '../db/payloadLifecycle'
import { withStartupLock } from '../db/startupLock'
import { runScript } from './runScript'

const USAGE = 'usage: npm run migrate [-- up | status | create <name>]'

async function main(): Promise<void> {
  const [command = 'up', name] = process.argv.slice(2)
  if (!['up', 'status', 'create'].includes(command) || (command === 'create' && !name)) throw new Error(USAGE)
  loadDotEnvFile()
  const database = await startDatabase(loadSettings())
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_MIGRATING = 'true'
  const payload = await startPayload()
  try {
    if (command === 'create') {
      await payload.db.createMigration({ migrationName: name, payload, forceAcceptWarning: true })
    } else if (command === 'status') {
      await payload.db.migrateStatus()
    } else {
      const { migrations } = await import('../../migrations/index')
      // Generated migrations type their arguments more narrowly than the adapter's `Migration`.
      await withStartupLock(database.url, () =>
        payload.db.migrate({ migrations: migrations as unknown as Migration[] }),
      )
      const pending = await pendingMigrations(
        payload,
        migrations.map((migration) => migration.name),
      )
      if (pending.length) throw new Error(`migrations still pending after migrate: ${pending.join(', ')}`)
      payload.logger.info(`database schema is up to date (${migrations.length} migrations)`)
    }
  } finally {
    await closePayload(payload)
    await database.stop()
  }
}

/** Proof that migrate did its work: never trust a silent success. */
async function pendingMigrations(
  payload: Awaited<ReturnType<typeof startPayload>>,
  names: string[],
): Promise<string[]> {
  const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false })
  const applied = new Set(docs.map((doc) => (doc as { name?: string }).name))
  return names.filter((migrationName) => !applied.has(migrationName))
}

runScript('migrate', main)
