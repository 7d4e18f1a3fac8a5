/**
 * Saved web pages (an article page of the old site, say): the article is found the way browsers'
 * reader views find it, with Mozilla's Readability, and what the page says about itself is read
 * from its meta tags (Open Graph, article:*) and its schema.org JSON-LD.
 */
import { Readability } from '@mozilla/readability'

/** What a page states about its article, for the importer to map to the article's fields. */
export interface PageDetails {
  /** The page's own summary (meta description, og:description, JSON-LD description). */
  description?: string
  /** As the page writes it; the caller decides what a valid date is. */
  published?: string
  byline?: string
  categories: string[]
  featuredImage?: { url: string; alt?: string }
}

export interface ExtractedArticle {
  title?: string
  /** The article's own markup, in the page's document. */
  content: HTMLElement
  details: PageDetails
}

/**
 * Site chrome: a header, menu, footer or sidebar outside the article. Its presence is what tells
 * a saved page from a fragment or a bare document, which are imported as they are.
 */
const SITE_CHROME =
  'header, nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"], [role="complementary"]'
const ARTICLE = 'article, main, [role="main"]'

export function isWholePage(document: Document): boolean {
  return [...document.querySelectorAll(SITE_CHROME)].some((element) => !element.closest(ARTICLE))
}

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value])
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

/** schema.org article types, as Readability recognises them. */
const ARTICLE_TYPE =
  /^(Article|NewsArticle|BlogPosting|TechArticle|Report|ScholarlyArticle|SocialMediaPosting|LiveBlogPosting)$/

/** Every object of the page's JSON-LD blocks, @graph members included. */
function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = []
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(script.textContent ?? '')
    } catch {
      continue // a broken block says nothing
    }
    for (const item of asList(parsed)) {
      if (!isObject(item)) continue
      nodes.push(item, ...asList(item['@graph']).filter(isObject))
    }
  }
  return nodes
}

/** The page's JSON-LD article, with references (`{"@id": …}`) resolvable against the graph. */
function jsonLdArticle(document: Document): { article?: JsonObject; resolve: (value: unknown) => unknown } {
  const nodes = jsonLdNodes(document)
  const byId = new Map(nodes.flatMap((node) => (typeof node['@id'] === 'string' ? [[node['@id'], node] as const] : [])))
  const resolve = (value: unknown) =>
    (isObject(value) && typeof value['@id'] === 'string' && byId.get(value['@id'])) || value
  const article = nodes.find((node) =>
    asList(node['@type']).some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type)),
  )
  return { article, resolve }
}

function metaContent(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`)
    const value = text(element?.getAttribute('content'))
    if (value) return value
  }
  return undefined
}

/** The alt text of an image of the page that shows `url` (the featured image is usually shown too). */
function altOfImageShowing(document: Document, url: string): string | undefined {
  for (const image of document.querySelectorAll('img')) {
    const sources = [
      image.getAttribute('src'),
      ...(image.getAttribute('srcset') ?? '').split(',').map((entry) => entry.trim().split(/\s+/)[0]),
    ]
    if (sources.includes(url)) return text(image.getAttribute('alt'))
  }
  return undefined
}

function featuredImage(
  document: Document,
  article: JsonObject | undefined,
  resolve: (value: unknown) => unknown,
): PageDetails['featuredImage'] {
  const fromJsonLd = asList(article?.image).map(resolve)[0]
  const jsonLdUrl =
    typeof fromJsonLd === 'string'
      ? fromJsonLd
      : isObject(fromJsonLd)
        ? (text(fromJsonLd.url) ?? text(fromJsonLd.contentUrl))
        : undefined
  const url = metaContent(document, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image') ?? jsonLdUrl
  if (!url) return undefined
  const alt =
    metaContent(document, 'og:image:alt', 'twitter:image:alt') ??
    (isObject(fromJsonLd) && (text(fromJsonLd.url) === url || text(fromJsonLd.contentUrl) === url)
      ? text(fromJsonLd.caption)
      : undefined) ??
    altOfImageShowing(document, url)
  return { url, ...(alt ? { alt } : {}) }
}

function categories(document: Document, article: JsonObject | undefined): string[] {
  const fromMeta = [...document.querySelectorAll('meta[property="article:section" i]')].map((meta) =>
    text(meta.getAttribute('content')),
  )
  const fromJsonLd = asList(article?.articleSection).map(text)
  // WordPress marks the post's category links with rel="category tag".
  const fromLinks = [...document.querySelectorAll('a[rel~="category" i]')].map((link) => text(link.textContent))
  const found = [fromMeta, fromJsonLd, fromLinks]
    .map((list) => list.filter((name) => name !== undefined))
    .find((list) => list.length > 0)
  return [...new Set(found)]
}

/** Names of the JSON-LD article's authors, which the graph may give by reference. */
function jsonLdAuthors(article: JsonObject | undefined, resolve: (value: unknown) => unknown): string | undefined {
  const names = asList(article?.author)
    .map(resolve)
    .map((author) => (isObject(author) ? text(author.name) : text(author)))
    .filter((name) => name !== undefined)
  return names.length ? names.join(', ') : undefined
}

/** The first element carrying a schema.org microdata property, e.g. `<time itemprop="datePublished" datetime=…>`. */
function microdata(document: Document, property: string, attribute: string): string | undefined {
  return text(document.querySelector(`[itemprop~="${property}"]`)?.getAttribute(attribute))
}

const withoutEmpty = <T extends object>(details: T): T =>
  Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as T

/** Read before Readability runs: it removes scripts and rewrites the document as it goes. */
function readPageDetails(document: Document): PageDetails {
  const { article, resolve } = jsonLdArticle(document)
  return withoutEmpty({
    description:
      metaContent(document, 'description', 'og:description', 'twitter:description') ?? text(article?.description),
    published:
      text(article?.datePublished) ??
      metaContent(document, 'article:published_time') ??
      microdata(document, 'datePublished', 'datetime') ??
      microdata(document, 'datePublished', 'content'),
    byline:
      jsonLdAuthors(article, resolve) ??
      metaContent(document, 'author') ??
      // rel="author" links to the author of the article (the HTML standard's link type).
      text(document.querySelector('a[rel~="author" i]')?.textContent?.replace(/\s+/g, ' ')),
    categories: categories(document, article),
    featuredImage: featuredImage(document, article, resolve),
  })
}

/** "Hot stone massage – Serenity Day Spa" → "Hot stone massage" when the site's name is known. */
function withoutSiteName(title: string, siteName: string | null | undefined): string {
  if (!siteName) return title
  const suffix = new RegExp(`\\s+[-–—|·:»]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i')
  return title.replace(suffix, '').trim()
}

/** The article of a whole page: its content, its title (when the page has one) and what the page says about it. */
export function extractArticle(document: Document): ExtractedArticle {
  const details = readPageDetails(document)
  // Readability falls back on <title>; a page without one is titled by its heading.
  if (document.title.trim() === '') document.title = document.querySelector('h1')?.textContent ?? ''
  const article = new Readability(document, { serializer: (node) => node as HTMLElement }).parse()
  // parse() gives nothing only for a document without a <body>, and JSDOM always makes one.
  if (!article?.content) throw new Error('Readability found no article in a document with a body.')
  const title = text(article.title)
  return { title: title && withoutSiteName(title, article.siteName), content: article.content, details }
}
