/**
 * `Cache-Tag` (Cloudflare, Akamai) and `Surrogate-Key` (Fastly, Varnish) headers naming what a
 * cached answer contains (both by default; CDN_TAG_HEADERS names the one a deployment's CDN
 * reads, or none, and every hit is that much lighter): the read cache's own tags (`doc:<collection>:<id>` for every document
 * it holds, embedded ones included, and `list:<collection>` for lists and lookups). A publish
 * webhook carries the tags it made stale (src/workflow/webhooks.ts), so a CDN or a front end can
 * purge exactly those answers.
 */

/** CDNs cap these headers (Cloudflare: 16 KB in all); beyond this the answer is tagged by collection. */
export const MAX_TAG_HEADER_LENGTH = 8_000

/**
 * Every change of a document also makes `list:<collection>` stale (tags.ts), so naming the
 * collection instead of its documents is coarser but never misses a change.
 */
function byCollection(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.replace(/^doc:([^:]+):.*$/, 'list:$1')))]
}

export const CDN_TAG_HEADERS = ['cache-tag', 'surrogate-key'] as const
export type CdnTagHeader = (typeof CDN_TAG_HEADERS)[number]

const SEPARATOR: Record<CdnTagHeader, string> = { 'cache-tag': ',', 'surrogate-key': ' ' }

export function cdnTagHeaders(
  tags: Iterable<string>,
  headers: readonly CdnTagHeader[] = CDN_TAG_HEADERS,
): Partial<Record<CdnTagHeader, string>> {
  let names = [...new Set(tags)].sort()
  if (names.join(',').length > MAX_TAG_HEADER_LENGTH) names = byCollection(names).sort()
  return Object.fromEntries(headers.map((header) => [header, names.join(SEPARATOR[header])]))
}
