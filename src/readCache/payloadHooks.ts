/**
 * Payload hooks that tell the express read cache what a request read and what it changed
 * (see requestScope.ts). Outside a request through the express server (jobs, scripts) they do
 * nothing: the database's change notifications cover those writes.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterReadHook } from 'payload'

import { currentReadCacheScope } from './requestScope'
import { documentTag, tagsMadeStaleBy } from './tags'

export const recordDocumentRead: CollectionAfterReadHook = ({ collection, doc }) => {
  currentReadCacheScope()?.reads.add(documentTag(collection.slug, doc.id))
  return doc
}

/** A response that hides a related draft depends on it too: publishing it must drop the response. */
export function recordRelatedDocuments(collection: string, ids: (number | string)[]): void {
  const reads = currentReadCacheScope()?.reads
  for (const id of ids) reads?.add(documentTag(collection, id))
}

type Written = { _status?: unknown; slug?: unknown } | undefined

/** Media has no drafts: every media document is public. */
const isPublic = (doc: Written) => Boolean(doc) && (doc!._status === undefined || doc!._status === 'published')

/** The slugs of the documents before and after a change; undefined where one lacks the field (media, or a `select` left it out). */
const slugsOf = (...docs: Written[]): (string | null)[] | undefined =>
  docs.every((doc) => !doc || 'slug' in doc) ? docs.map((doc) => (doc?.slug as string | null) ?? null) : undefined

const isExistingDocument = (doc: Written) => Boolean(doc) && Object.keys(doc!).length > 0

function recordChange(collection: string, id: number | string, slugs: (string | null)[] | undefined): void {
  const changes = currentReadCacheScope()?.changes
  for (const tag of tagsMadeStaleBy(collection, id, slugs)) changes?.add(tag)
}

/** Saving a draft of a document nobody can see changes no public response. */
export const recordPublicChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc }) => {
  // A create's previous document is `{}`: there was none.
  const before = isExistingDocument(previousDoc) ? previousDoc : undefined
  if (isPublic(doc) || isPublic(before)) recordChange(collection.slug, doc.id, slugsOf(before, doc))
  return doc
}

export const recordPublicDelete: CollectionAfterDeleteHook = ({ collection, doc }) => {
  if (isPublic(doc)) recordChange(collection.slug, doc.id, slugsOf(doc))
  return doc
}
