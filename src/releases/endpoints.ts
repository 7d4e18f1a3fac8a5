/**
 * The release's actions over HTTP, under /api/releases/<id>/…: its view (readiness and the actions
 * this person may take), adding and removing items, publishing, scheduling, rolling back and
 * cancelling. Each answers with the release and what became of its items.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { documentId, jsonBody } from '../workflow/endpoints'
import { collectionOptions, titleFieldOf, workflowCollections } from '../workflow/options'
import { actorOf } from '../workflow/perform'
import {
  addItems,
  moveRelease,
  publishRelease,
  itemsOf,
  loadRelease,
  readinessReport,
  removeItem,
  rollBackRelease,
  type ReleaseDoc,
} from './releaseActions'
import { dropScheduledRun, scheduleRelease } from './scheduling'
import { availableReleaseActions, type ReleaseAction } from './states'

const STATES_BEFORE_RELEASE = new Set(['open', 'scheduled', 'failed'])

/** What the release's view shows: the release, each item's readiness, the actions this person may take. */
async function view(req: PayloadRequest, release: ReleaseDoc) {
  const { role } = actorOf(req, 'see releases').workflow
  return Response.json({
    id: release.id,
    title: release.title,
    state: release.state,
    publishAt: release.publishAt ?? null,
    // Readiness is a question before a release goes out; after, the items are listed as they went.
    items: STATES_BEFORE_RELEASE.has(release.state) ? await readinessReport(req, release) : itemsOf(release),
    actions: availableReleaseActions(release.state, role),
    // What the view may offer to add, and how to search each by title.
    collections: workflowCollections(req.payload).map((slug) => ({
      slug,
      noun: collectionOptions(req.payload, slug).noun,
      titleField: titleFieldOf(req.payload, slug),
    })),
  })
}

/** What one action needs besides the release: the document (items), the time (schedule). */
export interface ReleaseActionInput {
  body: unknown
  itemCollection?: unknown
  itemId?: unknown
}

type RunReleaseAction = (req: PayloadRequest, id: unknown, input: ReleaseActionInput) => Promise<ReleaseDoc>

/** Every release action by name: REST (below) and GraphQL (graphql.ts) run these same functions. */
export const RUN_RELEASE_ACTION: Record<ReleaseAction, RunReleaseAction> = {
  add_item: (req, id, { body }) => addItems(req, id, body),
  remove_item: (req, id, { itemCollection, itemId }) => removeItem(req, id, itemCollection, itemId),
  publish: (req, id) => publishRelease(req, id),
  schedule: (req, id, { body }) => scheduleRelease(req, id, (body as { at?: unknown } | null)?.at),
  unschedule: (req, id) => moveRelease(req, id, 'unschedule', (release) => dropScheduledRun(req, release)),
  roll_back: (req, id) => rollBackRelease(req, id),
  cancel: (req, id) =>
    moveRelease(req, id, 'cancel', (release) =>
      release.state === 'scheduled' ? dropScheduledRun(req, release) : Promise.resolve(),
    ),
}

const action = (path: string, method: 'post' | 'delete', name: ReleaseAction): Endpoint => ({
  path,
  method,
  handler: async (req) => {
    const body = method === 'post' ? await jsonBody(req) : {}
    const { itemCollection, itemId } = req.routeParams ?? {}
    return view(req, await RUN_RELEASE_ACTION[name](req, documentId(req), { body, itemCollection, itemId }))
  },
})

export const releaseEndpoints: Endpoint[] = [
  {
    path: '/:id/readiness',
    method: 'get',
    handler: async (req) => {
      actorOf(req, 'see releases')
      // A read: no lock, no transaction.
      return view(req, await loadRelease(req, documentId(req)))
    },
  },
  action('/:id/items', 'post', 'add_item'),
  // Not `:collection`: Payload's own route parameter of that name is the collection of the route.
  action('/:id/items/:itemCollection/:itemId', 'delete', 'remove_item'),
  action('/:id/publish', 'post', 'publish'),
  action('/:id/schedule', 'post', 'schedule'),
  action('/:id/unschedule', 'post', 'unschedule'),
  action('/:id/roll-back', 'post', 'roll_back'),
  action('/:id/cancel', 'post', 'cancel'),
]
