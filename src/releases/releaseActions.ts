/**
 * What a release does, each under the release's lock in one transaction: add and remove items,
 * publish every item or none, roll back, cancel. Publishing takes each item through the workflow
 * (writeTransition: the document's lock, the table, four eyes, approved content unchanged), as a
 * single publish would; the first refusal undoes the whole transaction and the release records why.
 */
import { APIError, commitTransaction, initTransaction, killTransaction, NotFound, type PayloadRequest } from 'payload'

import { MAX_RELEASE_ITEMS, type ReleaseState } from '../../collections/Releases'
import type { WorkflowEvent } from '../../payload-types'
import { lockDocumentForTransaction } from '../db/documentLock'
import { documentTag, tagsMadeStaleBy } from '../readCache/tags'
import { isSerialId } from '../security/serialIds'
import { announcePublicChange } from '../workflow/notify'
import { collectionOptions, isWorkflowCollection, titleIn, type WorkflowCollection } from '../workflow/options'
import {
  actorOf,
  fail,
  idOf,
  isApprovedContent,
  latestDraft,
  versionContent,
  writeTransition,
  type Actor,
  type WorkflowDoc,
  type WrittenTransition,
} from '../workflow/perform'
import { sameContent } from '../workflow/effects'
import { readinessOf } from './readiness'
import { decideRelease, type ReleaseAction } from './states'

export const RELEASES = 'releases'

type Id = number | string

export interface ReleaseItemRow {
  id?: string | null
  document: { relationTo: WorkflowCollection; value: number | { id: number } }
  version?: string | null
  addedBy?: number | { id: number } | null
  wasLive?: boolean | null
  liveBefore?: string | null
  publishedVersion?: string | null
}

export interface ReleaseDoc {
  id: number
  title: string
  state: ReleaseState
  publishAt?: string | null
  scheduledBy?: number | { id: number } | null
  createdBy?: number | { id: number } | null
  items?: ReleaseItemRow[] | null
}

/** One item as the release's view and its failure record show it. */
export interface ItemReport {
  collection: WorkflowCollection
  id: number
  title: string
  stage: string | null
  ready: boolean
  reason?: string
}

/** The items as they are recorded, without looking their documents up. */
export const itemsOf = (release: ReleaseDoc) =>
  (release.items ?? []).map((row) => ({
    ...itemOf(row),
    wasLive: row.wasLive ?? null,
    publishedVersion: row.publishedVersion ?? null,
  }))

const itemOf = (row: ReleaseItemRow) => ({
  collection: row.document.relationTo,
  id: Number(idOf(row.document.value as Id | { id: Id })),
})

/** Every write of a release's own fields goes through here: its hooks let nothing else change them. */
export const RELEASE_WRITE = 'releaseWrite'

export async function loadRelease(req: PayloadRequest, id: unknown): Promise<ReleaseDoc> {
  const release = isSerialId(id)
    ? ((await req.payload.findByID({
        collection: RELEASES as 'releases',
        id: Number(id),
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
      })) as unknown as ReleaseDoc | null)
    : null
  if (!release) throw new NotFound(req.t)
  return release
}

