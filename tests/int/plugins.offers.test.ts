/**
 * Proof that the editorial collections are named once: a config with one more editorial
 * collection, `offers`, passed to the plugins (payload.config.ts's EDITORIAL plus one entry) and
 * nothing else, gets the whole workflow: published-only reads, transitions over REST and GraphQL,
 * four eyes, the audit trail, the review queue and read-cache invalidation. Its tables come from
 * Payload's schema push on a database of its own (the project's migrations know no offers).
 */
import { configToSchema } from '@payloadcms/graphql'
import { pushDevSchema } from '@payloadcms/drizzle'
import { graphql } from 'graphql'
import { createLocalReq, getPayload, handleEndpoints, type CollectionConfig } from 'payload'

import { Articles } from '../../collections/Articles'
import { Faqs } from '../../collections/Faqs'
import { Myths } from '../../collections/Myths'
import { Techniques } from '../../collections/Techniques'
import { EDITORIAL, spaCmsConfig } from '../../payload.config'
import { loadSettings } from '../../src/config'
import { closePayload } from '../../src/db/payloadLifecycle'
import { planGraphqlRequest, planRestRequest } from '../../src/readCache/cachePlan'
import { newReadCacheScope, runInReadCacheScope } from '../../src/readCache/requestScope'
import { use, useOwnDatabase } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

/** A throwaway editorial collection: fields only, as a collection file declares them. */
const Offers: CollectionConfig = {
  slug: 'offers',
  admin: { useAsTitle: 'name' },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'details', type: 'richText' },
    { name: 'price', type: 'number' },
  ],
}

const CACHE_KEY = 'offers-test'
const database = useOwnDatabase('offers')

/** The project's config with one more editorial collection, on its own database with the offers tables pushed. */
const offersCms = use(
  'the CMS with offers',
  async () => {
    const config = await spaCmsConfig({
      settings: { ...loadSettings(), databaseUrl: database.url },
      contentCollections: [Articles, Techniques, Faqs, Myths, Offers],
      editorial: { ...EDITORIAL, offers: {} },
    })
    const payload = await getPayload({ config, key: CACHE_KEY })
    // The offers tables (and its columns in shared tables) exist only in this database.
    await pushDevSchema(payload.db as unknown as Parameters<typeof pushDevSchema>[0])
    return { config, payload }
  },
  ({ payload }) => closePayload(payload),
)

const tokens = use('writer and reviewers of offers', async () => {
  await account('admin') // the first account becomes an admin
  return {
    writer: await account('writer'),
    reviewer: await account('reviewer'),
    otherReviewer: await account('reviewer'),
  }
})

async function account(role: 'admin' | 'writer' | 'reviewer'): Promise<string> {
  const email = uniqueEmail(`offers-${role}`)
  const { payload } = offersCms
  await payload.create({ collection: 'users', data: { email, password: TEST_PASSWORD, role }, overrideAccess: true })
  const { token } = await payload.login({ collection: 'users', data: { email, password: TEST_PASSWORD } })
  return token as string
}

/** A REST request through Payload's own handler, as the server routes /api/*. */
async function rest(method: string, path: string, who?: keyof typeof tokens, body?: unknown) {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (who) headers.set('authorization', `JWT ${tokens[who]}`)
  const url = new URL(`http://localhost/api${path}`)
  const request = new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const response = await handleEndpoints({
    config: offersCms.config,
    path: url.pathname,
    request,
    payloadInstanceCacheKey: CACHE_KEY,
  })
  return { status: response.status, body: await response.json() }
}

it('gives the throwaway collection the whole workflow', async () => {
  const { config, payload } = offersCms
  // Published-only reads: anonymous readers never see the draft.
  const created = await rest('POST', '/offers', 'writer', { name: 'Hot stone winter offer', price: 89 })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  expect(created.body.doc).toMatchObject({ slug: 'hot-stone-winter-offer', workflowStage: 'draft' })
  expect((await rest('GET', `/offers/${id}`)).status).toBe(404)
  expect((await rest('GET', '/offers')).body.totalDocs).toBe(0)

  // Going public directly is refused, as for every editorial collection.
  const direct = await rest('PATCH', `/offers/${id}`, 'writer', { _status: 'published' })
  expect(direct.status).toBe(403)

  // Transitions over REST, and the review queue.
  expect((await rest('POST', `/offers/${id}/workflow`, 'writer', { action: 'submit' })).body.workflowStage).toBe(
    'in_review',
  )
  const queue = await rest('GET', '/workflow/queue', 'reviewer')
  expect(queue.body.docs).toContainEqual(
    expect.objectContaining({ collection: 'offers', id, title: 'Hot stone winter offer' }),
  )

  // Four eyes: a reviewer who edited the version may not approve it.
  expect(
    (
      await rest('POST', `/offers/${id}/workflow`, 'reviewer', {
        action: 'request_changes',
        comment: 'Add the price per hour.',
      })
    ).status,
  ).toBe(200)
  expect((await rest('PATCH', `/offers/${id}?draft=true`, 'reviewer', { price: 95 })).status).toBe(200)
  expect((await rest('POST', `/offers/${id}/workflow`, 'reviewer', { action: 'submit' })).status).toBe(200)
  const ownApproval = await rest('POST', `/offers/${id}/workflow`, 'reviewer', { action: 'approve' })
  expect(ownApproval.status).toBe(403)
  expect(ownApproval.body.errors[0].message).toMatch(/needs a second person/)

  // The GraphQL mutation knows the new collection.
  const { schema } = configToSchema(config)
  const otherReviewer = (
    await payload.find({
      collection: 'users',
      where: { role: { equals: 'reviewer' } },
      sort: '-id',
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]
  const req = await createLocalReq({ user: { ...otherReviewer, collection: 'users' } }, payload)
  const approved = await graphql({
    schema,
    source:
      'mutation($id: ID!) { workflowTransition(collection: "offers", id: $id, action: "approve", confirmOpenThreads: true) { workflowStage } }',
    variableValues: { id: String(id) },
    contextValue: { req },
  })
  expect(approved.errors).toBeUndefined()
  expect(approved.data).toEqual({ workflowTransition: { workflowStage: 'approved' } })

  // Publishing invalidates what the read cache holds of offers; the cache plans offers reads.
  const scope = newReadCacheScope()
  const published = await runInReadCacheScope(scope, () =>
    rest('POST', `/offers/${id}/workflow`, 'otherReviewer', { action: 'publish' }),
  )
  expect(published.body.workflowStage).toBe('published')
  expect([...scope.changes]).toEqual(expect.arrayContaining([`doc:offers:${id}`, 'list:offers']))
  expect(planRestRequest('GET', '/api/offers', new URLSearchParams())).toMatchObject({
    cache: true,
    tags: ['list:offers'],
  })
  expect(planGraphqlRequest('POST', { query: '{ Offers { docs { name } } countOffers { totalDocs } }' })).toMatchObject(
    { cache: true, tags: ['list:offers'] },
  )

  // Now public, with the price the reviewers approved.
  expect((await rest('GET', `/offers/${id}`)).body).toMatchObject({ name: 'Hot stone winter offer', price: 95 })

  // The audit trail has every step, kept under the offer.
  const { docs: events } = await payload.find({
    collection: 'workflow-events',
    where: { documentCollection: { equals: 'offers' } },
    sort: 'createdAt',
    overrideAccess: true,
  })
  expect(events.map((event) => event.action)).toEqual(['submit', 'request_changes', 'submit', 'approve', 'publish'])
  expect(events.every((event) => event.documentId === id)).toBe(true)
})
