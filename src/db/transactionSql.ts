/**
 * The database session of a request's transaction, for the few statements Payload has no API for
 * (advisory locks, one-statement conditional deletes). db-postgres keeps one session per
 * transaction id; there is no public accessor.
 */
import type { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

export interface SqlRunner {
  execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }>
}

export async function transactionSql(req: PayloadRequest, what: string): Promise<SqlRunner> {
  const sessions = (req.payload.db as unknown as { sessions: Record<string, { db: SqlRunner }> }).sessions
  const session = req.transactionID ? sessions[String(await req.transactionID)] : undefined
  if (!session) throw new Error(`${what} needs a transaction`)
  return session.db
}
