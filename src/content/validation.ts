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
    return SAFE_LINK_PROTOCOLS.includes(protocol) ? undefined : `Links may point to http(s), mailto: or tel: addresses, not "${protocol}".`
  } catch {
    return `"${url}" is not a valid link: it should look like https://example.com/page.`
  }
}

interface LexicalNode {
  type?: string
  fields?: { linkType?: string; url?: unknown }
  children?: LexicalNode[]
}

function unsafeLinkProblems(node: LexicalNode | undefined): string[] {
  if (!node || typeof node !== 'object') return []
  const own = (node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal' ? richTextLinkProblem(node.fields?.url) : undefined
  return [...(own ? [own] : []), ...(Array.isArray(node.children) ? node.children.flatMap(unsafeLinkProblems) : [])]
}

/** Lexical stores any URL typed into its link dialog; a `javascript:` one would run for readers. */
export const ensureSafeRichTextLinks: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const errors = collection.fields.flatMap((field) => {
    if (field.type !== 'richText') return []
    const problems = unsafeLinkProblems((data?.[field.name] as { root?: LexicalNode } | undefined)?.root)
    return problems.map((message) => ({ path: field.name, message }))
  })
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return data
}
