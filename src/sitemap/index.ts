/**
 * sitemap(options): `GET /api/sitemap.xml`, every published page of the public site with its
 * last change, for search engines. Pages are where the options say each collection's documents
 * appear: a page per document (articles, techniques) or one page listing them all (FAQs, myths).
 * A document whose SEO fields (src/seo) say "Hide from search engines" has no entry of its own:
 * its page asks search engines not to list it, and a sitemap naming it would say the opposite.
 * A page listing a whole collection is listed while anything is published there, its last change
 * being the newest document's, hidden ones included: they are shown on it, and the page itself is
 * not hidden.
 * Anonymous and published-only; the read cache stores it under every listed collection, so a
 * publish or unpublish anywhere (a changed noindex included) drops it (src/readCache/cachePlan.ts).
 */
import { APIError, type CollectionSlug, type Config, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { NOINDEX_PATH } from '../seo'

/** Where one collection's published documents appear on the site. */
export type SitemapPages =
  /** One page per document, e.g. `(doc) => \`/articles/${doc.slug}\`` */
  | { pageOf: (doc: { slug?: string | null }) => string }
  /** One page listing every document, e.g. `/faq`; its last change is the newest document's. */
  | { listedAt: string }

export interface SitemapOptions {
  /** The public site's address (SITE_URL); without it there are no pages to list and the sitemap answers 404. */
  siteUrl?: string
  pages: Record<string, SitemapPages>
}

export const SITEMAP_PATH = '/sitemap.xml'

interface SitemapEntry {
  path: string
  lastModified: string
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  )

/** A collection without the SEO group (src/seo) has no page hidden from search engines. */
const hasNoindexField = (req: PayloadRequest, collection: string): boolean => {
  const [group, field] = NOINDEX_PATH.split('.')
  const seo = req.payload.collections[collection as CollectionSlug]?.config.flattenedFields.find(
    (candidate) => candidate.name === group,
  )
  return Boolean(seo && 'flattenedFields' in seo && seo.flattenedFields.some((candidate) => candidate.name === field))
}

/** The published documents of one collection, as the sitemap lists them. */
async function entriesOf(req: PayloadRequest, collection: string, pages: SitemapPages): Promise<SitemapEntry[]> {
  const published: Where = { _status: { equals: 'published' } }
  // `not_equals: true` keeps documents saved before the field existed (null) too.
  const where =
    'pageOf' in pages && hasNoindexField(req, collection)
      ? { and: [published, { [NOINDEX_PATH]: { not_equals: true } }] }
      : published
  const { docs } = await req.payload.find({
    collection: collection as 'articles',
    where,
    select: { slug: true, updatedAt: true },
    sort: '-updatedAt',
    pagination: false,
    depth: 0,
    // Anonymous readers' rule, said explicitly: published documents only, whoever asks.
    overrideAccess: true,
    req,
  })
  if ('listedAt' in pages) return docs.length > 0 ? [{ path: pages.listedAt, lastModified: docs[0].updatedAt }] : []
  return docs.filter((doc) => doc.slug).map((doc) => ({ path: pages.pageOf(doc), lastModified: doc.updatedAt }))
}

export function sitemapXml(siteUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `  <url><loc>${escapeXml(siteUrl + entry.path)}</loc><lastmod>${entry.lastModified}</lastmod></url>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

const sitemapEndpoint = ({ siteUrl, pages }: SitemapOptions): Endpoint => ({
  path: SITEMAP_PATH,
  method: 'get',
  handler: async (req) => {
    if (!siteUrl)
      throw new APIError('There is no sitemap: set SITE_URL to the public site for it to list.', 404, undefined, true)
    const entries = (
      await Promise.all(Object.entries(pages).map(([collection, where]) => entriesOf(req, collection, where)))
    ).flat()
    return new Response(sitemapXml(siteUrl, entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } })
  },
})

export const sitemap =
  (options: SitemapOptions) =>
  (config: Config): Config => ({ ...config, endpoints: [...(config.endpoints ?? []), sitemapEndpoint(options)] })
