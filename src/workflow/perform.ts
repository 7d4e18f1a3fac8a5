/**
 * Carrying out a workflow action: check it with the state machine, write the new stage (and,
 * for publish/unpublish, the public status), record the audit event, then notify. The write
 * and the event share one transaction, and the document is locked for its duration so two
 * reviewers acting at once cannot both win.
 */
import { sql } from '@payloadcms/db-postgres'
import { APIError, commitTransaction, initTransaction, killTransaction, NotFound, type Payload, type PayloadRequest } from 'payload'

import type { User, WorkflowEvent } from '../../payload-types'
import { isStaffUser } from '../access/roles'
import { lockDocumentForTransaction } from '../db/documentLock'
import { computeChecklist, hasHealthClaims, loadHealthClaimPhrases, type ChecklistItem } from './claims'
import type { WorkflowContext } from './enforce'
import { decide, type WorkflowRole, type WorkflowSubject } from './machine'
import { notifyWorkflowTransition } from './notify'
import type { Action, Stage } from './transitions'

export const WORKFLOW_COLLECTIONS = ['articles', 'techniques', 'faqs', 'myths'] as const
export type WorkflowCollection = (typeof WORKFLOW_COLLECTIONS)[number]

export const isWorkflowCollection = (value: unknown): value is WorkflowCollection =>
  WORKFLOW_COLLECTIONS.includes(value as WorkflowCollection)

export interface TransitionRequest {
  collection: WorkflowCollection
  id: number | string
  action: unknown
  comment?: unknown
  acknowledgeClaims?: unknown
  /**
   * Checked under the document's lock before the decision: throws (an APIError saying why) when
   * the action is no longer wanted, e.g. a scheduled publish whose approval was replaced.
   */
  stillWanted?: (doc: WorkflowDoc) => Promise<void>
}

export interface TransitionResult {
  id: number
  workflowStage: Stage
  event: WorkflowEvent
}

type Id = number | string
type Related = Id | { id: Id } | null | undefined

export interface WorkflowDoc {
  id: number
  slug?: string | null
  author?: Related
  workflowStage?: Stage | null
  workflow?: {
    submittedBy?: Related
    lastEditedBy?: Related
    approvedVersion?: string | null
    checklist?: unknown
  } | null
  [field: string]: unknown
}

/** The field that titles a document, as the collection declares it (editorialCollection's titleField). */
export const titleFieldOf = (payload: Payload, collection: WorkflowCollection): string =>
  payload.collections[collection].config.admin.useAsTitle ?? 'id'

export const idOf = (value: Related): Id | null => (value && typeof value === 'object' ? value.id : (value ?? null))

export const fail = (status: number, message: string, data?: Record<string, unknown>) => new APIError(message, status, data, true)

export function subjectOf(doc: WorkflowDoc): WorkflowSubject {
  return {
    stage: doc.workflowStage ?? 'draft',
    authorId: idOf(doc.author),
    submittedBy: idOf(doc.workflow?.submittedBy),
    lastEditedBy: idOf(doc.workflow?.lastEditedBy),
  }
}

interface SqlRunner {
  execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }>
}

/** The database session of the request's transaction, for the few statements Payload has no API for. */
export async function transactionSql(req: PayloadRequest): Promise<SqlRunner> {
  const sessions = (req.payload.db as unknown as { sessions: Record<string, { db: SqlRunner }> }).sessions
  const session = req.transactionID ? sessions[String(await req.transactionID)] : undefined
  if (!session) throw new Error('this workflow step must run in a transaction')
  return session.db
}


async function latestVersionId(payload: Payload, req: PayloadRequest, collection: WorkflowCollection, id: Id): Promise<string | null> {
  const { docs } = await payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : null
}

