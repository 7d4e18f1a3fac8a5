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

type Status = { _status?: unknown } | undefined

/** Media has no drafts: every media document is public. */
const isPublic = (doc: Status) => Boolean(doc) && (doc!._status === undefined || doc!._status === 'published')

function recordChange(collection: string, id: number | string): void {
  const changes = currentReadCacheScope()?.changes
  for (const tag of tagsMadeStaleBy(collection, id)) changes?.add(tag)
}

/** Saving a draft of a document nobody can see changes no public response. */
export const recordPublicChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc }) => {
  if (isPublic(doc) || isPublic(previousDoc)) recordChange(collection.slug, doc.id)
  return doc
}

export const recordPublicDelete: CollectionAfterDeleteHook = ({ collection, doc }) => {
  if (isPublic(doc)) recordChange(collection.slug, doc.id)
  return doc
}
