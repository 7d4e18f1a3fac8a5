/**
 * imagesOfLivePages(options): an uploaded image is public once a published document shows it,
 * and its files may then be cached for good.
 *
 * - The upload collection gets a read-only `onLivePages` flag. Anonymous readers (REST, GraphQL,
 *   the files under `/api/<uploads>/file/…`, images populated into content) see flagged images
 *   only; staff see every image. An image used only by drafts stays private until one goes live.
 * - Every collection with drafts keeps the flag right: when a write changes what its published
 *   row shows (publish, unpublish, a live edit, delete), images it starts showing are flagged and
 *   images it stops showing are checked against every other published document.
 * - Files are served with a year-long `immutable` Cache-Control, varying on the credentials a
 *   request carries (a staff member's copy of a private image never reaches anyone else). That is
 *   safe because every address Payload gives out carries `?v=<the image's last change>`: a new
 *   file, a new crop or focal point, or a change of the flag gives the image new addresses.
 */
import type {
  Access,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { isStaffUser } from '../access/roles'
import { liveRowAfterWrite, liveRowBeforeWrite, savesOnlyADraft } from '../content/liveRows'
import { imagesShownBy, liveUsesOf } from '../content/mediaInUse'

export interface ImagesOfLivePagesOptions {
  /** The upload collection whose images appear in content (`media`). */
  uploads: CollectionSlug
  /** How long browsers and CDNs keep a file, in seconds. Default: one year. */
  fileMaxAgeSeconds?: number
}

export const ON_LIVE_PAGES = 'onLivePages'
const ONE_YEAR = 365 * 24 * 60 * 60

/** Staff read every image; everyone else the images published documents show. */
export const imagesOfLivePagesOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { [ON_LIVE_PAGES]: { equals: true } }

type Row = Record<string, unknown> & { id: number | string; _status?: string | null }

const BEFORE_KEY = 'imagesOfLivePages.before'
const keyOf = (collection: string, id: unknown) => `${BEFORE_KEY}:${collection}:${String(id)}`

/** Sets the flag of `ids` to `shown`, as the system, leaving images already right alone. */
async function flag(req: PayloadRequest, uploads: CollectionSlug, ids: string[], shown: boolean): Promise<void> {
  if (!ids.length) return
  await req.payload.update({
    collection: uploads,
    where: { and: [{ id: { in: ids } }, { [ON_LIVE_PAGES]: { not_equals: shown } }] },
    data: { [ON_LIVE_PAGES]: shown } as Record<string, unknown>,
    depth: 0,
    overrideAccess: true, // the system keeps the flag; nobody may set it
    req,
  })
}

function keepFlagsOfLiveImages(uploads: CollectionSlug) {
  const shownBy = (collection: SanitizedCollectionConfig, row: Row | null) =>
    row ? imagesShownBy(collection.flattenedFields, row, uploads) : new Set<string>()

  /** Remembers what the public row showed before this write, if the document was live. */
  const rememberLiveImages: CollectionBeforeChangeHook = async ({
    collection,
    context,
    operation,
    originalDoc,
    req,
  }) => {
    if (operation !== 'update' || originalDoc?.id === undefined) return undefined
    if (savesOnlyADraft(context, collection.slug, originalDoc.id)) return undefined
    const shown = liveRowBeforeWrite(req, context, collection.slug, originalDoc).then((live) =>
      live ? [...shownBy(collection, live)] : undefined,
    )
    // Noted before any await, as enforceWorkflowOnWrite notes the live row (parallel bulk saves).
    context[keyOf(collection.slug, originalDoc.id)] = shown
    await shown
    return undefined
  }

  /** Flags the images the public row starts showing; re-checks those it stopped showing. */
  const updateLiveImages: CollectionAfterChangeHook = async ({ collection, context, doc, req }) => {
    if (savesOnlyADraft(context, collection.slug, doc.id as number)) return doc
    const shownBefore = await (context[keyOf(collection.slug, doc.id)] as Promise<string[] | undefined> | undefined)
    // A draft of a document that was not live leaves the public row as it was: nothing to do.
    if (!shownBefore && doc._status !== 'published') return doc
    const before = new Set(shownBefore ?? [])
    const after = shownBy(collection, await liveRowAfterWrite(req, context, collection.slug, doc.id as number))
    await flag(
      req,
      uploads,
      [...after].filter((id) => !before.has(id)),
      true,
    )
    await unflagUnlessShownElsewhere(
      req,
      [...before].filter((id) => !after.has(id)),
    )
    return doc
  }

  const checkImagesOfDeleted: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
    if ((doc as Row)._status === 'published')
      await unflagUnlessShownElsewhere(req, [...shownBy(collection, doc as Row)])
    return doc
  }

  async function unflagUnlessShownElsewhere(req: PayloadRequest, ids: string[]): Promise<void> {
    for (const id of ids) if ((await liveUsesOf(req, uploads, [id])).length === 0) await flag(req, uploads, [id], false)
  }

  return { rememberLiveImages, updateLiveImages, checkImagesOfDeleted }
}

