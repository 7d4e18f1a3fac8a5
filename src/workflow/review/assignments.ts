/**
 * Assigning a document in review to reviewers, with an optional due date:
 *   POST /api/<collection>/<id>/assign   { reviewers: [userId, …], due?: ISO date | null }
 * Reviewers and admins assign; the assignees must be able to approve it (the collection's
 * approver role, if any); each newly assigned reviewer gets a mail. The queue's "Assigned to me"
 * and "Overdue" read these fields (endpoints.ts).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import type { User } from '../../../payload-types'
import { isStaffUser } from '../../access/roles'
import { documentId, jsonBody } from '../endpoints'
import type { WorkflowContext } from '../enforce'
import { documentReference, sendEach, workflowMail } from '../notify'
import { collectionOptions, titleIn, type WorkflowCollection, workflowOptions } from '../options'
import { actorOf, fail, idOf, withLockedDocument } from '../perform'
import { STAGE_LABELS } from '../transitions'

/** A team's review rarely needs more; more is a typo or a script. */
const MAX_ASSIGNEES = 10

function reviewerIds(value: unknown): number[] {
  if (!Array.isArray(value) || value.length > MAX_ASSIGNEES)
    throw fail(400, `"reviewers" must be a list of at most ${MAX_ASSIGNEES} user ids (an empty list unassigns).`)
  const ids = value.map((id) => (typeof id === 'number' || /^\d+$/.test(String(id)) ? Number(id) : NaN))
  if (ids.some((id) => !Number.isSafeInteger(id))) throw fail(400, '"reviewers" must hold user ids (numbers).')
  return [...new Set(ids)]
}

function dueDate(value: unknown, now: Date): string | null {
  if (value === undefined || value === null || value === '') return null
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  if (Number.isNaN(time))
    throw fail(400, `"due" must be a date such as "2027-01-31T17:00:00Z" (got ${JSON.stringify(value)}).`)
  if (time <= now.getTime()) throw fail(400, 'The due date has already passed: choose a later one.')
  return new Date(time).toISOString()
}

/** The accounts to assign, each checked: it exists and may approve documents of this collection. */
async function assignable(req: PayloadRequest, collection: WorkflowCollection, ids: number[]): Promise<User[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const { roleOf } = workflowOptions(req.payload)
  const { review, noun } = collectionOptions(req.payload, collection)
  const { approverRole } = review
  return ids.map((id) => {
    const user = docs.find((candidate) => candidate.id === id)
    if (!user) throw fail(400, `There is no user ${id} to assign.`)
    const role = isStaffUser(user) ? roleOf(user) : undefined
    const holdsApproverRole = !approverRole || role === 'admin' || user.reviewerRoles?.includes(approverRole as never)
    if ((role !== 'reviewer' && role !== 'admin') || !holdsApproverRole)
      throw fail(
        400,
        `${user.name?.trim() || user.email} cannot approve this ${noun}, so it cannot be assigned to them.`,
      )
    return user
  })
}

export async function assignReviewers(
  req: PayloadRequest,
  { collection, id, reviewers, due }: { collection: WorkflowCollection; id: number; reviewers: unknown; due?: unknown },
) {
  const actor = actorOf(req, 'assign reviews')
  if (actor.workflow.role === 'writer') throw fail(403, 'Assigning reviews is for reviewers and admins.')
  const users = await assignable(req, collection, reviewerIds(reviewers))
  const dueBy = dueDate(due, new Date())
  const { payload } = req
  const { doc, added } = await withLockedDocument(req, collection, id, async (doc) => {
    if (doc.workflowStage !== 'in_review')
      throw fail(
        409,
        `Only documents in review are assigned; this one is ${STAGE_LABELS[doc.workflowStage ?? 'draft']}.`,
      )
    const before = new Set(
      ((doc.workflow as { assignees?: unknown[] })?.assignees ?? []).map((one) => String(idOf(one as never))),
    )
    const context: WorkflowContext = { workflowRecord: true }
    await payload.update({
      collection,
      id,
      data: { workflow: { ...doc.workflow, assignees: users.map((user) => user.id), dueDate: dueBy } } as never,
      draft: true,
      depth: 0,
      overrideAccess: true,
      context,
      req,
    })
    return { doc, added: users.filter((user) => !before.has(String(user.id)) && user.id !== actor.user.id) }
  })
  const title = titleIn(payload, collection, doc)
  const { adminUrl, noun } = documentReference(payload, collection, id)
  void sendEach(
    payload,
    added.map((user) =>
      workflowMail(
        user,
        `Assigned to you for review: "${title}"`,
        [
          `${actor.user.name?.trim() || actor.user.email} asked you to review the ${noun} "${title}"${dueBy ? `, by ${new Date(dueBy).toUTCString()}` : ''}.`,
        ],
        adminUrl,
      ),
    ),
    { workflow: { collection, id, action: 'assign' } },
  )
  return {
    id,
    assignees: users.map((user) => ({ id: user.id, name: user.name ?? null, email: user.email })),
    dueDate: dueBy,
  }
}

export const assignEndpoint = (collection: WorkflowCollection): Endpoint => ({
  path: '/:id/assign',
  method: 'post',
  handler: async (req) => {
    const body = await jsonBody(req)
    return Response.json(
      await assignReviewers(req, { collection, id: documentId(req), reviewers: body.reviewers, due: body.due }),
    )
  },
})
