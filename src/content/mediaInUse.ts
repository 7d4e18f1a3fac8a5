/**
 * Images that live pages show change only with a reviewer's say: a writer may replace or
 * re-describe an image that no published document uses, but not one on the public site
 * (403), and nobody may delete an image that published content still shows (409: replace it
 * there first, through review). Checked in the core, for single and bulk writes on every path.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FlattenedField,
  type PayloadRequest,
  type Where,
} from 'payload'

import { hasRole } from '../access/roles'

type Id = number | string

interface LiveUse {
  collection: string
  id: Id
}

/** Dotted paths of the fields (groups and tabs followed) that hold an image of `media`. */
export function uploadPaths(fields: FlattenedField[], media: string, prefix = ''): string[] {
  return fields.flatMap((field) => {
    if (field.type === 'upload' && field.relationTo === media) return [prefix + field.name]
    return field.type === 'group' || field.type === 'tab'
      ? uploadPaths(field.flattenedFields, media, `${prefix}${field.name}.`)
      : []
  })
}

export const richTextPaths = (fields: FlattenedField[]) =>
  fields.filter((field) => field.type === 'richText').map((field) => field.name)

/** Whether a Lexical tree shows one of `ids` of `media` as an upload node. */
function showsImage(node: unknown, media: string, ids: Set<string>): boolean {
  if (!node || typeof node !== 'object') return false
  const { type, relationTo, value, children, root } = node as Record<string, unknown>
  if (type === 'upload' && relationTo === media) {
    const id = value && typeof value === 'object' ? (value as { id?: Id }).id : value
    if (ids.has(String(id))) return true
  }
  return [root, ...(Array.isArray(children) ? children : [])].some((child) => showsImage(child, media, ids))
}

const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as { id?: Id }).id : value)

/** Adds the ids of `media` that a Lexical tree shows as upload nodes to `into`. */
function collectImages(node: unknown, media: string, into: Set<string>): void {
  if (!node || typeof node !== 'object') return
  const { type, relationTo, value, children, root } = node as Record<string, unknown>
  if (type === 'upload' && relationTo === media && idOf(value) != null) into.add(String(idOf(value)))
  for (const child of [root, ...(Array.isArray(children) ? children : [])]) collectImages(child, media, into)
}

/** The ids of `media` one document shows: in its upload fields (groups followed) and inside its rich text. */
export function imagesShownBy(fields: FlattenedField[], doc: Record<string, unknown>, media: string): Set<string> {
  const ids = new Set<string>()
  for (const path of uploadPaths(fields, media)) {
    const value = idOf(
      path.split('.').reduce<unknown>((parent, key) => (parent as Record<string, unknown>)?.[key], doc),
    )
    if (value != null) ids.add(String(value))
  }
  for (const path of richTextPaths(fields)) collectImages(doc[path], media, ids)
  return ids
}

/** The published documents (live rows) that show any of `ids`, as a field or inside rich text. */
export async function liveUsesOf(req: PayloadRequest, media: string, ids: Id[]): Promise<LiveUse[]> {
  const wanted = new Set(ids.map(String))
  const uses: LiveUse[] = []
  for (const { config } of Object.values(req.payload.collections)) {
    if (!config.versions?.drafts) continue
    const fields = uploadPaths(config.flattenedFields, media)
    const richText = richTextPaths(config.flattenedFields)
    if (!fields.length && !richText.length) continue
    const live: Where = { _status: { equals: 'published' } }
    const byField: Where = { or: fields.map((path) => ({ [path]: { in: [...wanted] } })) }
    const { docs } = await req.payload.find({
      collection: config.slug as CollectionSlug,
      where: fields.length && !richText.length ? { and: [live, byField] } : live,
      select: Object.fromEntries([...richText, ...fields].map((path) => [path.split('.')[0], true])),
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true, // a system check across all published content, whoever asks
      req,
    })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const inField = fields.some((path) =>
        wanted.has(
          String(path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], doc)),
        ),
      )
      if (inField || richText.some((path) => showsImage(doc[path], media, wanted)))
        uses.push({ collection: config.slug, id: doc.id as Id })
    }
  }
  return uses
}

/** The ids a write addresses: the one by id, or those its `where` selects for this user. */
async function targetedIds(
  req: PayloadRequest,
  media: CollectionSlug,
  args: { id?: Id; where?: Where },
): Promise<Id[]> {
  if (args.id !== undefined) return [args.id]
  if (!args.where) return []
  const { docs } = await req.payload.find({
    collection: media,
    where: args.where,
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: false,
    req,
  })
  return docs.map((doc) => doc.id)
}

const describe = (uses: LiveUse[]) =>
  uses
    .slice(0, 5)
    .map((use) => `${use.collection} ${use.id}`)
    .join(', ') + (uses.length > 5 ? ` and ${uses.length - 5} more` : '')

export const protectImagesOfLivePages: CollectionBeforeOperationHook<'media'> = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const write = args as { id?: Id; where?: Where; overrideAccess?: boolean }
  if (write.overrideAccess || (operation !== 'update' && operation !== 'delete')) return args
  const reviewer = hasRole(req.user, 'reviewer', 'admin')
  if (operation === 'update' && reviewer) return args
  const ids = await targetedIds(req, collection.slug as CollectionSlug, write)
  const uses = ids.length ? await liveUsesOf(req, collection.slug, ids) : []
  if (!uses.length) return args
  if (operation === 'delete') {
    throw new APIError(
      `This image is shown on the live site (${describe(uses)}). Replace it there, through review, before deleting it.`,
      409,
      undefined,
      true,
    )
  }
  throw new APIError(
    `This image is shown on the live site (${describe(uses)}): only a reviewer or an admin may change it.`,
    403,
    undefined,
    true,
  )
}
