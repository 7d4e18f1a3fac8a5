/**
 * No lost edits. A save says which version it was based on (the `updatedAt` it loaded: Payload's
 * admin sends it with every save and autosave). When someone else changed the content since, the
 * save is refused with 409 "changed by <name> at <time>": the newer version stays, and the
 * refused content comes back in the answer so that the editor can merge it by hand.
 */
import { APIError, type PayloadRequest } from 'payload'

import { VERSIONS_NEWEST_FIRST } from '../../content/versions'
import { NOT_CONTENT, sameContent } from '../effects'

type Doc = Record<string, unknown> & { id: number | string; updatedAt?: unknown }

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** Which version the save is based on, if it says. */
const baseOf = (data: Record<string, unknown>): number | undefined => {
  const time = typeof data.updatedAt === 'string' ? Date.parse(data.updatedAt) : NaN
  return Number.isNaN(time) ? undefined : time
}

/** The content of a version other than `newest`'s: the same (only workflow records in between) or not. */
async function baseHasNewestContent(req: PayloadRequest, collection: string, newest: Doc, base: string) {
  const { docs } = await req.payload.findVersions({
    collection: collection as 'articles',
    where: { and: [{ parent: { equals: newest.id } }, { 'version.updatedAt': { equals: base } }] },
    sort: VERSIONS_NEWEST_FIRST,
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return Boolean(docs[0]) && sameContent(docs[0].version as unknown as Record<string, unknown>, newest)
}

async function nameOf(req: PayloadRequest, userId: unknown): Promise<string> {
  if (userId == null) return 'someone'
  const user = await req.payload.findByID({
    collection: 'users',
    id: userId as number,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  return user ? user.name?.trim() || user.email : 'someone whose account is gone'
}

/** Throws 409 when `data` is based on an older version whose content someone else has since changed. */
export async function refuseLostUpdate(
  req: PayloadRequest,
  { collection, noun, newest, data }: { collection: string; noun: string; newest: Doc; data: Record<string, unknown> },
): Promise<void> {
  const base = baseOf(data)
  const newestTime = typeof newest.updatedAt === 'string' ? Date.parse(newest.updatedAt) : NaN
  if (base === undefined || Number.isNaN(newestTime) || base >= newestTime) return
  const lastEditor = idOf((newest.workflow as { lastEditedBy?: unknown } | undefined)?.lastEditedBy)
  // Your own newer save (an autosave still on its way when you pressed Save) is not a conflict.
  if (lastEditor != null && String(lastEditor) === String(req.user?.id)) return
  if (await baseHasNewestContent(req, collection, newest, data.updatedAt as string)) return
  const by = await nameOf(req, lastEditor)
  const at = new Date(newestTime).toISOString().replace('T', ' ').slice(0, 19)
  const refused = Object.fromEntries(Object.entries(data).filter(([key]) => !NOT_CONTENT.has(key)))
  throw new APIError(
    `This ${noun} was changed by ${by} at ${at} UTC, after you opened it. Your save was refused so that neither edit is lost: reload to see their version, then apply your changes again (they are returned with this message).`,
    409,
    { conflict: { changedBy: by, changedAt: newest.updatedAt, refused } },
    true,
  )
}
