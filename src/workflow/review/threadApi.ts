/**
 * Review threads over HTTP (and, through the same functions, GraphQL: graphql.ts):
 *   GET  /api/<collection>/<id>/threads        the document's threads with their replies
 *   POST /api/<collection>/<id>/threads        { body, field? }: open a thread on the version under review
 *   POST /api/workflow-comments/<id>/replies   { body }: reply (a reply reopens a resolved thread)
 *   POST /api/workflow-comments/<id>/resolve   { resolved?: boolean }: resolve (default) or reopen
 * The rules are threadRules.ts; the generic create/update/delete of the collection refuse everyone.
 */
import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'

import type { User, WorkflowComment } from '../../../payload-types'
import { lockDocumentForTransaction } from '../../db/documentLock'
import { documentId, jsonBody } from '../endpoints'
import { collectionOptions, type WorkflowCollection } from '../options'
import { actorOf, fail, idOf, latestVersionId, withLockedDocument, type Actor } from '../perform'
import { queueThreadMail } from './threadMail'
import { bodyRefusal, commentRefusal, resolveRefusal, threadVersionFor, type ThreadRefusal } from './threadRules'
import { THREADS, writeComment } from './threads'

const refuseIf = (refusal: ThreadRefusal | undefined) => {
  if (refusal) throw fail(refusal.status, refusal.reason)
}

const WHAT = 'take part in review threads'

export interface ThreadView {
  id: number
  body: string
  field: string | null
  versionId: string | null
  author: string
  authorId: number | null
  createdAt: string
  resolved: boolean
  resolvedBy: number | null
  resolvedAt: string | null
  replies: { id: number; body: string; author: string; authorId: number | null; createdAt: string }[]
}

const userId = (value: number | User | null | undefined) => idOf(value) as number | null

/** Fields a thread may be about: the collection's own named top-level fields. */
function checkedField(req: PayloadRequest, collection: WorkflowCollection, field: unknown): string | null {
  if (field === undefined || field === null || field === '') return null
  const names = req.payload.collections[collection].config.fields.flatMap((candidate) =>
    'name' in candidate && !candidate.name.startsWith('workflow') ? [candidate.name] : [],
  )
  if (typeof field !== 'string' || !names.includes(field))
    throw fail(
      400,
      `"field" must be one of the ${collectionOptions(req.payload, collection).noun}'s fields: ${names.join(', ')}.`,
    )
  return field
}

export async function startThread(
  req: PayloadRequest,
  { collection, id, body, field }: { collection: WorkflowCollection; id: number; body: unknown; field?: unknown },
): Promise<WorkflowComment> {
  const actor = actorOf(req, WHAT)
  refuseIf(bodyRefusal(body))
  const aboutField = checkedField(req, collection, field)
  return withLockedDocument(req, collection, id, async (doc) => {
    refuseIf(commentRefusal(actor.workflow, idOf(doc.author)))
    const newest = await latestVersionId(req.payload, req, collection, id)
    return writeComment(req, {
      collection,
      documentId: id,
      versionId: threadVersionFor(doc.workflowStage ?? 'draft', doc.workflow?.submittedVersion, newest),
      field: aboutField,
      body: body as string,
      author: actor.user,
    })
  })
}

