/**
 * Carrying out a workflow action, in this order: lock the document, load it, decide (the table,
 * machine.ts), apply the action's effect (effects.ts), write the new stage and the audit event in
 * one transaction, commit, then notify. The lock means two reviewers acting at once cannot both win.
 */
import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  NotFound,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import type { Article, User, WorkflowEvent } from '../../payload-types'
import { isStaffUser } from '../access/roles'
import { VERSIONS_NEWEST_FIRST } from '../content/versions'
import { liveRowAfterWrite, liveRowOf, shareLiveRow, type LiveRow } from '../content/liveRows'
import { lockDocumentForTransaction } from '../db/documentLock'
import { isSerialId } from '../security/serialIds'
import { computeChecklist, loadHealthClaimPhrases, type ChecklistItem } from './claims'
import {
  applyEffect,
  contentOf,
  approvalsIn,
  editorsIn,
  EFFECTS,
  sameContent,
  unmetRequirements,
  type EffectFacts,
  type Fact,
  type OpenThread,
  type WorkflowGroup,
} from './effects'
import type { WorkflowContext } from './enforce'
import { decide, type WorkflowActor, type WorkflowSubject } from './machine'
import { documentReference, notifyWorkflowTransition, personOf, type NoticePerson } from './notify'
import { collectionOptions, titleIn, type WorkflowCollection, workflowCollections, workflowOptions } from './options'
import { flagDependents, flagsOf } from './knockOn'
import { openThreadsOnVersion, type ThreadState } from './review/threadRules'
import { openThreadOf, openThreadsOf, writeComment } from './review/threads'
import type { Stage } from './transitions'

export interface TransitionRequest {
  collection: WorkflowCollection
  id: number | string
  action: unknown
  comment?: unknown
  acknowledgeClaims?: unknown
  confirmOpenThreads?: unknown
  /**
   * Checked under the document's lock before the decision: throws (an APIError saying why) when
   * the action is no longer wanted, e.g. a scheduled publish whose approval was replaced.
   */
  stillWanted?: (doc: WorkflowDoc) => Promise<void>
  /** Taken by a release (src/releases): its audit events name it, and only it may roll back. */
  byRelease?: boolean
  release?: number
  /** roll_back: the earlier version whose content goes live again. */
  restoreVersion?: string
}

export interface TransitionResult {
  id: number
  workflowStage: Stage
  event: WorkflowEvent
  /** Threads nobody resolved yet: a writer resubmitting sees what is still open. */
  openThreads: OpenThread[]
  /** After an approval: how many the version has, of how many it needs. */
  approvals?: { count: number; required: number }
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
    submittedVersion?: string | null
    checklist?: unknown
    editors?: unknown
    approvals?: unknown
  } | null
  [field: string]: unknown
}

export const idOf = (value: Related): Id | null => (value && typeof value === 'object' ? value.id : (value ?? null))

export const fail = (status: number, message: string, data?: Record<string, unknown>) =>
  new APIError(message, status, data, true)

/** The document as the machine sees it; `openThreads` (when loaded) count on the version in review. */
export function subjectOf(doc: WorkflowDoc, openThreads: ThreadState[] = []): WorkflowSubject {
  const workflow = (doc.workflow ?? {}) as WorkflowGroup
  return {
    stage: doc.workflowStage ?? 'draft',
    authorId: idOf(doc.author),
    submittedBy: idOf(doc.workflow?.submittedBy),
    lastEditedBy: idOf(doc.workflow?.lastEditedBy),
    editors: editorsIn(workflow),
    approvedBy: approvalsIn(workflow).map((approval) => approval.by),
    openThreadsOnSubmittedVersion: openThreadsOnVersion(openThreads, doc.workflow?.submittedVersion),
  }
}

export async function latestVersionId(
  payload: Payload,
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: Id,
): Promise<string | null> {
  const { docs } = await payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: VERSIONS_NEWEST_FIRST,
    limit: 1,
    pagination: false, // no count query: one row is all this asks
    select: { latest: true }, // its id is all this asks: not the document's content
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : null
}

