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
