/**
 * The live row of a document: its main table row as the public sees it (the last publish), or
 * null when it is not live. Drafts live in the versions table, so this row changes only when a
 * write publishes or unpublishes. Several plugins compare it before and after a write (images of
 * live pages, slug redirects, knock-on review); during one write they share one read of it, and
 * a draft save, which cannot change it, reads it not at all.
 */
import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, RequestContext } from 'payload'

export type LiveRow = Record<string, unknown> & { id: number; _status?: string | null }

export async function liveRowOf(req: PayloadRequest, collection: string, id: number | string): Promise<LiveRow | null> {
  const row = (await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    where: { id: { equals: id } },
    req,
  })) as LiveRow | null
  return row?._status === 'published' ? row : null
}

/** The write of a collection under way (one at a time: a write's hooks write other collections only). */
interface WriteUnderWay {
  id: number
  /** Payload saves only a new version (its updateDocument's `isSavingDraft`): the live row stays as it is. */
  draftSave: boolean
}

const writeKey = (collection: string) => `liveRows.write:${collection}`
const WRITES = new Set(['create', 'update', 'delete', 'restoreVersion'])

/**
 * beforeOperation: notes whether the update by id about to run saves only a draft, so that the
 * hooks that follow the live row skip a write that cannot change it. Any other write of the
 * collection (bulk, restore, create, delete) clears the note: its hooks read the row as usual.
 */
export const noteDraftSaves: CollectionBeforeOperationHook = ({ args, collection, context, operation }) => {
  if (!WRITES.has(operation)) return args
  const { id, draft, data } = args as { id?: number | string; draft?: unknown; data?: { _status?: unknown } }
  const byId = operation === 'update' && id !== undefined
  context[writeKey(collection.slug)] = byId
    ? ({
        id: Number(id),
        draftSave: Boolean(draft && collection.versions?.drafts) && data?._status !== 'published',
      } satisfies WriteUnderWay)
    : undefined
  return args
}

/** Whether the write of `collection`/`id` under way leaves its live row as it is (false when not known). */
export function savesOnlyADraft(context: RequestContext, collection: string, id: number | string): boolean {
  const write = context[writeKey(collection)] as WriteUnderWay | undefined
  return write?.id === Number(id) && write.draftSave
}

/**
 * What a caller holding the document's lock (a workflow transition) has already read of its live
 * row, handed to the hooks of its write through the write's `context`: they need not read it
 * again. The row as it is after the write is kept there for the caller too.
 */
interface KnownLiveRow {
  before: LiveRow | null
  after?: Promise<LiveRow | null>
}

const knownKey = (collection: string, id: number | string) => `liveRows.known:${collection}:${Number(id)}`
const knownIn = (context: RequestContext, collection: string, id: number | string) =>
  context[knownKey(collection, id)] as KnownLiveRow | undefined

/**
 * Hands `before` to the hooks of the next write of the document in this request (Payload gives
 * them `req.context`, or a copy of it with the write's own context); `forget` once that write is done.
 */
export function shareLiveRow(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  before: LiveRow | null,
): { forget: () => void } {
  const key = knownKey(collection, id)
  req.context[key] = { before } satisfies KnownLiveRow
  return { forget: () => delete req.context[key] }
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
  context: RequestContext,
  collection: string,
  originalDoc: { id: number | string },
): Promise<LiveRow | null> {
  const known = knownIn(context, collection, originalDoc.id)
  if (known) return Promise.resolve(known.before)
  let row = readBeforeWrite.get(originalDoc)
  if (!row) {
    row = liveRowOf(req, collection, originalDoc.id)
    readBeforeWrite.set(originalDoc, row)
  }
  return row
}

/** The live row as the write just done left it (call from its after-hooks, or after the write). */
export function liveRowAfterWrite(
  req: PayloadRequest,
  context: RequestContext,
  collection: string,
  id: number | string,
): Promise<LiveRow | null> {
  const known = knownIn(context, collection, id)
  if (!known) return liveRowOf(req, collection, id)
  known.after ??= liveRowOf(req, collection, id)
  return known.after
}