/** `?v=<last change>` on the image's address and each variant's: new content, new addresses. */
const versionedAddresses: CollectionAfterReadHook = ({ doc }) => {
  const changed = Date.parse(String(doc.updatedAt ?? ''))
  if (Number.isNaN(changed)) return doc
  const version = changed.toString(36)
  const withVersion = (url: unknown) =>
    typeof url === 'string' && url ? `${url}${url.includes('?') ? '&' : '?'}v=${version}` : url
  const sizes = doc.sizes as Record<string, { url?: unknown } | null> | undefined
  return {
    ...doc,
    url: withVersion(doc.url),
    ...(sizes && {
      sizes: Object.fromEntries(
        Object.entries(sizes).map(([name, size]) => [name, size ? { ...size, url: withVersion(size.url) } : size]),
      ),
    }),
  }
}

const hasDrafts = (collection: CollectionConfig) =>
  Boolean(typeof collection.versions === 'object' && collection.versions.drafts)

function withPrivateUntilLive(collection: CollectionConfig, fileMaxAgeSeconds: number): CollectionConfig {
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  const ownHeaders = upload.modifyResponseHeaders
  return {
    ...collection,
    access: { ...collection.access, read: imagesOfLivePagesOrStaff },
    // The addresses change with `updatedAt`: populated images need it to have versioned addresses.
    defaultPopulate: collection.defaultPopulate && { ...collection.defaultPopulate, updatedAt: true },
    upload: {
      ...upload,
      modifyResponseHeaders: (args) => {
        const headers = ownHeaders?.(args) || args.headers
        headers.set('Cache-Control', `public, max-age=${fileMaxAgeSeconds}, immutable`)
        // A shared cache keys a copy by these: what staff or a preview fetched is never served to the public.
        headers.set('Vary', 'Cookie, Authorization, X-Preview-Token')
        return headers
      },
    },
    hooks: { ...collection.hooks, afterRead: [...(collection.hooks?.afterRead ?? []), versionedAddresses] },
    fields: [
      ...collection.fields,
      {
        name: ON_LIVE_PAGES,
        label: 'On live pages',
        type: 'checkbox',
        defaultValue: false,
        index: true,
        // Kept by the system (hooks below); clients cannot set it.
        access: { create: () => false, update: () => false },
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: 'Shown by a published page, so public. Until then only staff can see it.',
        },
      },
    ],
  }
}

export const imagesOfLivePages =
  ({ uploads, fileMaxAgeSeconds = ONE_YEAR }: ImagesOfLivePagesOptions) =>
  (config: Config): Config => {
    const { rememberLiveImages, updateLiveImages, checkImagesOfDeleted } = keepFlagsOfLiveImages(uploads)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        if (collection.slug === uploads) return withPrivateUntilLive(collection, fileMaxAgeSeconds)
        if (!hasDrafts(collection)) return collection
        const hooks = collection.hooks ?? {}
        return {
          ...collection,
          hooks: {
            ...hooks,
            beforeChange: [...(hooks.beforeChange ?? []), rememberLiveImages],
            afterChange: [...(hooks.afterChange ?? []), updateLiveImages],
            afterDelete: [...(hooks.afterDelete ?? []), checkImagesOfDeleted],
          },
        }
      }),
    }
  }
