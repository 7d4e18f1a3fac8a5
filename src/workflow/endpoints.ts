/**
 * The workflow over HTTP and GraphQL: POST /api/<collection>/<id>/workflow, the GraphQL
 * mutation workflowTransition, and GET /api/workflow/queue. An action sent with `at` is
 * scheduled for that time instead of taken now (scheduling.ts).
 */
import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { isStaffUser } from '../access/roles'
import { collectionOptions, titleIn, type WorkflowCollection, workflowCollections } from './options'
import type { KnockOnFlag } from './knockOn'
import { THREADS } from './review/threads'
import { performTransition, subjectOf, type WorkflowDoc } from './perform'
import { scheduleTransition } from './scheduling'
import { workflowStatusOf } from './status'

export async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = req.json ? await req.json() : {}
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // answered below
  }
  throw new APIError('Send a JSON object such as { "action": "submit" }.', 400, undefined, true)
}

export function documentId(req: PayloadRequest): number {
  const id = String(req.routeParams?.id ?? '')
  if (!/^\d+$/.test(id)) throw new APIError(`"${id}" is not a document id.`, 404, undefined, true)
  return Number(id)
}

export const transitionEndpoint = (collection: WorkflowCollection): Endpoint => ({
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    const body = await jsonBody(req)
    const id = documentId(req)
    if (body.at !== undefined) {
      const scheduled = await scheduleTransition(req, { collection, id, action: body.action, at: body.at })
      return Response.json({ id, scheduled }, { status: 202 })
    }
    const result = await performTransition(req, {
      collection,
      id,
      action: body.action,
      comment: body.comment,
      acknowledgeClaims: body.acknowledgeClaims,
    })
    return Response.json(result)
  },
})

/**
 * GET /api/<collection>/<id>/workflow: the stage and the actions this user may take now, so the
 * admin shows exactly the buttons the server would accept.
 */
export const workflowStatusEndpoint = (collection: WorkflowCollection): Endpoint => ({
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    const status = await workflowStatusOf(req, collection, documentId(req))
    if (!status) throw new APIError('No such document.', 404, undefined, true)
    return Response.json(status)
  },
})

interface QueueItem {
  collection: WorkflowCollection
  id: number
  title: string
  workflowStage: string
  submittedBy: unknown
  submittedAt: string | null
  updatedAt: string
  assignees: unknown[]
  dueDate: string | null
  openThreads: number
  approvals: { count: number; required: number }
  /** Live documents only: what changed in what it embeds. */
  knockOn: KnockOnFlag[] | null
}

/** What the queue reads of a document (populated with its submitter's name and email). */
type QueueDoc = WorkflowDoc & {
  updatedAt: string
  workflowStage: string
  workflow?: {
    submittedBy?: unknown
    submittedAt?: string | null
    assignees?: unknown[] | null
    dueDate?: string | null
  } | null
}

/** Which documents a queue lists: `?mine=true`, `?assigned=me`, `?overdue=true`, or everything in review. */
function queueFilter(
  req: PayloadRequest,
  userId: number | string,
): { where: Where; newestFirst: boolean; live?: boolean } {
  const param = (name: string) => req.searchParams.get(name)
  const inReview: Where = { workflowStage: { equals: 'in_review' } }
  if (param('mine') === 'true') return { where: { author: { equals: userId } }, newestFirst: true }
  if (param('assigned') === 'me')
    return { where: { and: [inReview, { 'workflow.assignees': { in: [userId] } }] }, newestFirst: false }
  // The live versions past their review date (a newer draft may be in the works meanwhile).
  if (param('reviewDue') === 'true')
    return {
      where: { or: [{ reviewDue: { equals: true } }, { knockOn: { exists: true } }] },
      newestFirst: false,
      live: true,
    }
  if (param('overdue') === 'true')
    return {
      where: { and: [inReview, { 'workflow.dueDate': { less_than: new Date().toISOString() } }] },
      newestFirst: false,
    }
  return { where: inReview, newestFirst: false }
}

/** Open threads per document of one collection, in one query. */
async function openThreadCounts(req: PayloadRequest, collection: string, ids: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>()
  if (ids.length === 0) return counts
  const { docs } = await req.payload.find({
    collection: THREADS as 'workflow-comments',
    where: {
      and: [
        { documentCollection: { equals: collection } },
        { documentId: { in: ids } },
        { thread: { exists: false } },
        { resolved: { not_equals: true } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { documentId: true },
  })
  for (const thread of docs) counts.set(thread.documentId, (counts.get(thread.documentId) ?? 0) + 1)
  return counts
}

/**
 * Documents awaiting review across collections, oldest first; `?assigned=me`: those assigned to the
 * caller; `?overdue=true`: those past their due date; `?reviewDue=true`: live documents past their
 * review date; `?mine=true`: the caller's own, any stage.
 */
export const queueEndpoint: Endpoint = {
  path: '/workflow/queue',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to see the review queue.', 401, undefined, true)
    if (!isStaffUser(req.user)) throw new APIError('The review queue is for staff.', 403, undefined, true)
    const { where, newestFirst, live } = queueFilter(req, req.user.id)
    const items: QueueItem[] = []
    for (const collection of workflowCollections(req.payload)) {
      const { docs } = await req.payload.find({
        collection,
        where,
        draft: !live,
        depth: 1,
        limit: 0,
        overrideAccess: true,
        req,
        populate: { users: { email: true, name: true } },
      })
      const threads = await openThreadCounts(
        req,
        collection,
        docs.map((doc) => doc.id as number),
      )
      const required = collectionOptions(req.payload, collection).review.approvals
      for (const doc of docs as unknown as QueueDoc[]) {
        items.push({
          collection,
          id: doc.id,
          title: titleIn(req.payload, collection, doc),
          workflowStage: doc.workflowStage,
          submittedBy: doc.workflow?.submittedBy ?? null,
          submittedAt: doc.workflow?.submittedAt ?? null,
          updatedAt: doc.updatedAt,
          assignees: doc.workflow?.assignees ?? [],
          dueDate: doc.workflow?.dueDate ?? null,
          openThreads: threads.get(doc.id) ?? 0,
          approvals: { count: subjectOf(doc).approvedBy?.length ?? 0, required },
          knockOn: ((doc as { knockOn?: KnockOnFlag[] | null }).knockOn ?? null) as KnockOnFlag[] | null,
        })
      }
    }
    const when = (item: QueueItem) => item.submittedAt ?? item.updatedAt
    items.sort((a, b) => (newestFirst ? when(b).localeCompare(when(a)) : when(a).localeCompare(when(b))))
    return Response.json({ docs: items, totalDocs: items.length })
  },
}
