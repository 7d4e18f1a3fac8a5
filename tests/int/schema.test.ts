/**
 * The committed migrations and generated files match the Payload config.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  committedArtefactPaths,
  freshArtefactPaths,
  staleArtefacts,
  writeArtefacts,
} from '../../src/scripts/generatedArtefacts'
import { useLocalPayload } from '../helpers/suite'

const payload = useLocalPayload()

it('has no drift: the migrated database already has the schema the config describes', async () => {
  // The run's database was built only by the committed migrations (see globalSetup).
  const db = payload.db as unknown as {
    schema: Record<string, unknown>
    drizzle: Parameters<typeof import('drizzle-kit/api').pushSchema>[1]
    requireDrizzleKit: () => typeof import('drizzle-kit/api')
  }
  const { statementsToExecute } = await db.requireDrizzleKit().pushSchema(db.schema, db.drizzle, ['public'])
  const realChanges = []
  for (const statement of statementsToExecute) {
    if (!(await isDefaultAlreadySet(statement))) realChanges.push(statement)
  }
  expect(realChanges).toEqual([])
})

/**
 * drizzle-kit re-proposes `SET DEFAULT 0` for numeric columns whose default is already 0
 * (it compares the introspected text '0' with the number 0). Such a statement changes nothing.
 */
async function isDefaultAlreadySet(statement: string): Promise<boolean> {
  const match = /^ALTER TABLE "(\w+)" ALTER COLUMN "(\w+)" SET DEFAULT (\d+);$/.exec(statement)
  if (!match) return false
  const [, table, column, value] = match
  const { rows } = await (payload.db as unknown as { pool: import('pg').Pool }).pool.query(
    'SELECT column_default FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3',
    ['public', table, column],
  )
  return rows[0]?.column_default === value
}

it('has committed payload-types.ts, schema.graphql and the import map as the config generates them', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-generated-'))
  try {
    const fresh = freshArtefactPaths(payload.config, dir)
    await writeArtefacts(payload.config, fresh)
    const stale = staleArtefacts(committedArtefactPaths(payload.config), fresh)
    if (stale.length)
      throw new Error(`stale generated files: ${stale.join(', ')}. Run "npm run generate" and commit them.`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(freshArtefactPaths(payload.config, dir).importMap, { force: true })
  }
})
