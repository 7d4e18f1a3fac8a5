/**
 * The release's actions over HTTP, under /api/releases/<id>/…: its view (readiness and the actions
 * this person may take), adding and removing items, publishing, scheduling, rolling back and
 * cancelling. Each answers with the release and what became of its items.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { documentId, jsonBody } from '../workflow/endpoints'
import { actorOf } from '../workflow/perform'
import {
  addItem,
  moveRelease,
  publishRelease,
  readinessReport,
  removeItem,
  rollBackRelease,
  withLockedRelease,
  type ReleaseDoc,
} from './releaseActions'
import { dropScheduledRun, scheduleRelease } from './scheduling'
import { availableReleaseActions } from './states'

/** What the release's view shows: the release, each item's readiness, the actions this person may take. */
async function view(req: PayloadRequest, release: ReleaseDoc) {
  const { role } = actorOf(req, 'see releases').workflow
  return Response.json({
    id: release.id,
    title: release.title,
    state: release.state,
    publishAt: release.publishAt ?? null,
    items: await readinessReport(req, release),
    actions: availableReleaseActions(release.state, role),
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
  action('/:id/items', 'post', async (req) => addItem(req, documentId(req), await jsonBody(req))),
  // Not `:collection`: Payload's own route parameter of that name is the collection of the route.
  action('/:id/items/:itemCollection/:itemId', 'delete', (req) =>
    removeItem(req, documentId(req), req.routeParams?.itemCollection, req.routeParams?.itemId),
  ),
  action('/:id/publish', 'post', async (req) => (await publishRelease(req, documentId(req))).release),
  action('/:id/schedule', 'post', async (req) => scheduleRelease(req, documentId(req), (await jsonBody(req)).at)),
  action('/:id/unschedule', 'post', (req) =>
    moveRelease(req, documentId(req), 'unschedule', (release) => dropScheduledRun(req, release)),
  ),
  action('/:id/roll-back', 'post', async (req) => (await rollBackRelease(req, documentId(req))).release),
  action('/:id/cancel', 'post', (req) =>
    moveRelease(req, documentId(req), 'cancel', (release) =>
      release.state === 'scheduled' ? dropScheduledRun(req, release) : Promise.resolve(),
    ),
  ),
]
