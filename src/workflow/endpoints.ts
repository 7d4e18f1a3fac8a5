/**
 * The workflow over HTTP and GraphQL: POST /api/<collection>/<id>/workflow, the GraphQL
 * mutation workflowTransition, and GET /api/workflow/queue. An action sent with `at` is
 * scheduled for that time instead of taken now (scheduling.ts).
 */
import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { isStaffUser } from '../access/roles'
import { availableActions, availableSchedules } from './machine'
import { titleFieldOf, workflowCollections, type WorkflowCollection } from './options'
import { actorOf, performTransition, subjectOf, type WorkflowDoc } from './perform'
import { listScheduled, scheduleTransition } from './scheduling'
import { ACTION_LABELS, scheduleLabel, STAGE_LABELS } from './transitions'

async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = req.json ? await req.json() : {}
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // answered below
  }
  throw new APIError('Send a JSON object such as { "action": "submit" }.', 400, undefined, true)
}

function documentId(req: PayloadRequest): number {
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
    const { workflow: workflowActor } = actorOf(req)
    const doc = (await req.payload.findByID({
      collection,
      id: documentId(req),
      draft: true,
      depth: 1,
      overrideAccess: true,
      req,
      disableErrors: true,
      populate: { users: { email: true, name: true } },
    })) as WorkflowDoc | null
    if (!doc) throw new APIError('No such document.', 404, undefined, true)
    const subject = subjectOf(doc)
    const workflow = (doc.workflow ?? {}) as Record<string, unknown>
    return Response.json({
      id: doc.id,
      workflowStage: subject.stage,
      stageLabel: STAGE_LABELS[subject.stage],
      actions: availableActions(subject, workflowActor).map((action) => ({ action, label: ACTION_LABELS[action] })),
      schedulable: availableSchedules(subject, workflowActor).map((action) => ({
        action,
        label: scheduleLabel(action),
      })),
      scheduled: await listScheduled(req.payload, workflowActor, { collection, id: doc.id }),
      checklist: workflow.checklist ?? [],
      reviewComment: workflow.reviewComment ?? null,
      submittedBy: workflow.submittedBy ?? null,
      submittedAt: workflow.submittedAt ?? null,
      approvedVersion: workflow.approvedVersion ?? null,
    })
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
}

/** What the queue reads of a document (populated with its submitter's name and email). */
type QueueDoc = WorkflowDoc & {
  updatedAt: string
  workflowStage: string
  workflow?: { submittedBy?: unknown; submittedAt?: string | null } | null
}

/** Documents awaiting review across collections, oldest first; `?mine=true`: the caller's own, any stage. */
export const queueEndpoint: Endpoint = {
  path: '/workflow/queue',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to see the review queue.', 401, undefined, true)
    if (!isStaffUser(req.user)) throw new APIError('The review queue is for staff.', 403, undefined, true)
    const mine = req.searchParams.get('mine') === 'true'
    const where: Where = mine ? { author: { equals: req.user.id } } : { workflowStage: { equals: 'in_review' } }
    const items: QueueItem[] = []
    for (const collection of workflowCollections(req.payload)) {
      const { docs } = await req.payload.find({
        collection,
        where,
        draft: true,
        depth: 1,
        limit: 0,
        overrideAccess: true,
        req,
        populate: { users: { email: true, name: true } },
      })
      for (const doc of docs as unknown as QueueDoc[]) {
        items.push({
          collection,
          id: doc.id,
          title: String(doc[titleFieldOf(req.payload, collection)] ?? ''),
          workflowStage: doc.workflowStage,
          submittedBy: doc.workflow?.submittedBy ?? null,
          submittedAt: doc.workflow?.submittedAt ?? null,
          updatedAt: doc.updatedAt,
        })
      }
    }
    const when = (item: QueueItem) => item.submittedAt ?? item.updatedAt
    items.sort((a, b) => (mine ? when(b).localeCompare(when(a)) : when(a).localeCompare(when(b))))
    return Response.json({ docs: items, totalDocs: items.length })
  },
}
