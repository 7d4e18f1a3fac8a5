/**
 * What a preview token lets its bearer read, decided once per request: the latest draft of the
 * one document it names, read by id, and nothing else. Lists, counts, versions, other ids, other
 * collections and populated relations stay what the public sees (published only), because
 * Payload reads relations and lists through `find`, whose access check has no id.
 */
import {
  APIError,
  type Access,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
  type Where,
} from 'payload'

import { isStaffUser } from '../access/roles'
import { imagesShownBy } from '../content/mediaInUse'
import { currentGenerations } from './revocations'
import { previewKey, readPreviewToken, REFUSAL_MESSAGES, type TokenRefusal } from './tokens'
import type { PreviewGrant } from './types'

/** Where a front end sends the token: a header, so it never lands in URLs, logs or cache keys. */
export const PREVIEW_TOKEN_HEADER = 'x-preview-token'

export const previewTokenOf = (req: PayloadRequest): string | undefined =>
  req.headers?.get(PREVIEW_TOKEN_HEADER) ?? undefined

export class PreviewRefused extends APIError {
  constructor(reason: TokenRefusal) {
    super(REFUSAL_MESSAGES[reason], 401, undefined, true)
  }
}

/** Checks a token completely: signature, expiry and revocation. Throws PreviewRefused (401). */
export async function verifyPreviewToken(
  req: PayloadRequest,
  token: string,
  collections: readonly string[],
): Promise<PreviewGrant> {
  const check = readPreviewToken(previewKey(req.payload.secret), token, Math.floor(Date.now() / 1000))
  if (!check.valid) throw new PreviewRefused(check.reason)
  const { claims } = check
  // A token for a collection that is no longer previewable is as good as altered.
  if (!collections.includes(claims.c)) throw new PreviewRefused('altered')
  const current = await currentGenerations(req.payload, claims.c, claims.i)
  if (claims.g !== current.all || claims.d !== current.document) throw new PreviewRefused('revoked')
  return { collection: claims.c, id: claims.i, expiresAt: claims.e }
}

const grants = new WeakMap<PayloadRequest, Promise<PreviewGrant | undefined>>()

/**
 * The request's grant, checked once however many reads it makes (a GraphQL query runs many).
 * Staff read drafts anyway, so their tokens are not looked at; a request without a token has no
 * grant; a bad token rejects with 401.
 */
export function previewGrantOf(req: PayloadRequest, collections: readonly string[]): Promise<PreviewGrant | undefined> {
  let grant = grants.get(req)
  if (!grant) {
    const token = previewTokenOf(req)
    grant = token && !isStaffUser(req.user) ? verifyPreviewToken(req, token, collections) : Promise.resolve(undefined)
    grants.set(req, grant)
  }
  return grant
}

const isGrantedDocument = (grant: PreviewGrant | undefined, collection: string, id: unknown): boolean =>
  Boolean(
    grant && grant.collection === collection && id !== undefined && id !== null && String(id) === String(grant.id),
  )

/**
 * Read access: the granted document when read by its id; otherwise the collection's own rule.
 * `findByID` is the only read that passes an id to access, so this never widens a list.
 */
export function readWithPreviewGrant(collection: string, collections: readonly string[], ownRule: Access): Access {
  return async (args) => {
    const grant = await previewGrantOf(args.req, collections)
    if (isGrantedDocument(grant, collection, args.id)) return true
    return ownRule(args)
  }
}

/**
 * A preview shows the latest draft of its document and the published version of everything else:
 * a read of the granted document by id is a draft read (even without `?draft=true`); every other
 * read in the request (relations, lists, other ids) is a published read, even with `draft=true`,
 * which would otherwise hide a published document whose latest version is a draft. A bad token
 * is refused here with its reason (401), before anything runs.
 *
 * Live Preview's merge (`@payloadcms/live-preview`'s mergeData: the granted document read by id
 * with the writer's unsaved values in `data`) is read as published: Payload answers such a read
 * with the values sent, relations populated, but a draft read would replace them with the saved
 * draft. The answer holds only what the caller sent and what the public sees.
 */
export function previewReadsOnlyItsDraft(
  collection: string,
  collections: readonly string[],
): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (!previewTokenOf(req)) return args
    const grant = await previewGrantOf(req, collections)
    if (operation !== 'read' || !grant) return args
    const readArgs = args as { id?: unknown; draft?: boolean; data?: unknown }
    readArgs.draft = isGrantedDocument(grant, collection, readArgs.id) && readArgs.data === undefined
    return args
  }
}

const draftImages = new WeakMap<PayloadRequest, Promise<string[]>>()

/** The images the granted document's latest draft shows (fields and rich text), read once per request. */
function imagesOfGrantedDraft(req: PayloadRequest, grant: PreviewGrant, uploads: string): Promise<string[]> {
  let images = draftImages.get(req)
  if (!images) {
    images = req.payload
      .findByID({
        collection: grant.collection as CollectionSlug,
        id: grant.id,
        draft: true,
        depth: 0,
        disableErrors: true,
        overrideAccess: true, // the token grants this one draft; only its image ids are used
        req,
      })
      .then((draft) => {
        const fields = req.payload.collections[grant.collection as CollectionSlug]?.config.flattenedFields ?? []
        return draft ? [...imagesShownBy(fields, draft as unknown as Record<string, unknown>, uploads)] : []
      })
    draftImages.set(req, images)
  }
  return images
}

/**
 * Read access of the upload collection: its own rule, and with a preview token also the images
 * the previewed draft shows (a new hero image is not public until the draft is, but its preview
 * shows it). Nothing else: other drafts' images stay as the public sees them.
 */
export function readUploadsWithPreviewGrant(uploads: string, collections: readonly string[], ownRule: Access): Access {
  return async (args) => {
    const own = await ownRule(args)
    if (own === true || !previewTokenOf(args.req)) return own
    const grant = await previewGrantOf(args.req, collections)
    const ids = grant ? await imagesOfGrantedDraft(args.req, grant, uploads) : []
    if (!ids.length) return own
    const shown: Where = { id: { in: ids } }
    return own === false ? shown : { or: [own, shown] }
  }
}
