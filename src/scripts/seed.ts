/**
 * `npm run seed`: loads the demo content (idempotently). With --if-empty (used by `npm start`)
 * it does nothing unless the database holds no content at all.
 */
import { loadDotEnvFile, settings } from '../config'
import { startDatabase } from '../db/database'
import { closePayload, startPayload } from '../db/payloadLifecycle'
import { withStartupLock } from '../db/startupLock'
import { runScript } from './runScript'

runScript('seed', async () => {
  loadDotEnvFile()
  const onlyIfEmpty = process.argv.includes('--if-empty')
  const database = await startDatabase(settings())
  process.env.DATABASE_URL = database.url
  const payload = await startPayload()
  // Loaded after the Payload config: importing the editor first can deadlock module loading.
  const { hasAnyContent, loadDemoContent } = await import('../seed/demoContent')
  try {
    await withStartupLock(database.url, async () => {
      if (onlyIfEmpty && (await hasAnyContent(payload))) return
      const report = await loadDemoContent(payload)
      console.log(`demo content: ${report.created.length} created, ${report.skipped.length} already there`)
      for (const warning of report.warnings) console.log(`  warning: ${warning}`)
    })
  } finally {
    await closePayload(payload)
    await database.stop()
  }
})
