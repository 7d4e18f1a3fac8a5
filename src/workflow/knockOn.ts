/**
 * Knock-on review: when a document that other live documents embed (an article's techniques, FAQs
 * and myths: their relationship fields) goes live again with different text, each of those live
 * documents is flagged "Check: <title> changed" until a reviewer confirms it ("Still correct") or
 * its next version goes live. The flags sit on the live row (`knockOn`, staff only): that is the
 * version readers see and the one that may now be wrong.
 */
import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import { collectionOptions, titleIn, type WorkflowCollection, workflowCollections } from './options'

/** One changed document a live document depends on. */
export interface KnockOnFlag {
  collection: string
  id: number
  title: string
  changedAt: string
}

type Row = Record<string, unknown> & { id: number }

/** Whether the text a reader sees (the checklist's texts) differs between two versions. */
export function textChanged(texts: readonly string[], before: Row, after: Row): boolean {
  const valueAt = (doc: Row, path: string) =>
    path.split('.').reduce<unknown>((value, key) => (value as Row)?.[key], doc)
  return texts.some(
    (path) => JSON.stringify(valueAt(before, path) ?? null) !== JSON.stringify(valueAt(after, path) ?? null),
  )
}

/** A new flag replaces an older one about the same document. */
export const withFlag = (flags: readonly KnockOnFlag[], flag: KnockOnFlag): KnockOnFlag[] => [
  ...flags.filter((one) => one.collection !== flag.collection || one.id !== flag.id),
  flag,
]

/** The relationship fields, by collection, that point at `target`. */
function fieldsPointingAt(req: PayloadRequest, target: string): { collection: WorkflowCollection; field: string }[] {
  return workflowCollections(req.payload).flatMap((collection) =>
    req.payload.collections[collection].config.fields.flatMap((field: Field) =>
      field.type === 'relationship' &&
      'name' in field &&
      (Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]).includes(target as CollectionSlug)
        ? [{ collection, field: field.name }]
        : [],
    ),
  )
}

/** The knock-on flags of a live row: what changed in what it embeds. */
export const flagsOf = (live: Row | null): KnockOnFlag[] => (live?.knockOn as KnockOnFlag[] | null) ?? []

/** After `collection`/`id` went live as `now` (it was `before`): flag the live documents that embed it. */
export async function flagDependents(
  req: PayloadRequest,
  collection: WorkflowCollection,
  before: Row | null,
  now: Row,
): Promise<number> {
  if (!before || !textChanged(collectionOptions(req.payload, collection).checklist.texts, before, now)) return 0
  const flag: KnockOnFlag = {
    collection,
    id: now.id,
    title: titleIn(req.payload, collection, now),
    changedAt: new Date().toISOString(),
  }
  let flagged = 0
  for (const { collection: dependent, field } of fieldsPointingAt(req, collection)) {
    const { docs } = await req.payload.db.find({
      collection: dependent,
      where: { and: [{ _status: { equals: 'published' } }, { [field]: { in: [now.id] } }] },
      limit: 0,
      pagination: false,
      req,
    })
    for (const doc of docs as Row[]) {
      const knockOn = withFlag((doc.knockOn as KnockOnFlag[] | null) ?? [], flag)
      await req.payload.db.updateOne({ collection: dependent, id: doc.id, data: { knockOn }, req })
      flagged++
    }
  }
  return flagged
}