async function checklistFor(payload: Payload, req: PayloadRequest, collection: WorkflowCollection, doc: WorkflowDoc): Promise<ChecklistItem[]> {
  const { docs: media } = await payload.find({ collection: 'media', limit: 0, depth: 0, overrideAccess: true, req, select: { alt: true } })
  const altById = new Map(media.map((item) => [String(item.id), item.alt]))
  const slugs = new Map<string, Set<string>>()
  for (const target of WORKFLOW_COLLECTIONS) {
    const { docs } = await payload.find({ collection: target, limit: 0, depth: 0, overrideAccess: true, req, select: { slug: true } })
    slugs.set(target, new Set(docs.flatMap((item) => [String(item.id), String(item.slug)])))
  }
  return computeChecklist({
    collection,
    doc,
    mediaAltText: (mediaId) => altById.get(String(mediaId)),
    internalLinkExists: ({ collection: target, id, path }) => {
      if (target) return Boolean(slugs.get(target)?.has(String(id)))
      const [, folder, slug] = /^\/([\w-]+)\/([\w-]+)\/?$/.exec(path ?? '') ?? []
      return Boolean(folder && slugs.get(folder)?.has(slug))
    },
    healthClaimPhrases: loadHealthClaimPhrases(),
  })
}

/** Fields that record the workflow rather than the content. */
const NOT_CONTENT = new Set(['id', 'workflow', 'workflowStage', '_status', 'updatedAt', 'createdAt', 'publishedAt'])

const contentOf = (doc: Record<string, unknown>) =>
  JSON.stringify(Object.keys(doc).filter((key) => !NOT_CONTENT.has(key)).sort().map((key) => [key, doc[key]]))

/** Edits after approval move the stage back to draft; this also compares the content itself. */
async function isApprovedContent(payload: Payload, req: PayloadRequest, collection: WorkflowCollection, doc: WorkflowDoc): Promise<boolean> {
  const approvedVersion = doc.workflow?.approvedVersion
  if (!approvedVersion) return false
  const approved = await payload.findVersionByID({ collection, id: approvedVersion, depth: 0, overrideAccess: true, req, disableErrors: true })
  return Boolean(approved) && contentOf(approved!.version as unknown as Record<string, unknown>) === contentOf(doc)
}

/** What each action writes besides the stage, and whether it changes the public version. */
async function changesFor(
  action: Action,
  { payload, req, collection, doc, actor, comment, acknowledgeClaims }: {
    payload: Payload; req: PayloadRequest; collection: WorkflowCollection; doc: WorkflowDoc; actor: User; comment: string | null; acknowledgeClaims: boolean
  },
): Promise<{ workflow: Record<string, unknown>; status?: 'published' | 'draft'; checklist?: ChecklistItem[] }> {
  const now = new Date().toISOString()
  const workflow = { ...(doc.workflow ?? {}) }
  switch (action) {
    case 'submit': {
      const checklist = await checklistFor(payload, req, collection, doc)
      return { workflow: { ...workflow, submittedBy: actor.id, submittedAt: now, reviewComment: null, checklist }, checklist }
    }
    case 'withdraw':
      return { workflow: { ...workflow, submittedBy: null, submittedAt: null } }
    case 'request_changes':
      return { workflow: { ...workflow, reviewComment: comment } }
    case 'approve': {
      const claims = ((workflow.checklist ?? []) as ChecklistItem[]).filter((item) => item.kind === 'health_claim')
      if (hasHealthClaims(claims) && !acknowledgeClaims) {
        throw fail(409, `This ${collection.replace(/s$/, '')} contains possible health claims. Check them and approve again with "acknowledgeClaims": true.`, { claims })
      }
      // The version the reviewer saw; publish checks that exactly this content goes live.
      const reviewedVersion = await latestVersionId(payload, req, collection, doc.id)
      return { workflow: { ...workflow, approvedBy: actor.id, approvedAt: now, approvedVersion: reviewedVersion } }
    }
    case 'publish': {
      if (!(await isApprovedContent(payload, req, collection, doc))) {
        throw fail(409, 'The content changed after it was approved: it needs a new review before it can be published.')
      }
      return { workflow, status: 'published' }
    }
    case 'unpublish':
      return { workflow, status: 'draft' }
  }
}