/** Runs `work` on a thread's first comment while holding the thread's lock, in one transaction. */
async function withLockedThread<T>(
  req: PayloadRequest,
  threadId: unknown,
  work: (thread: WorkflowComment, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(req, WHAT)
  if (typeof threadId !== 'number' && !/^\d+$/.test(String(threadId)))
    throw fail(404, `"${threadId}" is not a thread id.`)
  const id = Number(threadId)
  const ownTransaction = await initTransaction(req)
  try {
    await lockDocumentForTransaction(req, THREADS, id)
    const comment = await req.payload.findByID({
      collection: THREADS as 'workflow-comments',
      id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    if (!comment) throw fail(404, `There is no review thread ${id}.`)
    if (comment.thread != null)
      throw fail(400, `Comment ${id} is a reply: reply to or resolve its thread ${idOf(comment.thread)} instead.`)
    const result = await work(comment, actor)
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

async function documentAuthor(req: PayloadRequest, thread: WorkflowComment) {
  const doc = (await req.payload.findByID({
    collection: thread.documentCollection as WorkflowCollection,
    id: thread.documentId,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
    select: { author: true },
  })) as { author?: number | User | null } | null
  if (!doc) throw fail(404, 'The document of this thread no longer exists.')
  return idOf(doc.author)
}

export const replyToThread = (req: PayloadRequest, threadId: unknown, body: unknown) =>
  withLockedThread(req, threadId, async (thread, actor) => {
    refuseIf(bodyRefusal(body))
    refuseIf(commentRefusal(actor.workflow, await documentAuthor(req, thread)))
    const reply = await writeComment(req, {
      collection: thread.documentCollection,
      documentId: thread.documentId,
      versionId: thread.versionId ?? null,
      field: thread.field,
      body: body as string,
      author: actor.user,
      thread: thread.id,
    })
    // Answering a resolved thread means it is not settled after all.
    if (thread.resolved) await writeResolved(req, thread.id, false, actor)
    await queueThreadMail(req, thread)
    return reply
  })

function writeResolved(req: PayloadRequest, id: number, resolved: boolean, actor: Actor) {
  return req.payload.update({
    collection: THREADS as 'workflow-comments',
    id,
    data: resolved
      ? { resolved, resolvedBy: actor.user.id, resolvedAt: new Date().toISOString() }
      : { resolved, resolvedBy: null, resolvedAt: null },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

export const setThreadResolved = (req: PayloadRequest, threadId: unknown, resolved: unknown = true) =>
  withLockedThread(req, threadId, async (thread, actor) => {
    if (typeof resolved !== 'boolean') throw fail(400, '"resolved" must be true (resolve) or false (reopen).')
    refuseIf(resolveRefusal(actor.workflow, userId(thread.author)))
    return writeResolved(req, thread.id, resolved, actor)
  })

/** A document's threads, oldest first, each with its replies. */
export async function threadsOf(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: number,
): Promise<ThreadView[]> {
  actorOf(req, WHAT)
  const { docs } = await req.payload.find({
    collection: THREADS as 'workflow-comments',
    where: { and: [{ documentCollection: { equals: collection } }, { documentId: { equals: id } }] },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { replies: false, mailQueued: false, lastMailedAt: false },
  })
  const view = (comment: WorkflowComment) => ({
    id: comment.id,
    body: comment.body,
    author: comment.authorName,
    authorId: userId(comment.author),
    createdAt: comment.createdAt,
  })
  const roots = docs.filter((comment) => comment.thread == null)
  return roots.map((root) => ({
    ...view(root),
    field: root.field ?? null,
    versionId: root.versionId ?? null,
    resolved: Boolean(root.resolved),
    resolvedBy: userId(root.resolvedBy),
    resolvedAt: root.resolvedAt ?? null,
    replies: docs.filter((comment) => idOf(comment.thread) === root.id).map(view),
  }))
}

export const documentThreadEndpoints = (collection: WorkflowCollection): Endpoint[] => [
  {
    path: '/:id/threads',
    method: 'get',
    handler: async (req) => Response.json({ docs: await threadsOf(req, collection, documentId(req)) }),
  },
  {
    path: '/:id/threads',
    method: 'post',
    handler: async (req) => {
      const body = await jsonBody(req)
      const thread = await startThread(req, { collection, id: documentId(req), body: body.body, field: body.field })
      return Response.json({ doc: thread }, { status: 201 })
    },
  },
]

export const threadEndpoints: Endpoint[] = [
  {
    path: '/:id/replies',
    method: 'post',
    handler: async (req) => {
      const body = await jsonBody(req)
      return Response.json({ doc: await replyToThread(req, req.routeParams?.id, body.body) }, { status: 201 })
    },
  },
  {
    path: '/:id/resolve',
    method: 'post',
    handler: async (req) => {
      const body = await jsonBody(req)
      return Response.json({ doc: await setThreadResolved(req, req.routeParams?.id, body.resolved ?? true) })
    },
  },
]