/**
 * The review checklist. It asks about the media and the internal links of this one document: a
 * first pass notes what it asks, then only those documents are looked up (loading every media
 * item and every document's slug made a submit cost hundreds of milliseconds).
 */
async function checklistFor(
  payload: Payload,
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: WorkflowDoc,
): Promise<ChecklistItem[]> {
  const mediaAsked = new Set<string>()
  /** Ids or slugs asked about, by collection: a link names a document by either. */
  const linksAsked = new Map<string, Set<string>>()
  const askLink = (target: string, idOrSlug: unknown) => {
    if (!linksAsked.has(target)) linksAsked.set(target, new Set())
    linksAsked.get(target)!.add(String(idOrSlug))
  }
  const folderAndSlug = (path: string | undefined) => /^\/([\w-]+)\/([\w-]+)\/?$/.exec(path ?? '') ?? []
  const rules = collectionOptions(payload, collection).checklist
  const healthClaimPhrases = loadHealthClaimPhrases()
  computeChecklist({
    rules,
    doc,
    mediaAltText: (mediaId) => void mediaAsked.add(String(mediaId)),
    internalLinkExists: ({ collection: target, id, path }) => {
      const [, folder, slug] = folderAndSlug(path)
      if (target) askLink(target, id)
      else if (folder) askLink(folder, slug)
      return true
    },
    healthClaimPhrases,
  })

  const serialIds = (values: Iterable<string>) => [...values].filter(isSerialId).map(Number)
  const altById = new Map<string, string | null | undefined>()
  if (mediaAsked.size > 0) {
    const { docs } = await payload.find({
      collection: 'media',
      where: { id: { in: serialIds(mediaAsked) } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { alt: true },
    })
    for (const item of docs) altById.set(String(item.id), item.alt)
  }
  const existing = new Map<string, Set<string>>()
  for (const target of workflowCollections(payload)) {
    const asked = linksAsked.get(target)
    if (!asked) continue
    const where: Where = { or: [{ id: { in: serialIds(asked) } }, { slug: { in: [...asked] } }] }
    const { docs } = await payload.find({
      collection: target,
      where,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { slug: true },
    })
    existing.set(target, new Set(docs.flatMap((item) => [String(item.id), String((item as { slug?: unknown }).slug)])))
  }
  return computeChecklist({
    rules,
    doc,
    mediaAltText: (mediaId) => altById.get(String(mediaId)),
    internalLinkExists: ({ collection: target, id, path }) => {
      if (target) return Boolean(existing.get(target)?.has(String(id)))
      const [, folder, slug] = folderAndSlug(path)
      return Boolean(folder && existing.get(folder)?.has(slug))
    },
    healthClaimPhrases,
  })
}

/** The version each document `latestDraft` loaded is: its newest, as long as the document's lock is held. */
const newestVersionRead = new WeakMap<WorkflowDoc, string>()

/** The content of one version of the document (none: the version is not the document's). */
export async function versionContent(
  payload: Payload,
  req: PayloadRequest,
  collection: WorkflowCollection,
  documentId: Id,
  versionId: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!versionId) return undefined
  const version = await payload.findVersionByID({
    collection,
    id: versionId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!version || String(idOf(version.parent as Related)) !== String(documentId)) return undefined
  return contentOf(version.version as unknown as Record<string, unknown>)
}

/** Whether the document's content is exactly what was approved (edits after approval also move the stage back). */
export async function isApprovedContent(
  payload: Payload,
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: WorkflowDoc,
): Promise<boolean> {
  const approvedVersion = doc.workflow?.approvedVersion
  if (!approvedVersion) return false
  // Review steps are recorded on the version in review, so an approved document whose newest
  // version is the approved one holds its content: a later edit or autosave starts a new version.
  if (newestVersionRead.get(doc) === String(approvedVersion)) return true
  const approved = await payload.findVersionByID({
    collection,
    id: approvedVersion,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  return Boolean(approved) && sameContent(approved!.version as unknown as Record<string, unknown>, doc)
}

/** Loads what an effect needs to know, and nothing else. */
async function factsFor(
  needs: readonly Fact[],
  payload: Payload,
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: WorkflowDoc,
  openThreads: OpenThread[],
  request: Pick<TransitionRequest, 'restoreVersion'>,
): Promise<EffectFacts> {
  const facts: EffectFacts = { openThreads }
  if (needs.includes('restoredContent'))
    facts.restoredContent = await versionContent(payload, req, collection, doc.id, request.restoreVersion)
  if (needs.includes('checklist')) facts.checklist = await checklistFor(payload, req, collection, doc)
  if (needs.includes('unmetRequirements'))
    facts.unmetRequirements = unmetRequirements(collectionOptions(payload, collection).requiredToSubmit, doc)
  if (needs.includes('newestVersion')) facts.newestVersion = newestVersionOf(doc)
  if (needs.includes('approvedContentUnchanged'))
    facts.approvedContentUnchanged = await isApprovedContent(payload, req, collection, doc)
  return facts
}

/** The person taking a workflow action, with their role in it (the plugin's roleOf). */
export interface Actor {
  user: User
  workflow: WorkflowActor
}

/** `what` completes "Log in to …" and "Only writers, reviewers and admins …" when the person may not. */
export function actorOf(req: PayloadRequest, what = 'take workflow actions'): Actor {
  const { user } = req
  if (!user) throw fail(401, `Log in to ${what}.`)
  const role = isStaffUser(user) ? workflowOptions(req.payload).roleOf(user) : undefined
  if (!role) throw fail(403, `Only writers, reviewers and admins ${what}.`)
  const reviewerRoles = (user as { reviewerRoles?: string[] | null }).reviewerRoles ?? []
  return { user: user as unknown as User, workflow: { id: user.id, role, reviewerRoles } }
}

/**
 * The document as its newest version has it (what the workflow decides on); null when it is gone
 * (its versions go with it). One query, where findByID with `draft` reads the document and then
 * the version, and the version's id comes with it (a submit and an approval record it). Read from
 * the database adapter as stored, as Payload's own update reads it (getLatestCollectionVersion):
 * the workflow reads with every right anyway, and a workflow record writes the version back whole.
 */
export async function latestDraft(req: PayloadRequest, collection: WorkflowCollection, id: Id) {
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: VERSIONS_NEWEST_FIRST,
    limit: 1,
    pagination: false,
    req,
  })
  const newest = docs[0]
  if (!newest) return null
  const doc = { ...newest.version, id: Number(id) } as WorkflowDoc
  newestVersionRead.set(doc, String(newest.id))
  return doc
}

function newestVersionOf(doc: WorkflowDoc): string {
  const version = newestVersionRead.get(doc)
  if (version === undefined) throw new Error('Only a document loaded by latestDraft knows its newest version.')
  return version
}

/**
 * Writes a transition that changes only the workflow's record of the document (submit, approve,
 * request changes, withdraw…) onto its newest version, in place, as Payload's autosave does. A
 * save would copy unchanged content into a new version: eight statements and every field's hooks,
 * most of a transition's cost, and a version list that grows by one per review step. The audit
 * event keeps the history. The document's lock is held, so `doc`'s version is still the newest.
 * Only the row's time moves: the content's own `updatedAt` stays, so an editor's open copy is not
 * taken for a stale one (editConflicts.ts). The version stops being an autosave one, so that a
 * later autosave starts a new version instead of changing the one submitted or approved.
 */
async function recordOnNewestVersion(
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: WorkflowDoc,
  record: { workflowStage: Stage; workflow: WorkflowGroup },
): Promise<string> {
  const versionId = newestVersionOf(doc)
  await req.payload.db.updateVersion({
    collection,
    id: versionId,
    req,
    returning: false,
    versionData: {
      // Free while the row is there (the adapter upserts); should a concurrent delete have taken the
      // document and its versions, the foreign key fails the transaction instead of leaving a
      // version of nothing.
      parent: doc.id,
      autosave: false,
      updatedAt: new Date().toISOString(),
      // The whole version: the adapter empties an array or a relationship the data leaves out.
      version: { ...doc, ...record },
    } as never,
  })
  return versionId
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
  const ownTransaction = await initTransaction(req)
  try {
    await lockDocumentForTransaction(req, collection, id)
    const doc = await latestDraft(req, collection, id)
    if (!doc) throw new NotFound(req.t)
    const result = await work(doc)
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

/** Saves the transition as a new version (a publish, an unpublish, a roll back); answers its id. */
async function saveTransition(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: Id,
  data: Record<string, unknown>,
  status: 'published' | 'draft' | undefined,
  context: WorkflowContext,
): Promise<string | null> {
  await req.payload.update({
    collection,
    id,
    // Every editorial collection carries the same workflow group (fields.ts).
    data: { ...(data as Partial<Article>), ...(status ? { _status: status } : {}) },
    draft: !status,
    depth: 0,
    overrideAccess: true,
    context,
    req,
  })
  return latestVersionId(req.payload, req, collection, id)
}

/** The audit event of a transition: who did what, from which stage to which, on which version. */
async function recordEvent(
  req: PayloadRequest,
  {
    collection,
    id,
    action,
    from,
    to,
    actor,
    comment,
    checklist,
    release,
    versionId,
  }: {
    collection: WorkflowCollection
    id: Id
    /** The version the transition produced. */
    versionId: string | null
    action: string
    from: Stage
    to: Stage
    actor: User
    comment: string | null
    checklist?: ChecklistItem[]
    release?: number
  },
): Promise<WorkflowEvent> {
  return (await req.payload.create({
    collection: 'workflow-events',
    data: {
      document: { relationTo: collection, value: Number(id) },
      documentCollection: collection,
      documentId: Number(id),
      versionId,
      action: action as WorkflowEvent['action'],
      from,
      to,
      actor: actor.id,
      actorEmail: actor.email,
      comment,
      checklist: checklist ?? null,
      release: release ?? null,
    } as WorkflowEvent,
    depth: 0, // the answer names the actor by id, never with their account data
    overrideAccess: true,
    req,
  })) as WorkflowEvent
}

/** A transition written but not yet announced: the caller commits, then announces it. */
export interface WrittenTransition {
  result: TransitionResult
  /** The document's title and slug, as it was before the transition. */
  title: string
  slug: string | null
  /** The document's live row before the transition (read for approved and published documents only). */
  liveBefore: LiveRow | null
  /** Mails the people involved and, unless told not to, queues the webhooks (a release sends one of its own). */
  announce: (options?: { webhooks?: boolean }) => Promise<void>
}

/**
 * Decides and writes one transition under the document's lock, inside the request's transaction
 * (its own, or the caller's: a release publishes all its items in one). Tells nobody yet.
 */
export async function writeTransition(req: PayloadRequest, request: TransitionRequest): Promise<WrittenTransition> {
  const { payload } = req
  const actor = actorOf(req)
  const { collection, id } = request
  if (request.comment != null && typeof request.comment !== 'string') throw fail(400, '"comment" must be text.')
  const comment = (request.comment as string | undefined)?.trim() || null

  const options = collectionOptions(payload, collection)
  const { doc, decision, from, event, openThreads, live } = await withLockedDocument(
    req,
    collection,
    id,
    async (doc) => {
      await request.stillWanted?.(doc)
      const openThreads = await openThreadsOf(req, collection, doc.id)
      // The live row: what publish replaces (knock-on review compares it), and its knock-on flags.
      const liveStage = doc.workflowStage === 'approved' || doc.workflowStage === 'published'
      const live = liveStage ? await liveRowOf(req, collection, doc.id) : null
      const subject = {
        ...subjectOf(doc, openThreads),
        checkRequested: flagsOf(live).length > 0,
        byRelease: request.byRelease === true,
      }
      const decision = decide(subject, actor.workflow, request.action, comment, options.review)
      if (!decision.allowed) throw fail(decision.status, decision.reason)

      const facts = await factsFor(EFFECTS[decision.action].needs, payload, req, collection, doc, openThreads, request)
      const effect = applyEffect(
        decision.action,
        {
          workflow: (doc.workflow ?? {}) as WorkflowGroup,
          actorId: actor.user.id,
          now: new Date().toISOString(),
          comment,
          acknowledgeClaims: request.acknowledgeClaims === true,
          confirmOpenThreads: request.confirmOpenThreads === true,
          to: decision.to,
          reviewEveryMonths: options.review.reviewEveryMonths,
          facts,
        },
        options.noun,
      )
      if (!effect.ok) throw fail(effect.refusal.status, effect.refusal.reason, effect.refusal.data)

      const { workflow, status, checklist, openThread, fields, content } = effect.result
      const context: WorkflowContext = { workflowTransition: { action: decision.action, to: decision.to } }
      // The document's lock is held: its live row cannot change but by this write, whose hooks
      // (images of live pages, slug redirects) and the knock-on review below share one read of it.
      // A draft save leaves the row alone, and its hooks know it (liveRows.ts): nothing to share.
      const sharedLiveRow = status
        ? shareLiveRow(req, collection, doc.id, liveStage ? live : await liveRowOf(req, collection, doc.id))
        : undefined
      let event: WorkflowEvent
      try {
        const record = { workflowStage: decision.to, workflow }
        const versionId =
          !status && !content && !fields
            ? await recordOnNewestVersion(req, collection, doc, record)
            : await saveTransition(req, collection, id, { ...content, ...record, ...fields }, status, context)
        event = await recordEvent(req, {
          collection,
          id,
          versionId,
          action: decision.action,
          from: subject.stage,
          to: decision.to,
          actor: actor.user,
          comment,
          checklist,
          release: request.release,
        })
        // Only a document that was live can have changed under the documents that embed it.
        if (live && (decision.action === 'publish' || decision.action === 'roll_back')) {
          const nowLive = await liveRowAfterWrite(req, req.context, collection, doc.id)
          if (nowLive) await flagDependents(req, collection, live, nowLive)
        }
      } finally {
        sharedLiveRow?.forget()
      }
      if (openThread) {
        const thread = await writeComment(req, {
          collection,
          documentId: doc.id,
          versionId: (workflow.submittedVersion as string | null) ?? event.versionId ?? null,
          body: openThread,
          author: actor.user,
        })
        openThreads.push(openThreadOf(thread))
      }
      return { doc, decision, from: subject.stage, event, openThreads, live }
    },
  )

  const { user } = actor
  const title = titleIn(payload, collection, doc)
  const announce = async ({ webhooks = true }: { webhooks?: boolean } = {}) =>
    notifyWorkflowTransition(
      payload,
      {
        collection,
        ...documentReference(payload, collection, Number(id)),
        documentId: Number(id),
        title,
        slug: doc.slug,
        action: decision.action,
        from,
        to: decision.to,
        actor: personOf(user),
        submitter: await submitterOf(payload, doc, decision.action === 'submit' ? user : null),
        comment,
        approvals: decision.approvals,
      },
      { webhooks },
    )
  const result: TransitionResult = {
    id: Number(id),
    workflowStage: decision.to,
    event,
    openThreads,
    ...(decision.approvals ? { approvals: decision.approvals } : {}),
  }
  return {
    result,
    title,
    slug: doc.slug ?? null,
    liveBefore: live,
    announce,
  }
}

export async function performTransition(req: PayloadRequest, request: TransitionRequest): Promise<TransitionResult> {
  const { result, announce } = await writeTransition(req, request)
  void announce()
  return result
}

/** Who submitted the version in review: whoever submits it now, else the person the document names. */
export async function submitterOf(
  payload: Payload,
  doc: WorkflowDoc,
  submittingNow: User | null,
): Promise<NoticePerson | null> {
  if (submittingNow) return personOf(submittingNow)
  const submitterId = idOf(doc.workflow?.submittedBy)
  if (submitterId == null) return null
  const user = (await payload.findByID({
    collection: 'users',
    id: submitterId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as User | null
  return user ? personOf(user) : null
}