export function actorOf(user: PayloadRequest['user']): User {
  if (!user) throw fail(401, 'Log in to take workflow actions.')
  if (!isStaffUser(user)) throw fail(403, 'Only writers, reviewers and admins take workflow actions.')
  return user as unknown as User
}

/**
 * Runs `work` on the document (its latest draft) inside a transaction that holds the document's
 * lock, so that transitions, schedules and cancellations on one document happen one at a time.
 */
export async function withLockedDocument<T>(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: Id,
  work: (doc: WorkflowDoc) => Promise<T>,
): Promise<T> {
  const { payload } = req
  const ownTransaction = await initTransaction(req)
  try {
    await lockDocumentForTransaction(req, collection, id)
    const doc = (await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true })) as WorkflowDoc | null
    if (!doc) throw new NotFound(req.t)
    const result = await work(doc)
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

export async function performTransition(req: PayloadRequest, request: TransitionRequest): Promise<TransitionResult> {
  const { payload } = req
  const actor = actorOf(req.user)
  const { collection, id } = request
  if (request.comment != null && typeof request.comment !== 'string') throw fail(400, '"comment" must be text.')
  const comment = (request.comment as string | undefined)?.trim() || null

  const { doc, decision, from, event } = await withLockedDocument(req, collection, id, async (doc) => {
    await request.stillWanted?.(doc)
    const decision = decide(subjectOf(doc), { id: actor.id, role: actor.role as WorkflowRole }, request.action, comment)
    if (!decision.allowed) throw fail(decision.status, decision.reason)

    const from = subjectOf(doc).stage
    const changes = await changesFor(decision.action, { payload, req, collection, doc, actor, comment, acknowledgeClaims: request.acknowledgeClaims === true })
    const context: WorkflowContext = { workflowTransition: { action: decision.action, to: decision.to } }
    await payload.update({
      collection,
      id,
      data: { workflowStage: decision.to, workflow: changes.workflow, ...(changes.status ? { _status: changes.status } : {}) } as never,
      draft: !changes.status,
      depth: 0,
      overrideAccess: true,
      context,
      req,
    })
    const versionId = await latestVersionId(payload, req, collection, id)
    const event = await payload.create({
      collection: 'workflow-events',
      data: {
        document: { relationTo: collection, value: Number(id) },
        documentCollection: collection,
        documentId: Number(id),
        versionId,
        action: decision.action,
        from,
        to: decision.to,
        actor: actor.id,
        actorEmail: actor.email,
        comment,
        checklist: changes.checklist ?? null,
      },
      depth: 0, // the answer names the actor by id, never with their account data
      overrideAccess: true,
      req,
    })
    return { doc, decision, from, event }
  })

  void notifyWorkflowTransition(payload, {
    collection,
    documentId: Number(id),
    title: String(doc[titleFieldOf(payload, collection)] ?? ''),
    slug: doc.slug,
    action: decision.action,
    from,
    to: decision.to,
    actor: { id: actor.id, email: actor.email, name: actor.name },
    submitter: await submitterOf(payload, doc, decision.action === 'submit' ? actor.id : null),
    comment,
  })
  return { id: Number(id), workflowStage: decision.to, event: event as WorkflowEvent }
}

export async function submitterOf(payload: Payload, doc: WorkflowDoc, submittedNow: Id | null) {
  const submitterId = submittedNow ?? idOf(doc.workflow?.submittedBy)
  if (submitterId == null) return null
  const user = (await payload.findByID({ collection: 'users', id: submitterId, depth: 0, overrideAccess: true, disableErrors: true })) as User | null
  return user ? { id: user.id, email: user.email, name: user.name } : null
}
