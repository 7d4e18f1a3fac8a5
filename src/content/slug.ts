/**
 * Slugs: generated from a document's title-like field, editable, URL-safe, and unique per
 * collection, counting drafts too (Payload's unique index only sees the main table, not drafts).
 */
import {
  ValidationError,
  type CollectionBeforeValidateHook,
  type CollectionSlug,
  type Field,
  type FieldHook,
  type Payload,
} from 'payload'

import { VERSIONS_NEWEST_FIRST } from './versions'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_SLUG_LENGTH = 96

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Shiatsu à domicile" → "shiatsu-a-domicile"
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')
}

export function slugProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'A slug is required: give the document a title or type a slug.'
  if (value.length > MAX_SLUG_LENGTH) return `A slug can be at most ${MAX_SLUG_LENGTH} characters long.`
  if (!SLUG_PATTERN.test(value)) {
    return 'A slug may contain only lowercase letters, digits and single hyphens between words (e.g. "hot-stone-massage").'
  }
  return undefined
}

const fillSlugFrom =
  (sourceField: string): FieldHook =>
  ({ value, siblingData }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value) === value ? value : value.trim()
    const source = siblingData?.[sourceField]
    return typeof source === 'string' ? slugify(source) : value
  }

export function slugField(sourceField: string): Field {
  return {
    name: 'slug',
    type: 'text',
    index: true,
    unique: true,
    admin: {
      position: 'sidebar',
      description: `Part of the page address. Filled in from the ${sourceField} when left empty.`,
    },
    hooks: { beforeValidate: [fillSlugFrom(sourceField)] },
  }
}

/**
 * Runs for drafts too (Payload skips field validation on draft saves), so two drafts can never
 * share a slug and a published document never takes a draft's slug.
 */
export const ensureValidUniqueSlug =
  (collection: CollectionSlug): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req }) => {
    const slug = data?.slug ?? originalDoc?.slug
    // A new draft may start empty (the admin autosaves articles before anything is typed);
    // the slug is required once the document goes public.
    if ((slug === undefined || slug === null || slug === '') && data?._status !== 'published') return data
    const problem = slugProblem(slug)
    const errors = [] as { message: string; path: string }[]
    if (problem) errors.push({ path: 'slug', message: problem })
    // A slug the document's latest version already holds was checked when that version was saved,
    // and every save since, of any document, checks against it: a publish need not ask again.
    else if (slug !== originalDoc?.slug && (await slugTaken(req, collection, slug, originalDoc?.id))) {
      errors.push({
        path: 'slug',
        message: `The slug "${slug}" is already used by another document in ${collection}. Choose another.`,
      })
    }
    if (errors.length) throw new ValidationError({ collection, errors, req })
    return data
  }

async function slugTaken(
  req: Parameters<CollectionBeforeValidateHook>[0]['req'],
  collection: CollectionSlug,
  slug: string,
  ownId: number | string | undefined,
): Promise<boolean> {
  const notThisDocument = (field: string) => (ownId ? [{ [field]: { not_equals: ownId } }] : [])
  // System queries: a clash with a document the user cannot see is still a clash.
  const [saved, latestDrafts] = await Promise.all([
    req.payload.count({
      collection,
      where: { and: [{ slug: { equals: slug } }, ...notThisDocument('id')] },
      overrideAccess: true,
      req,
    }),
    req.payload.countVersions({
      collection,
      where: {
        and: [{ 'version.slug': { equals: slug } }, { latest: { equals: true } }, ...notThisDocument('parent')],
      },
      overrideAccess: true,
      req,
    }),
  ])
  return saved.totalDocs + latestDrafts.totalDocs > 0
}

/** `base`, `base-2`, `base-3`…, each cut to fit the length limit. */
function numberedSlug(base: string, number: number): string {
  if (number === 1) return base
  const suffix = `-${number}`
  return `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
}

/** Slugs in `collection` that contain `base`, in saved documents and in their latest drafts. */
async function slugsContaining(payload: Payload, collection: CollectionSlug, base: string): Promise<Set<string>> {
  // System reads without a request: a clash with a document nobody may see is still a clash,
  // and every match is needed, not a client-sized page of them.
  const [saved, latestDrafts] = await Promise.all([
    payload.find({
      collection,
      where: { slug: { contains: base } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.findVersions({
      collection,
      where: { and: [{ 'version.slug': { contains: base } }, { latest: { equals: true } }] },
      sort: VERSIONS_NEWEST_FIRST,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const slugOf = (doc: object) => ('slug' in doc && typeof doc.slug === 'string' ? [doc.slug] : [])
  return new Set([...saved.docs.flatMap(slugOf), ...latestDrafts.docs.flatMap((version) => slugOf(version.version))])
}

/**
 * The first of `base`, `base-2`, `base-3`… that no document of `collection` uses, draft or saved,
 * nor any slug in `alsoTaken` (ones a concurrent save has claimed but not yet committed).
 */
export async function firstFreeSlug(
  payload: Payload,
  collection: CollectionSlug,
  base: string,
  alsoTaken: ReadonlySet<string> = new Set(),
): Promise<string> {
  const taken = new Set([...(await slugsContaining(payload, collection, base)), ...alsoTaken])
  for (let number = 1; ; number++) {
    const candidate = numberedSlug(base, number)
    if (!taken.has(candidate)) return candidate
  }
}

/** The save failed because another document has the slug (our check or the database's unique index). */
export function isSlugClash(error: unknown): error is ValidationError {
  return error instanceof ValidationError && error.data.errors.some((fieldError) => fieldError.path === 'slug')
}
