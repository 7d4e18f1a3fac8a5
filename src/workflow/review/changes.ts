/**
 * What changed, for the review drawer:
 *   GET /api/<collection>/<id>/changes?against=live   the newest version against the published one
 *   GET /api/<collection>/<id>/changes?against=seen   … against the version this reviewer last saw
 *     (the newest one they commented on or acted on)
 * Staff only; the comparison itself is diff.ts.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { documentId } from '../endpoints'
import { labelOf, type WorkflowCollection } from '../options'
import { actorOf, fail, latestVersionId } from '../perform'
import { diffDocuments, type DiffField, type FieldChange } from './diff'
import { THREADS } from './threads'

type Against = 'live' | 'seen'

export interface Changes {
  against: Against
  /** The version compared against; null when there is none (never published, never seen). */
  againstVersion: string | null
  version: string | null
  changes: FieldChange[]
}

function contentFields(req: PayloadRequest, collection: WorkflowCollection): DiffField[] {
  return req.payload.collections[collection].config.fields.flatMap((field) =>
    'name' in field && !field.name.startsWith('workflow') && field.name !== 'author' && field.type !== 'join'
      ? [{ name: field.name, label: labelOf(field as never) }]
      : [],
  )
}

/** The newest version this person commented on or took a workflow action on. */
async function lastSeenVersion(req: PayloadRequest, collection: WorkflowCollection, id: number, userId: number) {
  const newestOf = async (slug: 'workflow-events' | 'workflow-comments', byField: string) => {
    const { docs } = await req.payload.find({
      collection: slug,
      where: {
        and: [
          { documentCollection: { equals: collection } },
          { documentId: { equals: id } },
          { [byField]: { equals: userId } },
          { versionId: { exists: true } },
        ],
      },
      sort: '-createdAt',
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { versionId: true, createdAt: true },
    })
    return docs[0] as { versionId?: string | null; createdAt: string } | undefined
  }
  const seen = [await newestOf('workflow-events', 'actor'), await newestOf(THREADS as 'workflow-comments', 'author')]
    .filter((one): one is { versionId: string; createdAt: string } => Boolean(one?.versionId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return seen[0]?.versionId ?? null
}

async function versionContent(req: PayloadRequest, collection: WorkflowCollection, version: string | null) {
  if (!version) return null
  const found = await req.payload.findVersionByID({
    collection,
    id: version,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  return (found?.version as unknown as Record<string, unknown> | undefined) ?? null
}

export async function changesOf(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: number,
  against: unknown,
): Promise<Changes> {
  const actor = actorOf(req, 'see what changed')
  if (against !== 'live' && against !== 'seen')
    throw fail(400, '"against" must be "live" (the published version) or "seen" (the version you last reviewed).')
  const newest = await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!newest) throw fail(404, 'No such document.')
  const version = await latestVersionId(req.payload, req, collection, id)
  let againstVersion: string | null
  let before: Record<string, unknown> | null
  if (against === 'live') {
    const live = await req.payload.find({
      collection,
      where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    before = (live.docs[0] as unknown as Record<string, unknown> | undefined) ?? null
    againstVersion = before ? 'live' : null
  } else {
    againstVersion = await lastSeenVersion(req, collection, id, actor.user.id)
    before = await versionContent(req, collection, againstVersion)
  }
  return {
    against,
    againstVersion,
    version,
    changes: diffDocuments(before, newest as unknown as Record<string, unknown>, contentFields(req, collection)),
  }
}

export const changesEndpoint = (collection: WorkflowCollection): Endpoint => ({
  path: '/:id/changes',
  method: 'get',
  handler: async (req) =>
    Response.json(await changesOf(req, collection, documentId(req), req.searchParams.get('against') ?? 'live')),
})
