/**
 * One writer at a time per document: a Postgres advisory lock held until the request's
 * transaction ends. Workflow transitions and saves of the same document take the same lock, so
 * two saves never interleave their version rows (several flagged "latest", 500s) and a save never
 * slips between a transition's checks and its write.
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

type Session = { db: { execute: (query: unknown) => Promise<unknown> } }

export async function lockDocumentForTransaction(req: PayloadRequest, collection: string, id: number | string): Promise<void> {
  const sessions = (req.payload.db as unknown as { sessions: Record<string, Session> }).sessions
  const session = req.transactionID ? sessions[String(await req.transactionID)] : undefined
  if (!session) throw new Error(`locking ${collection} ${id} needs a transaction`)
  await session.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${collection}), ${Number(id)})`)
}

/** Saves by id wait for any other save or transition of the same document (Payload has begun the transaction). */
export const serialiseSavesOfOneDocument: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { id } = args as { id?: number | string }
  if (operation === 'update' && id !== undefined && req.transactionID) await lockDocumentForTransaction(req, collection.slug, id)
  return args
}
