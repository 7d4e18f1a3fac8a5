/** Checks on content that must hold for drafts too (Payload skips field validation on draft saves). */
import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

export function httpUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'A URL is required.'
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? undefined
      : `Only http(s) links are allowed, not "${url.protocol}".`
  } catch {
    return `"${value}" is not a valid URL: it should look like https://example.com/page.`
  }
}

/** A `javascript:` or `data:` source link would run in whatever page shows it, even a draft preview. */
export const ensureSafeSourceLinks: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const sources = (data?.sources ?? []) as { url?: unknown }[]
  const errors = sources.flatMap((source, index) => {
    const problem = httpUrlProblem(source?.url)
    return problem ? [{ path: `sources.${index}.url`, message: problem }] : []
  })
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return data
}

/** Link targets a reader's browser opens safely: web pages, mail, phone, and relative links. */
const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:']

/**
 * Why a rich-text link's URL is refused, if it is. Parsed the way browsers parse it (tabs,
 * newlines and leading spaces do not hide a `javascript:`); relative URLs resolve to https.
 */
export function richTextLinkProblem(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  try {
    const { protocol } = new URL(url, 'https://relative.invalid')
    return SAFE_LINK_PROTOCOLS.includes(protocol)
      ? undefined
      : `Links may point to http(s), mailto: or tel: addresses, not "${protocol}".`
  } catch {
    return `"${url}" is not a valid link: it should look like https://example.com/page.`
  }
}

interface LexicalNode {
  type?: unknown
  fields?: unknown
  children?: unknown
}

const LINK_FIELDS = new Set(['url', 'newTab', 'linkType', 'doc'])
const isRecord = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value)
const isBlank = (value: unknown) => value === undefined || value === null || value === ''

/**
 * A link node is checked against the shape Lexical's link feature writes, types included: a
 * `url` wrapped in an array, or an internal link that also carries a `url`, would otherwise pass
 * as "not a custom link" and reach every renderer that reads `url`.
 */
export function linkFieldsProblem(fields: unknown, linkable: (collection: string) => boolean): string | undefined {
  if (!isRecord(fields)) return 'A link needs its fields (url or document).'
  const unknown = Object.keys(fields).find((key) => !LINK_FIELDS.has(key))
  if (unknown) return `Links cannot carry "${unknown}".`
  if (!isBlank(fields.newTab) && typeof fields.newTab !== 'boolean') return 'A link\'s "newTab" is true or false.'
  if (fields.linkType === 'internal') {
    if (!isBlank(fields.url)) return 'An internal link points to a document and cannot also carry a URL.'
    const doc = fields.doc
    const value = isRecord(doc) && isRecord(doc.value) ? doc.value.id : isRecord(doc) ? doc.value : undefined
    if (
      !isRecord(doc) ||
      typeof doc.relationTo !== 'string' ||
      !linkable(doc.relationTo) ||
      !['string', 'number'].includes(typeof value)
    ) {
      return 'An internal link must point to an article, technique, FAQ or myth.'
    }
    return undefined
  }
  if (!isBlank(fields.linkType) && fields.linkType !== 'custom')
    return `"${String(fields.linkType)}" is not a kind of link: use a URL or a document.`
  if (!isBlank(fields.doc)) return 'A link to a URL cannot also point to a document.'
  if (typeof fields.url !== 'string') return "A link's URL must be text."
  return richTextLinkProblem(fields.url)
}

function unsafeLinkProblems(node: LexicalNode | undefined, linkable: (collection: string) => boolean): string[] {
  if (!isRecord(node)) return []
  const own = node.type === 'link' || node.type === 'autolink' ? linkFieldsProblem(node.fields, linkable) : undefined
  const children = Array.isArray(node.children)
    ? node.children.flatMap((child) => unsafeLinkProblems(child, linkable))
    : []
  return [...(own ? [own] : []), ...children]
}

/** Rich-text fields of a document's data, wherever they sit (top level, groups, arrays). */
function richTextValues(value: unknown, path: string): { path: string; root: LexicalNode }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => richTextValues(item, `${path}.${index}`))
  if (!isRecord(value)) return []
  if (isRecord(value.root) && value.root.type === 'root') return [{ path, root: value.root }]
  return Object.entries(value).flatMap(([key, child]) => richTextValues(child, path ? `${path}.${key}` : key))
}

/** Lexical stores any URL typed into its link dialog; a `javascript:` one would run for readers. */
export const ensureSafeRichTextLinks: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  // Internal links may point only to content that readers can open: collections with drafts.
  const linkable = (slug: string) =>
    Boolean(req.payload.collections[slug as keyof typeof req.payload.collections]?.config.versions?.drafts)
  const errors = richTextValues(data, '').flatMap(({ path, root }) =>
    unsafeLinkProblems(root, linkable).map((message) => ({ path, message })),
  )
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return data
}
