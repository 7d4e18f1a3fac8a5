/**
 * The CDN purge job (src/cdnPurge) against a real HTTP receiver standing in for a CDN's purge
 * endpoint that fails twice before it answers: queued on publish and unpublish with the webhooks'
 * tags, sent with the configured secret header, retried until it gets through, and never queued
 * for other workflow actions.
 */
import { randomBytes } from 'node:crypto'

import { documentReference, notifyWorkflowTransition, type WorkflowNotice } from '../../src/workflow/notify'
import { waitFor } from '../helpers/receivers'
import { useEnv, useLocalPayload, useOwnDatabase, useWebhookReceiver } from '../helpers/suite'

const PURGE_KEY = `purge-${randomBytes(12).toString('hex')}`
const cdn = useWebhookReceiver({ failFirst: 2 })
const site = useWebhookReceiver()
// A database of its own: this Payload runs the webhooks' queue, which must not take (and, with
// receivers of its own, cancel) the jobs of test files running beside it on the run's database.
const database = useOwnDatabase('cdn_purge')
// settings() reads these once, when payload.config is first loaded by useLocalPayload().
useEnv(() => ({
  DATABASE_URL: database.url,
  CDN_PURGE_URL: cdn.url,
  CDN_PURGE_HEADER: 'Fastly-Key',
  CDN_PURGE_SECRET: PURGE_KEY,
  WEBHOOK_URLS: site.url,
  WEBHOOK_SECRET: randomBytes(16).toString('hex'),
}))
const payload = useLocalPayload()

/** Document ids of our own, far from any real row: the purge never reads the document. */
let nextDocumentId = 910_000_000 + Math.floor(Math.random() * 1_000_000)

function notice(action: WorkflowNotice['action'], collection = 'articles'): WorkflowNotice {
  const documentId = nextDocumentId++
  return {
    collection,
    ...documentReference(payload, collection, documentId),
    documentId,
    title: `Purged ${documentId}`,
    slug: null,
    action,
    from: 'approved',
    to: action === 'publish' ? 'published' : 'draft',
    actor: { id: 1, email: 'reviewer@spa.test' },
  }
}

const purgesOf = (tag: string) => cdn.requests.filter((request) => request.body.includes(`"${tag}"`))
const attemptsOf = (tag: string) => cdn.attempts.filter((request) => request.body.includes(`"${tag}"`))

it.each(['publish', 'unpublish'] as const)(
  'purges the tags of the %s, with the secret header, retried until the CDN answers',
  async (action) => {
    const published = notice(action, action === 'publish' ? 'articles' : 'techniques')
    const tag = `doc:${published.collection}:${published.documentId}`
    await notifyWorkflowTransition(payload, published)
    const purge = await waitFor(`the purge of ${tag}`, () => purgesOf(tag)[0], 30_000)
    // A notice without the slug: every lookup by slug of the collection goes.
    const stale = [tag, `list:${published.collection}`, `lookups:${published.collection}`]
    expect(JSON.parse(purge.body)).toEqual({ tags: stale })
    expect(purge.headers['surrogate-key']).toBe(stale.join(' '))
    expect(purge.headers['fastly-key']).toBe(PURGE_KEY)
    expect(purge.headers['content-type']).toBe('application/json')
    // Two refusals, then the same delivery again.
    const attempts = attemptsOf(tag)
    expect(attempts).toHaveLength(3)
    expect(new Set(attempts.map((attempt) => attempt.headers['x-spa-cms-delivery'])).size).toBe(1)
    // The same tags as the site's webhook.
    const webhook = await waitFor('the webhook', () => site.requests.find((request) => request.body.includes(tag)))
    expect(JSON.parse(webhook.body).tags).toEqual(JSON.parse(purge.body).tags)
  },
)

/** Purge jobs queued since a moment (earlier tests' jobs are deleted as they complete, so no totals). */
const purgeJobsSince = async (since: Date) =>
  (
    await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'purgeCdnTags' } }, { createdAt: { greater_than_equal: since } }] },
      overrideAccess: true,
    })
  ).totalDocs

it('purges nothing for workflow actions that change nothing public', async () => {
  const since = new Date()
  const submitted = notice('submit')
  const approved = notice('approve')
  await notifyWorkflowTransition(payload, submitted)
  await notifyWorkflowTransition(payload, approved)
  expect(await purgeJobsSince(since)).toBe(0)
  for (const { documentId } of [submitted, approved]) expect(attemptsOf(`doc:articles:${documentId}`)).toHaveLength(0)
})
