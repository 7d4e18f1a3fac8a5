/**
 * The live row of a document: its main table row as the public sees it (the last publish), or
 * null when it is not live. Drafts live in the versions table, so this row changes only when a
 * write publishes or unpublishes. Several plugins compare it before and after a write (images of
 * live pages, slug redirects, knock-on review); during one write they share one read of it.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

export type LiveRow = Record<string, unknown> & { id: number; _status?: string | null }

export async function liveRowOf(req: PayloadRequest, collection: string, id: number | string): Promise<LiveRow | null> {
  const row = (await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    where: { id: { equals: id } },
    req,
  })) as LiveRow | null
  return row?._status === 'published' ? row : null
}

/**
 * Payload hands every beforeValidate and beforeChange hook of one update the same `originalDoc`
 * object, and a new one to the next update: keyed on it, the row is read once per write, and a
 * second write of the same document in the same request reads it afresh.
 */
const readBeforeWrite = new WeakMap<object, Promise<LiveRow | null>>()

/** The live row as it was before the write under way (call from its before-hooks only). */
export function liveRowBeforeWrite(
  req: PayloadRequest,
  collection: string,
  originalDoc: { id: number | string },
): Promise<LiveRow | null> {
  let row = readBeforeWrite.get(originalDoc)
  if (!row) {
    row = liveRowOf(req, collection, originalDoc.id)
    readBeforeWrite.set(originalDoc, row)
  }
  return row
}
