/**
 * Review dates: a published document of a collection with a review interval is due for review at
 * its `reviewBy` (set when it goes live, renewed by "Still correct"). A scheduled job (every ten
 * minutes, on the job runner) marks the live documents that passed it (`reviewDue: true`, which
 * the API shows and the read cache learns through the table's change trigger) and mails their
 * reviewers once.
 */
import type { Payload, TaskConfig } from 'payload'

import { documentReference, sendEach, workflowMail, type NoticePerson } from './notify'
import { titleIn, type WorkflowCollection, workflowOptions } from './options'
import { SCHEDULE_QUEUE } from './scheduling'

export const REVIEW_DATES_TASK = 'markReviewsDue'

interface DueDocument {
  collection: WorkflowCollection
  id: number
  title: string
  reviewBy: string
}

/** Who checks live content of a collection again: reviewers (with its approver role, if it has one). */
async function reviewersOf(payload: Payload, approverRole: string | undefined): Promise<NoticePerson[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: {
      and: [{ role: { equals: 'reviewer' } }, ...(approverRole ? [{ reviewerRoles: { in: [approverRole] } }] : [])],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((user) => ({ id: user.id, email: user.email, name: user.name }))
}

/** Marks what passed its review date (on the live row only: the drafts are not what readers see). */
export async function markReviewsDue(payload: Payload, now = new Date()): Promise<DueDocument[]> {
  const marked: DueDocument[] = []
  for (const { slug, review } of workflowOptions(payload).collections) {
    if (!review.reviewEveryMonths) continue
    const collection = slug as WorkflowCollection
    const { docs } = await payload.find({
      collection,
      where: {
        and: [
          { _status: { equals: 'published' } },
          { reviewBy: { less_than_equal: now.toISOString() } },
          { reviewDue: { not_equals: true } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const due = (docs as unknown as (Record<string, unknown> & { id: number })[]).map((doc) => ({
      collection,
      id: doc.id,
      title: titleIn(payload, collection, doc),
      reviewBy: String(doc.reviewBy),
    }))
    // The adapter's own update: no hooks, no new version, the live row only; the flag is set once.
    for (const doc of due) await payload.db.updateOne({ collection, id: doc.id, data: { reviewDue: true } })
    const reviewers = await reviewersOf(payload, review.approverRole)
    await sendEach(
      payload,
      due.flatMap((doc) => reviewers.map((reviewer) => reviewDueMail(payload, doc, reviewer))),
      {
        reviewDates: collection,
      },
    )
    marked.push(...due)
  }
  return marked
}

function reviewDueMail(payload: Payload, doc: DueDocument, reviewer: NoticePerson) {
  const { noun, adminUrl } = documentReference(payload, doc.collection, doc.id)
  const lines = [
    `The live ${noun} "${doc.title}" was due for review on ${new Date(doc.reviewBy).toUTCString()}.`,
    'Read it again: if it is still correct, confirm it with "Still correct"; otherwise edit it and send it for review.',
  ]
  return workflowMail(reviewer, `Review due: "${doc.title}"`, lines, adminUrl)
}

export const reviewDatesTask: TaskConfig<{ input: Record<string, never>; output: { marked: number } }> = {
  slug: REVIEW_DATES_TASK,
  label: 'Mark live content that is due for review',
  inputSchema: [],
  outputSchema: [{ name: 'marked', type: 'number', required: true }],
  schedule: [{ cron: '0 */10 * * * *', queue: SCHEDULE_QUEUE }],
  handler: async ({ req }) => ({ output: { marked: (await markReviewsDue(req.payload)).length } }),
}
