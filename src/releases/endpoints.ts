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
  readinessReport,
  removeItem,
  rollBackRelease,
  withLockedRelease,
  type ReleaseDoc,
} from './releaseActions'
import { dropScheduledRun, scheduleRelease } from './scheduling'
import { availableReleaseActions } from './states'

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

const action = (
  path: string,
  method: 'post' | 'delete',
  run: (req: PayloadRequest) => Promise<ReleaseDoc>,
): Endpoint => ({
  path,
  method,
  handler: async (req) => view(req, await run(req)),
})

export const releaseEndpoints: Endpoint[] = [
  {
    path: '/:id/readiness',
    method: 'get',
    handler: async (req) => {
      actorOf(req, 'see releases')
      return view(req, await withLockedRelease(req, documentId(req), async (release) => release))
    },
  },
  action('/:id/items', 'post', async (req) => addItems(req, documentId(req), await jsonBody(req))),
  // Not `:collection`: Payload's own route parameter of that name is the collection of the route.
  action('/:id/items/:itemCollection/:itemId', 'delete', (req) =>
    removeItem(req, documentId(req), req.routeParams?.itemCollection, req.routeParams?.itemId),
  ),
  action('/:id/publish', 'post', async (req) => publishRelease(req, documentId(req))),
  action('/:id/schedule', 'post', async (req) => scheduleRelease(req, documentId(req), (await jsonBody(req)).at)),
  action('/:id/unschedule', 'post', (req) =>
    moveRelease(req, documentId(req), 'unschedule', (release) => dropScheduledRun(req, release)),
  ),
  action('/:id/roll-back', 'post', async (req) => rollBackRelease(req, documentId(req))),
  action('/:id/cancel', 'post', (req) =>
    moveRelease(req, documentId(req), 'cancel', (release) =>
      release.state === 'scheduled' ? dropScheduledRun(req, release) : Promise.resolve(),
    ),
  ),
]
