/**
 * slugRedirects(options): when a published document's slug changes, its old slug keeps working.
 *
 * - Each collection in `options.collections` records, on the publish that changes a live slug, a
 *   redirect from the old slug to the document (not to the new slug: a document renamed twice
 *   has two redirects to itself, so chains collapse). A slug that a published document holds now
 *   is never redirected (publishing under an old slug removes its redirect: no loops), and a
 *   deleted document takes its redirects with it. Drafts' slugs are never recorded.
 * - `GET /api/redirects/resolve?collection=articles&slug=old` answers the document's current
 *   published slug (`{ collection, from, to }`), or 404 when the slug leads nowhere public.
 *   Anyone may ask; the answer only ever names published slugs. The read cache stores it under
 *   the collection's list tag, which every publish and unpublish there drops.
 * - The `redirects` collection itself is readable by staff only and written by the system only
 *   (admins may delete a record).
 */
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type CollectionSlug,
  type Config,
  type Endpoint,
  type PayloadRequest,
} from 'payload'

import { isAdmin, isStaff } from '../access/roles'
import { liveRowBeforeWrite, liveRowOf, savesOnlyADraft, type LiveRow } from '../content/liveRows'

export interface SlugRedirectsOptions {
  /** The collections whose published slugs are addresses on the site (the editorial ones). */
  collections: CollectionSlug[]
}

export const REDIRECTS_SLUG = 'redirects'
const MAX_SLUG_LENGTH = 200

const slugOf = (row: LiveRow | null) => (typeof row?.slug === 'string' && row.slug ? row.slug : undefined)

const contextKey = (collection: string, id: unknown) => `slugRedirects.liveSlug:${collection}:${String(id)}`

/** Remembers the slug the public knows the document by, before a write that may publish. */
const rememberLiveSlug: CollectionBeforeChangeHook = async ({ collection, context, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return undefined
  if (savesOnlyADraft(context, collection.slug, originalDoc.id)) return undefined
  const liveSlug = liveRowBeforeWrite(req, context, collection.slug, originalDoc).then(slugOf)
  // Noted before any await, as enforceWorkflowOnWrite notes the live row (parallel bulk saves).
  context[contextKey(collection.slug, originalDoc.id)] = liveSlug
  await liveSlug
  return undefined
}

/**
 * The redirect records matching `where`, removed as the system. Looked for first with one query:
 * most publishes have none, and a delete costs several (Payload also clears their preferences).
 */
async function removeRedirects(req: PayloadRequest, where: Record<string, unknown>) {
  const { docs } = await req.payload.find({
    collection: REDIRECTS_SLUG as CollectionSlug,
    where: where as never,
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true, // the system keeps redirects in step with what is published
    req,
  })
  if (docs.length === 0) return
  await req.payload.delete({
    collection: REDIRECTS_SLUG as CollectionSlug,
    where: { id: { in: docs.map((doc) => doc.id) } },
    overrideAccess: true,
    req,
  })
}

/** On a publish: the new slug is a live page (no redirect from it); the old one, if it changed, redirects here. */
const recordSlugChange: CollectionAfterChangeHook = async ({ collection, context, doc, req }) => {
  if (doc._status !== 'published' || !doc.slug) return doc
  const before = await (context[contextKey(collection.slug, doc.id)] as Promise<string | undefined> | undefined)
  // Live under this slug already: its redirect was removed when it went live under it, and none
  // was recorded since (only the document live under a slug records one, by leaving it).
  if (before === doc.slug) return doc
  await removeRedirects(req, {
    and: [{ collection: { equals: collection.slug } }, { from: { in: [doc.slug, before].filter(Boolean) } }],
  })
  if (before && before !== doc.slug) {
    await req.payload.create({
      collection: REDIRECTS_SLUG as CollectionSlug,
      data: { collection: collection.slug, from: before, document: doc.id } as never,
      overrideAccess: true, // recorded by the system on a publish, whoever published
      req,
    })
  }
  return doc
}

const forgetRedirectsOfDeleted: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await removeRedirects(req, { and: [{ collection: { equals: collection.slug } }, { document: { equals: id } }] })
}

function resolveEndpoint(collections: CollectionSlug[]): Endpoint {
  return {
    path: '/resolve',
    method: 'get',
    handler: async (req) => {
      const collection = req.searchParams.get('collection') ?? ''
      const slug = req.searchParams.get('slug') ?? ''
      if (!collections.includes(collection as CollectionSlug))
        throw new APIError(`Give collection=${collections.join('|')} and the slug to look up.`, 400, undefined, true)
      if (!slug || slug.length > MAX_SLUG_LENGTH)
        throw new APIError(`Give the slug to look up (at most ${MAX_SLUG_LENGTH} characters).`, 400, undefined, true)
      const { docs: redirects } = await req.payload.find({
        collection: REDIRECTS_SLUG as CollectionSlug,
        where: { and: [{ collection: { equals: collection } }, { from: { equals: slug } }] },
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true, // anyone may ask; the answer below only ever names a published slug
        req,
      })
      const target = (redirects[0] as { document?: number } | undefined)?.document
      const to = target === undefined ? undefined : slugOf(await liveRowOf(req, collection, target))
      if (!to || to === slug)
        throw new APIError(`No published ${collection} document was ever at "${slug}".`, 404, undefined, true)
      return Response.json({ collection, from: slug, to })
    },
  }
}

const redirectsCollection = (collections: CollectionSlug[]): CollectionConfig => ({
  slug: REDIRECTS_SLUG,
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['collection', 'from', 'document', 'createdAt'],
    description: 'Old slugs of published documents, recorded when a publish changes a slug.',
  },
  access: {
    read: isStaff,
    create: () => false,
    update: () => false,
    delete: isAdmin,
  },
  indexes: [{ fields: ['collection', 'from'], unique: true }],
  endpoints: [resolveEndpoint(collections)],
  fields: [
    { name: 'collection', type: 'select', required: true, options: collections as string[] },
    { name: 'from', label: 'Old slug', type: 'text', required: true, maxLength: MAX_SLUG_LENGTH },
    { name: 'document', type: 'number', required: true, index: true },
  ],
})

export const slugRedirects =
  ({ collections }: SlugRedirectsOptions) =>
  (config: Config): Config => ({
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection): CollectionConfig => {
        if (!collections.includes(collection.slug as CollectionSlug)) return collection
        const hooks = collection.hooks ?? {}
        return {
          ...collection,
          hooks: {
            ...hooks,
            beforeChange: [...(hooks.beforeChange ?? []), rememberLiveSlug],
            afterChange: [...(hooks.afterChange ?? []), recordSlugChange],
            afterDelete: [...(hooks.afterDelete ?? []), forgetRedirectsOfDeleted],
          },
        }
      }),
      redirectsCollection(collections),
    ],
  })
