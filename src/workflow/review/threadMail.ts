/**
 * Mail about replies in a review thread, batched: the first reply queues one job a minute ahead
 * (in the scheduled-actions queue, run every 10 s), and that job mails everyone in the thread
 * the replies written since the last mail. A busy thread makes one mail a minute, not a flood.
 * The thread's lock orders a reply and the job, so no reply is ever left unmailed.
 */
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest, type TaskConfig } from 'payload'

import type { User, WorkflowComment } from '../../../payload-types'
import { lockDocumentForTransaction } from '../../db/documentLock'
import { documentReference, sendEach, workflowMail, type Mail } from '../notify'
import { titleFieldOf } from '../options'
import { SCHEDULE_QUEUE } from '../scheduling'
import { replyDigests, type Participant, type ThreadComment } from './threadRules'
import { THREADS } from './threads'

export const THREAD_MAIL_TASK = 'workflowThreadMail'
export const THREAD_MAIL_DELAY_MS = 60_000

type ThreadMailIO = { input: { thread: number }; output: { mailed: number } }

/** Under the thread's lock: queue the thread's next mail unless one is already waiting. */
export async function queueThreadMail(req: PayloadRequest, thread: WorkflowComment): Promise<void> {
  if (thread.mailQueued) return
  await req.payload.jobs.queue({
    task: THREAD_MAIL_TASK,
    queue: SCHEDULE_QUEUE,
    waitUntil: new Date(Date.now() + THREAD_MAIL_DELAY_MS),
    input: { thread: thread.id },
    req,
  })
  await req.payload.update({
    collection: THREADS as 'workflow-comments',
    id: thread.id,
    data: { mailQueued: true },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ')

export function composeReplyDigest(
  to: Participant,
  replies: readonly ThreadComment[],
  about: { opening: string; title: string; adminUrl: string },
): Mail {
  const lines = [
    `New ${replies.length === 1 ? 'reply' : 'replies'} in the review thread "${excerpt(about.opening)}" on "${about.title}":`,
    ...replies.flatMap((reply) => [
      '',
      `${reply.authorName} wrote:`,
      ...reply.body.split(/\r?\n/).map((line) => `  ${line}`),
    ]),
  ]
  return workflowMail(to, `Review thread on "${about.title}": ${replies.length} new`, lines, about.adminUrl)
}

/** What the job mails: the replies since the last mail, to everyone in the thread; marks them mailed. */
async function takeUnmailedReplies(req: PayloadRequest, threadId: number) {
  const { payload } = req
  await lockDocumentForTransaction(req, THREADS, threadId)
  const thread = await payload.findByID({
    collection: THREADS as 'workflow-comments',
    id: threadId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!thread) return undefined
  const { docs: comments } = await payload.find({
    collection: THREADS as 'workflow-comments',
    where: { thread: { equals: threadId } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const since = thread.lastMailedAt ?? ''
  const fresh = comments.filter((comment) => comment.createdAt > since)
  await payload.update({
    collection: THREADS as 'workflow-comments',
    id: threadId,
    data: { mailQueued: false, lastMailedAt: fresh.at(-1)?.createdAt ?? thread.lastMailedAt },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { thread, everyone: [thread, ...comments], fresh }
}

const idOf = (value: number | User | null | undefined) =>
  value && typeof value === 'object' ? value.id : (value ?? null)

async function participantsOf(req: PayloadRequest, comments: WorkflowComment[]): Promise<Participant[]> {
  const ids = [...new Set(comments.map((comment) => idOf(comment.author)).filter((id) => id != null))]
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const byId = new Map(docs.map((user) => [user.id, user]))
  return ids.flatMap((id) => {
    const user = byId.get(id as number)
    return user ? [{ id: user.id, email: user.email, name: user.name }] : []
  })
}

export const threadMailTask: TaskConfig<ThreadMailIO> = {
  slug: THREAD_MAIL_TASK,
  label: 'Mail the new replies of a review thread',
  inputSchema: [{ name: 'thread', type: 'number', required: true }],
  outputSchema: [{ name: 'mailed', type: 'number', required: true }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    const ownTransaction = await initTransaction(req)
    let taken: Awaited<ReturnType<typeof takeUnmailedReplies>>
    try {
      taken = await takeUnmailedReplies(req, input.thread)
      if (ownTransaction) await commitTransaction(req)
    } catch (error) {
      if (ownTransaction) await killTransaction(req)
      throw error
    }
    if (!taken || taken.fresh.length === 0) return { output: { mailed: 0 } }
    const { thread, everyone, fresh } = taken
    const { payload } = req
    const collection = thread.documentCollection
    const doc = (await payload.findByID({
      collection: collection as 'articles',
      id: thread.documentId,
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as Record<string, unknown> | null
    const about = {
      opening: thread.body,
      title: String(doc?.[titleFieldOf(payload, collection)] ?? '(deleted)'),
      adminUrl: documentReference(payload, collection, thread.documentId).adminUrl,
    }
    const replies: ThreadComment[] = fresh.map((reply) => ({
      authorId: idOf(reply.author),
      authorName: reply.authorName,
      body: reply.body,
      createdAt: reply.createdAt,
    }))
    const digests = replyDigests(await participantsOf(req, everyone), replies)
    await sendEach(
      payload,
      digests.map(({ to, replies: theirs }) => composeReplyDigest(to, theirs, about)),
      { thread: thread.id },
    )
    return { output: { mailed: digests.length } }
  },
}
