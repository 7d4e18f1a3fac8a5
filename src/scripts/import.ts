/**
 * `npm run import -- <file.md|file.html> [--collection articles] [--as <user email>]`:
 * converts a document into an article draft and prints what it created.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Where } from 'payload'

import type { User } from '../../payload-types'
import { loadDotEnvFile, settings } from '../config'
import { formatFromFileName, UNKNOWN_FORMAT_MESSAGE } from '../content/importFormat'
import { startDatabase } from '../db/database'
import { closePayload, startPayload } from '../db/payloadLifecycle'
import { runScript } from './runScript'

const USAGE = 'usage: npm run import -- <file.md|file.html> [--collection articles] [--as <user email>]'

class UsageError extends Error {}

function readArguments() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { collection: { type: 'string', default: 'articles' }, as: { type: 'string' } },
  })
  if (positionals.length !== 1) throw new UsageError(USAGE)
  if (values.collection !== 'articles')
    throw new UsageError(`Only articles can be imported, not "${values.collection}".`)
  return { file: positionals[0], authorEmail: values.as }
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    )
  }
}

runScript('import', async () => {
  loadDotEnvFile()
  const { file, authorEmail } = readArguments()
  const source = readSource(file)
  const format = formatFromFileName(file)
  if (!format) throw new UsageError(UNKNOWN_FORMAT_MESSAGE(file))
  const database = await startDatabase(settings())
  process.env.DATABASE_URL = database.url
  const payload = await startPayload()
  try {
    const author = await findAuthor(payload, authorEmail)
    // Loaded after the Payload config: importing the editor first can deadlock module loading.
    const { importArticleDraft } = await import('../content/importArticle')
    const draft = await importArticleDraft(payload, { source, format, author })
    console.log(`created draft article #${draft.id} "${draft.title}" (slug: ${draft.slug})`)
    console.log(`edit it at ${settings().serverUrl}/admin/collections/articles/${draft.id}`)
    for (const warning of draft.warnings) console.log(`warning: ${warning}`)
  } finally {
    await closePayload(payload)
    await database.stop()
  }
})

/** Imports are made on behalf of a staff member: the one named, or the first admin. */
async function findAuthor(payload: Awaited<ReturnType<typeof startPayload>>, email: string | undefined): Promise<User> {
  const where: Where = email ? { email: { equals: email.toLowerCase() } } : { role: { equals: 'admin' } }
  const { docs } = await payload.find({ collection: 'users', where, sort: 'createdAt', limit: 1, overrideAccess: true })
  if (docs[0]) return { ...(docs[0] as User), collection: 'users' } as User
  throw new UsageError(
    email
      ? `No user with the email ${email}.`
      : 'No admin exists yet: create the first user in the admin, or pass --as <email>.',
  )
}
