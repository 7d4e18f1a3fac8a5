/**
 * The names a cached response is filed under. A response depends on every document it contains
 * (`doc:<collection>:<id>`) and, when it lists documents, on its whole collection
 * (`list:<collection>`): publishing a new article changes a list that did not contain it.
 * A lookup by slug depends only on the documents it contains and on whichever document takes that
 * slug (`slug:<collection>:<slug>`): publishing one article leaves every other article's page
 * cached. A change whose slugs are not known makes every lookup of its collection stale
 * (`lookups:<collection>`).
 */

export const documentTag = (collection: string, id: number | string): string => `doc:${collection}:${id}`

export const collectionTag = (collection: string): string => `list:${collection}`

const slugTag = (collection: string, slug: string): string => `slug:${collection}:${slug}`

const lookupsTag = (collection: string): string => `lookups:${collection}`

/** A slug a tag can carry (CDN tag headers are split on commas and spaces): what slugs look like. */
export const isTaggableSlug = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,95}$/.test(value)

/** What the answer to "the documents of `collection` whose slug is `slug`" depends on, besides its documents. */
export const slugLookupTags = (collection: string, slug: string): string[] => [
  slugTag(collection, slug),
  lookupsTag(collection),
]

/**
 * What a change to one document makes stale. `slugs`: the slugs it had before and has after the
 * change; undefined when they are not known (every lookup of the collection is then stale).
 */
export function tagsMadeStaleBy(
  collection: string,
  id: number | string,
  slugs?: readonly (string | null | undefined)[],
): string[] {
  const tags = [documentTag(collection, id), collectionTag(collection)]
  if (slugs === undefined) return [...tags, lookupsTag(collection)]
  return [...tags, ...new Set(slugs.filter(isTaggableSlug).map((slug) => slugTag(collection, slug)))]
}
