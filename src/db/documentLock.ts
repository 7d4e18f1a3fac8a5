/**
 * One writer at a time per document: a Postgres advisory lock held until the request's
 * transaction ends. Workflow transitions and saves of the same document take the same lock, so
 * two saves never interleave their version rows (several flagged "latest", 500s) and a save never
 * slips between a transition's checks and its write.
 */
import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { transactionSql } from './transactionSql'

/** Waits for the document (a transition: rare, and it must not fail because a save was running). */
export async function lockDocumentForTransaction(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<void> {
  const db = await transactionSql(req, `locking ${collection} ${id}`)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${collection}), ${Number(id)})`)
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
  return args
}