/** Runs `work` on the release inside a transaction (the caller's or its own) that holds its lock. */
export async function withLockedRelease<T>(
  req: PayloadRequest,
  id: unknown,
  work: (release: ReleaseDoc) => Promise<T>,
): Promise<T> {
  if (!isSerialId(id)) throw new NotFound(req.t)
  const ownTransaction = await initTransaction(req)
  try {
    await lockDocumentForTransaction(req, RELEASES, id as number | string)
    const result = await work(await loadRelease(req, id))
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

function decided(release: ReleaseDoc, actor: Actor, action: ReleaseAction): ReleaseState {
  const decision = decideRelease(release.state, actor.workflow.role, action)
  if (!decision.allowed) throw fail(decision.status, decision.reason)
  return decision.to
}

async function saveRelease(req: PayloadRequest, id: number, data: Record<string, unknown>): Promise<ReleaseDoc> {
  return (await req.payload.update({
    collection: RELEASES as 'releases',
    id,
    data,
    depth: 0,
    overrideAccess: true,
    context: { [RELEASE_WRITE]: true },
    req,
  })) as unknown as ReleaseDoc
}

/** The release's own line in the audit trail, beside its items' lines. */
async function recordReleaseEvent(
  req: PayloadRequest,
  release: ReleaseDoc,
  actor: Actor,
  { action, from, to, comment }: { action: 'publish' | 'roll_back'; from: string; to: string; comment: string },
) {
  await req.payload.create({
    collection: 'workflow-events',
    data: {
      document: { relationTo: RELEASES, value: release.id },
      documentCollection: RELEASES,
      documentId: release.id,
      release: release.id,
      action,
      from,
      to,
      actor: actor.user.id,
      actorEmail: actor.user.email,
      comment,
    } as unknown as WorkflowEvent,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

const nounOf = (req: PayloadRequest, collection: string) => collectionOptions(req.payload, collection).noun

/** Whether one item could go live now, with the document's title and stage. */
async function reportOn(req: PayloadRequest, row: ReleaseItemRow): Promise<ItemReport> {
  const { collection, id } = itemOf(row)
  const doc = await latestDraft(req, collection, id)
  const readiness = readinessOf(
    {
      doc: doc ? { stage: doc.workflowStage ?? 'draft', approvedVersion: doc.workflow?.approvedVersion ?? null } : null,
      pinnedVersion: row.version ?? null,
      approvedContentUnchanged: doc ? await isApprovedContent(req.payload, req, collection, doc) : false,
    },
    nounOf(req, collection),
  )
  return {
    collection,
    id,
    title: doc ? titleIn(req.payload, collection, doc) : '(deleted)',
    stage: doc?.workflowStage ?? null,
    ready: readiness.ready,
    ...(readiness.ready ? {} : { reason: readiness.reason }),
  }
}

/** Every item with whether it could go live now, and why not. */
export async function readinessReport(req: PayloadRequest, release: ReleaseDoc): Promise<ItemReport[]> {
  const reports: ItemReport[] = []
  for (const row of release.items ?? []) reports.push(await reportOn(req, row))
  return reports
}

type Wanted = { collection: WorkflowCollection; id: number }

const BODY_HELP = 'Send a document as {"collection": "articles", "id": 12}, or several as {"documents": [{…}, {…}]}.'

/** The documents to add: one (`{collection, id}`) or several (`{documents: […]}`). */
function documentsIn(body: unknown): Wanted[] {
  const many = (body as { documents?: unknown } | null)?.documents
  const list = many === undefined ? [body] : many
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_RELEASE_ITEMS) throw fail(400, BODY_HELP)
  return list.map((entry) => {
    const { collection, id } = (entry ?? {}) as { collection?: unknown; id?: unknown }
    if (typeof collection !== 'string' || !isSerialId(id)) throw fail(400, BODY_HELP)
    return { collection: collection as WorkflowCollection, id: Number(id) }
  })
}

/** The new item for one document the person may see, pinned to its approval if it has one. */
async function newItem(req: PayloadRequest, actor: Actor, wanted: Wanted): Promise<ReleaseItemRow> {
  if (!isWorkflowCollection(req.payload, wanted.collection))
    throw fail(
      400,
      `"${wanted.collection}" is not an editorial collection: a release holds articles, techniques, FAQs and myths.`,
    )
  // Whoever may propose items may see the document (the local API on the user's behalf says so).
  const doc = (await req.payload.findByID({
    collection: wanted.collection,
    id: wanted.id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
  })) as WorkflowDoc | null
  if (!doc) throw fail(404, `There is no ${nounOf(req, wanted.collection)} ${wanted.id}.`)
  return {
    document: { relationTo: wanted.collection, value: wanted.id },
    version: doc.workflowStage === 'approved' ? (doc.workflow?.approvedVersion ?? null) : null,
    addedBy: actor.user.id,
  }
}

export async function addItems(req: PayloadRequest, releaseId: unknown, body: unknown): Promise<ReleaseDoc> {
  const actor = actorOf(req, 'change releases')
  const wanted = documentsIn(body)
  return withLockedRelease(req, releaseId, async (release) => {
    decided(release, actor, 'add_item')
    const items = release.items ?? []
    const added: ReleaseItemRow[] = []
    for (const one of wanted) {
      if ([...items, ...added].some((row) => sameItem(row, one)))
        throw fail(409, `That ${nounOf(req, one.collection)} (${one.id}) is already in the release.`)
      added.push(await newItem(req, actor, one))
    }
    if (items.length + added.length > MAX_RELEASE_ITEMS)
      throw fail(409, `A release holds at most ${MAX_RELEASE_ITEMS} documents: start another one.`)
    return saveRelease(req, release.id, { items: [...items.map(keptRow), ...added] })
  })
}

const sameItem = (row: ReleaseItemRow, wanted: { collection: string; id: number }) => {
  const item = itemOf(row)
  return item.collection === wanted.collection && item.id === wanted.id
}

/** A row written back as it was (relationships by id). */
const keptRow = (row: ReleaseItemRow): ReleaseItemRow => ({
  ...row,
  document: { relationTo: row.document.relationTo, value: itemOf(row).id },
  addedBy: (idOf(row.addedBy as Id | { id: Id } | null) as number | null) ?? null,
})

export async function removeItem(
  req: PayloadRequest,
  releaseId: unknown,
  collection: unknown,
  documentId: unknown,
): Promise<ReleaseDoc> {
  const actor = actorOf(req, 'change releases')
  return withLockedRelease(req, releaseId, async (release) => {
    decided(release, actor, 'remove_item')
    const items = release.items ?? []
    const kept = items.filter((row) => !sameItem(row, { collection: String(collection), id: Number(documentId) }))
    if (kept.length === items.length) throw fail(404, 'That document is not in the release.')
    return saveRelease(req, release.id, { items: kept.map(keptRow) })
  })
}

/** An item's refusal, named: the release records it and says which item stopped it. */
class ItemRefused extends Error {
  constructor(
    readonly item: { collection: WorkflowCollection; id: number },
    readonly refusal: APIError,
  ) {
    super(refusal.message)
  }
}

/**
 * Items published side by side on the release's one transaction (as Payload's bulk update does):
 * one item's JavaScript runs while another's query is in the database. A few at a time.
 */
const PUBLISHED_AT_ONCE = 4

/**
 * `work` on every value, `size` at a time, results in order. Every started one finishes before
 * the first failure is thrown: none may still be writing when the caller undoes the transaction.
 */
async function settledInBatches<T, R>(values: T[], size: number, work: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < values.length; start += size) {
    const settled = await Promise.allSettled(values.slice(start, start + size).map(work))
    const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
    if (failed) throw failed.reason
    results.push(...settled.map((outcome) => (outcome as PromiseFulfilledResult<R>).value))
  }
  return results
}

/**
 * The version that was live before `publishedNow` went live: the newest other published version.
 * Asked only of documents that were live, from the live row the publish read anyway.
 */
async function versionLiveBefore(
  req: PayloadRequest,
  item: { collection: WorkflowCollection; id: number },
  publishedNow: string | null | undefined,
) {
  const { docs } = await req.payload.findVersions({
    collection: item.collection,
    where: {
      and: [
        { parent: { equals: item.id } },
        { 'version._status': { equals: 'published' } },
        ...(publishedNow ? [{ id: { not_equals: publishedNow } }] : []),
      ],
    },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : null
}

/**
 * Locks every item's document, in one order for every release (collection, then id): two releases
 * sharing documents then wait for each other instead of each holding one lock the other needs
 * (Postgres would break that deadlock by failing one of them at random).
 */
async function lockItems(req: PayloadRequest, rows: ReleaseItemRow[]) {
  const items = rows.map(itemOf).sort((a, b) => a.collection.localeCompare(b.collection) || a.id - b.id)
  for (const item of items) await lockDocumentForTransaction(req, item.collection, item.id)
}

/** The document's title for a message, or its collection and id when it is gone. */
async function titleOf(req: PayloadRequest, item: { collection: WorkflowCollection; id: number }) {
  const doc = await latestDraft(req, item.collection, item.id)
  const title = doc ? titleIn(req.payload, item.collection, doc) : ''
  return title ? `"${title}"` : `${nounOf(req, item.collection)} ${item.id}`
}

async function throughWorkflow<T>(item: { collection: WorkflowCollection; id: number }, work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if (error instanceof APIError || error instanceof NotFound)
      throw new ItemRefused(item, error instanceof APIError ? error : fail(404, 'The document was deleted.'))
    throw error
  }
}

/** One webhook (and CDN purge) for everything the release changed, with every item's tags. */
async function announceRelease(
  req: PayloadRequest,
  release: ReleaseDoc,
  event: 'publish' | 'unpublish',
  written: { item: { collection: WorkflowCollection; id: number }; transition: WrittenTransition }[],
) {
  for (const { transition } of written) void transition.announce({ webhooks: false })
  const tags = [
    ...new Set([
      documentTag(RELEASES, release.id),
      ...written.flatMap(({ item }) => tagsMadeStaleBy(item.collection, item.id)),
    ]),
  ]
  await announcePublicChange(
    req.payload,
    {
      event,
      collection: RELEASES,
      id: release.id,
      slug: null,
      title: release.title,
      at: new Date().toISOString(),
      documents: written.map(({ item, transition: { title, slug } }) => ({ ...item, title, slug })),
    },
    tags,
  ).catch((err: unknown) =>
    req.payload.logger.error({ err, release: release.id }, 'release webhooks could not be queued'),
  )
}

/**
 * Publishes every item of the release or none. `stillWanted` (a scheduled run) is checked under
 * the release's lock first. On a refusal nothing is published, the release is marked failed with
 * every item's problem, and the answer is 409 with them.
 */
export async function publishRelease(
  req: PayloadRequest,
  releaseId: unknown,
  stillWanted?: (release: ReleaseDoc) => void,
): Promise<ReleaseDoc> {
  const actor = actorOf(req, 'publish releases')
  const ownTransaction = await initTransaction(req)
  let written: Parameters<typeof announceRelease>[3] = []
  try {
    const release = await withLockedRelease(req, releaseId, async (release) => {
      stillWanted?.(release)
      decided(release, actor, 'publish')
      const items = release.items ?? []
      if (items.length === 0) throw fail(409, 'The release has no documents yet: add some before publishing it.')
      const comment = `Published with the release "${release.title}".`
      await lockItems(req, items)
      const published = await settledInBatches(items, PUBLISHED_AT_ONCE, async (row) => {
        const item = itemOf(row)
        const transition = await throughWorkflow(item, () =>
          writeTransition(req, {
            ...item,
            action: 'publish',
            comment,
            byRelease: true,
            release: release.id,
            // The stage and the pinned approval; whether the content is still the approved one, publish checks itself.
            stillWanted: async (doc) => {
              const readiness = readinessOf(
                {
                  doc: { stage: doc.workflowStage ?? 'draft', approvedVersion: doc.workflow?.approvedVersion ?? null },
                  pinnedVersion: row.version ?? null,
                  approvedContentUnchanged: true,
                },
                nounOf(req, item.collection),
              )
              if (!readiness.ready) throw fail(409, readiness.reason)
            },
          }),
        )
        const publishedVersion = transition.result.event.versionId ?? null
        const kept: ReleaseItemRow = {
          ...keptRow(row),
          wasLive: transition.liveBefore !== null,
          liveBefore: transition.liveBefore ? await versionLiveBefore(req, item, publishedVersion) : null,
          publishedVersion,
        }
        return { item, transition, row: kept }
      })
      written = published
      const rows = published.map(({ row }) => row)
      const saved = await saveRelease(req, release.id, {
        state: 'published',
        items: rows,
        outcome: { at: new Date().toISOString(), by: actor.user.id, problems: null },
      })
      await recordReleaseEvent(req, release, actor, {
        action: 'publish',
        from: 'approved',
        to: 'published',
        comment: `Published the release "${release.title}": ${rows.length} document${rows.length === 1 ? '' : 's'} at once.`,
      })
      return saved
    })
    if (ownTransaction) await commitTransaction(req)
    await announceRelease(req, release, 'publish', written)
    return release
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    if (!(error instanceof ItemRefused)) throw error
    throw await recordFailure(req, releaseId, actor, error)
  }
}

/** After a refused publish: the release is marked failed with each item's problem; the error to answer with. */
async function recordFailure(req: PayloadRequest, releaseId: unknown, actor: Actor, refused: ItemRefused) {
  const problems = await withLockedRelease(req, releaseId, async (release) => {
    const reports = await readinessReport(req, release)
    const withRefusal = reports.map((report) =>
      report.collection === refused.item.collection && report.id === refused.item.id
        ? { ...report, ready: false, reason: refused.refusal.message }
        : report,
    )
    const notReady = withRefusal.filter((report) => !report.ready)
    await saveRelease(req, release.id, {
      state: 'failed',
      outcome: { at: new Date().toISOString(), by: actor.user.id, problems: notReady },
    })
    return notReady
  })
  const [first] = problems
  return fail(
    409,
    `Nothing was published: ${problems.length} document${problems.length === 1 ? ' is' : 's are'} not ready. "${first.title}": ${first.reason}`,
    { problems },
  )
}

/**
 * Puts back what was live before the release, all items or none: a document that was live goes
 * back to that version, one that was not goes offline. Refused when an item changed since.
 */
export async function rollBackRelease(req: PayloadRequest, releaseId: unknown): Promise<ReleaseDoc> {
  const actor = actorOf(req, 'roll back releases')
  const ownTransaction = await initTransaction(req)
  const written: Parameters<typeof announceRelease>[3] = []
  try {
    const release = await withLockedRelease(req, releaseId, async (release) => {
      decided(release, actor, 'roll_back')
      const comment = `Rolled back with the release "${release.title}".`
      await lockItems(req, release.items ?? [])
      for (const row of release.items ?? []) {
        const item = itemOf(row)
        const unchangedSinceRelease = async (doc: WorkflowDoc) => {
          const published = await versionContent(
            req.payload,
            req,
            item.collection,
            item.id,
            row.publishedVersion ?? undefined,
          )
          if (!published || !sameContent(published, doc))
            throw fail(
              409,
              `The ${nounOf(req, item.collection)} changed after the release went live: roll it back by hand.`,
            )
        }
        const transition = await throughWorkflow(item, () =>
          writeTransition(req, {
            ...item,
            action: row.wasLive ? 'roll_back' : 'unpublish',
            restoreVersion: row.liveBefore ?? undefined,
            comment,
            byRelease: true,
            release: release.id,
            stillWanted: unchangedSinceRelease,
          }),
        )
        written.push({ item, transition })
      }
      const saved = await saveRelease(req, release.id, {
        state: 'rolled_back',
        outcome: { at: new Date().toISOString(), by: actor.user.id, problems: null },
      })
      await recordReleaseEvent(req, release, actor, {
        action: 'roll_back',
        from: 'published',
        to: 'unpublished',
        comment: `Rolled back the release "${release.title}": what was live before it is live again.`,
      })
      return saved
    })
    if (ownTransaction) await commitTransaction(req)
    await announceRelease(req, release, 'unpublish', written)
    return release
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    if (error instanceof ItemRefused) {
      throw fail(
        error.refusal.status === 404 ? 409 : error.refusal.status,
        `Nothing was rolled back: ${await titleOf(req, error.item)}: ${error.message}`,
        { item: error.item },
      )
    }
    throw error
  }
}

/** Moves the release to another state (cancel, unschedule) after the table allows it. */
export async function moveRelease(
  req: PayloadRequest,
  releaseId: unknown,
  action: Extract<ReleaseAction, 'cancel' | 'unschedule'>,
  alsoUnder?: (release: ReleaseDoc) => Promise<void>,
): Promise<ReleaseDoc> {
  const actor = actorOf(req, 'change releases')
  return withLockedRelease(req, releaseId, async (release) => {
    const to = decided(release, actor, action)
    await alsoUnder?.(release)
    return saveRelease(req, release.id, { state: to, publishAt: null, scheduledBy: null })
  })
}

export { decided as decidedReleaseAction, saveRelease }
