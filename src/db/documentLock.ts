/**
 * One writer at a time per document: a Postgres advisory lock held until the request's
 * transaction ends. Workflow transitions and saves of the same document take the same lock, so
 * two saves never interleave their version rows (several flagged "latest", 500s) and a save never
 * slips between a transition's checks and its write.
 */
import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { transactionSql, type SqlRunner } from './transactionSql'

/**
 * The documents each transaction has locked (keyed by its session, gone with it). Advisory locks
 * are re-entrant, so asking again is only a wasted round trip: a transition's own save, or a
 * release's two hundred, would pay one each.
 */
const lockedBy = new WeakMap<SqlRunner, Set<string>>()
const lockKey = (collection: string, id: number | string) => `${collection}:${Number(id)}`

function noteLocked(db: SqlRunner, collection: string, id: number | string) {
  const held = lockedBy.get(db) ?? new Set<string>()
  held.add(lockKey(collection, id))
  lockedBy.set(db, held)
}

const alreadyLocked = (db: SqlRunner, collection: string, id: number | string) =>
  lockedBy.get(db)?.has(lockKey(collection, id)) === true

/** Waits for the document (a transition: rare, and it must not fail because a save was running). */
export async function lockDocumentForTransaction(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<void> {
  const db = await transactionSql(req, `locking ${collection} ${id}`)
  if (alreadyLocked(db, collection, id)) return
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${collection}), ${Number(id)})`)
  noteLocked(db, collection, id)
}

/**
 * Saves by id take the document's lock or are refused at once with 409: a save waiting for the
 * lock would hold a pooled connection (Payload has begun its transaction), and a burst of saves
 * of one document would starve every other request of connections.
 */
export const serialiseSavesOfOneDocument: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const { id } = args as { id?: number | string }
  if (operation !== 'update' || id === undefined || !req.transactionID) return args
  const db = await transactionSql(req, `locking ${collection.slug} ${id}`)
  if (alreadyLocked(db, collection.slug, id)) return args
  const { rows } = await db.execute(
    sql`SELECT pg_try_advisory_xact_lock(hashtext(${collection.slug}), ${Number(id)}) AS locked`,
  )
  if (rows[0]?.locked !== true) {
    throw new APIError(
      'This document is being saved or moved through the workflow by another request right now. Nothing was changed: save again in a moment.',
      409,
      undefined,
      true,
    )
  }
  noteLocked(db, collection.slug, id)
  return args
}
