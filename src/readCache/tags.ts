/**
 * The names a cached response is filed under. A response depends on every document it contains
 * (`doc:<collection>:<id>`) and, when it lists or looks documents up, on its whole collection
 * (`list:<collection>`): publishing a new article changes a list that did not contain it.
 */

export const documentTag = (collection: string, id: number | string): string => `doc:${collection}:${id}`

export const collectionTag = (collection: string): string => `list:${collection}`

/** What a change to one document makes stale. */
export const tagsMadeStaleBy = (collection: string, id: number | string): string[] => [
  documentTag(collection, id),
  collectionTag(collection),
]
