/**
 * Releases (src/releases) over HTTP against the real server: a writer proposes items, a reviewer
 * publishes every item or none; a stale item stops the whole release and is named; a rollback
 * puts back what was live before; a schedule fires through the job runner with nobody calling it;
 * and nothing about a release changes through Payload's own API except its title and description.
 */
import { request as httpRequest } from 'node:http'

import type { ReleaseDoc } from '../../src/releases/releaseActions'
import { SCHEDULE_QUEUE } from '../../src/workflow/scheduling'
import { anonymously, asUser, TITLE_FIELD, type ContentCollection } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import {
  useCleanup,
  useEnv,
  useFixtures,
  useLocalPayload,
  useOwnDatabase,
  useServer,
  useSmtpReceiver,
  useUsers,
  useWebhookReceiver,
} from '../helpers/suite'

// A database of its own: this file's job runner must take its own scheduled releases only, and
// never another file's scheduled publishes (whose tests check which runner ran them).
const database = useOwnDatabase('releases')
useEnv(() => ({ DATABASE_URL: database.url }))
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const smtp = useSmtpReceiver()
const site = useWebhookReceiver()
// The job runner on: the scheduled release must go live with nobody calling a job.
const http = httpClient(
  useServer({
    env: () => ({
      DATABASE_URL: database.url,
      JOBS_RUNNER: 'on',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      WEBHOOK_URLS: site.url,
      WEBHOOK_SECRET: 'releases-test-webhook-secret',
    }),
  }),
)
// The admin first: the first account of a database becomes an admin whatever it asks for.
const people = useUsers(
  fixtures,
  { admin: 'admin', writer: 'writer', reviewer: 'reviewer' },
  { label: 'releases', http },
)

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`
const releaseIds: number[] = []

useCleanup('the releases', () =>
  payload.delete({ collection: 'releases', where: { id: { in: releaseIds } }, overrideAccess: true }),
)

async function newRelease(title = `Hot stone season ${stamp()}`, who = 'writer'): Promise<number> {
  const { status, body } = await http.post('/api/releases', { title, description: 'The winter campaign' }, who)
  expect(status).toBe(201)
  releaseIds.push(body.doc.id)
  return body.doc.id
}

async function addItems(release: number, items: { collection: ContentCollection; id: number }[], who = 'writer') {
  for (const item of items) {
    const { status, body } = await http.post(`/api/releases/${release}/items`, item, who)
    expect({ status, body: status === 200 ? 'ok' : body }).toEqual({ status: 200, body: 'ok' })
  }
}

/** What an anonymous visitor sees of a document: its public title, or null when it is not live. */
async function publicTitle(collection: ContentCollection, id: number): Promise<string | null> {
  const { docs } = await payload.find({ collection, where: { id: { equals: id } }, depth: 0, ...anonymously })
  return docs[0] ? String((docs[0] as unknown as Record<string, unknown>)[TITLE_FIELD[collection]]) : null
}

const releaseRow = async (id: number) =>
  (await payload.findByID({ collection: 'releases', id, depth: 0, overrideAccess: true })) as unknown as ReleaseDoc

async function campaign() {
  const s = stamp()
  return [
    { collection: 'articles' as const, id: (await fixtures.approved('articles', `Hot stones explained ${s}`)).id },
    { collection: 'techniques' as const, id: (await fixtures.approved('techniques', `Hot stone ${s}`)).id },
    { collection: 'faqs' as const, id: (await fixtures.approved('faqs', `Are the stones hot ${s}`)).id },
  ]
}

describe('publishing', () => {
  it('a writer proposes, a reviewer publishes every item at once, audited per item and for the release', async () => {
    const items = await campaign()
    const release = await newRelease()
    await addItems(release, items)
    for (const item of items) expect(await publicTitle(item.collection, item.id)).toBeNull()

    const byWriter = await http.post(`/api/releases/${release}/publish`, {}, 'writer')
    expect(byWriter.status).toBe(403)
    expect(byWriter.body.errors[0].message).toMatch(/for reviewers, admins/)

    const { status, body } = await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')
    expect(status).toBe(200)
    expect(body.state).toBe('published')
    for (const item of items) expect(await publicTitle(item.collection, item.id)).not.toBeNull()

    const { docs: events } = await payload.find({
      collection: 'workflow-events',
      where: { release: { equals: release } },
      depth: 0,
      limit: 10,
      overrideAccess: true,
    })
    expect(events.map((event) => `${event.documentCollection}:${event.action}`).sort()).toEqual(
      ['articles:publish', 'faqs:publish', 'releases:publish', 'techniques:publish'].sort(),
    )
    expect(
      events.every(
        (event) => event.actor === people.reviewer.id || (event.actor as { id?: number })?.id === people.reviewer.id,
      ),
    ).toBe(true)
    const saved = await releaseRow(release)
    expect(saved.items?.map((row) => [row.wasLive, Boolean(row.publishedVersion)])).toEqual(
      items.map(() => [false, true]),
    )
    // Done is done: a second publish is refused.
    expect((await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')).status).toBe(409)
  })

  it('one item edited after its approval: nothing is published, the release failed and says which and why', async () => {
    const items = await campaign()
    const release = await newRelease()
    await addItems(release, items)
    // The technique is edited after approval (as the admin would save it: a draft).
    await payload.update({
      collection: 'techniques',
      id: items[1].id,
      data: { summary: 'Changed after the approval' },
      draft: true,
      ...asUser(people.reviewer),
    })
    const { status, body } = await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')
    expect(status).toBe(409)
    expect(body.errors[0].message).toMatch(/^Nothing was published: 1 document is not ready/)
    for (const item of items) expect(await publicTitle(item.collection, item.id)).toBeNull()
    const saved = (await releaseRow(release)) as ReleaseDoc & {
      outcome: { problems: { id: number; reason: string }[] }
    }
    expect(saved.state).toBe('failed')
    expect(saved.outcome.problems).toEqual([
      expect.objectContaining({
        collection: 'techniques',
        id: items[1].id,
        reason: expect.stringMatching(/draft|edited/i),
      }),
    ])
    const { totalDocs: published } = await payload.count({
      collection: 'workflow-events',
      where: { release: { equals: release } },
      overrideAccess: true,
    })
    expect(published).toBe(0)
    // The readiness view says the same before anyone tries again.
    const view = await http.get(`/api/releases/${release}/readiness`, 'writer')
    expect(view.body.items.map((item: { ready: boolean }) => item.ready)).toEqual([true, false, true])
    expect(view.body.actions).toEqual(['add_item', 'remove_item'])
    // Mended: the stale item leaves the release, and the rest goes live.
    expect((await http.delete(`/api/releases/${release}/items/techniques/${items[1].id}`, 'writer')).status).toBe(200)
    expect((await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')).status).toBe(200)
    expect(await publicTitle('articles', items[0].id)).not.toBeNull()
    expect(await publicTitle('techniques', items[1].id)).toBeNull()
  })

  it('tells the sites once for the whole release, with every item’s cache tags, and never item by item', async () => {
    const [article, technique] = await campaign()
    const release = await newRelease()
    await addItems(release, [article, technique])
    expect((await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')).status).toBe(200)
    const itemTags = [`doc:articles:${article.id}`, `doc:techniques:${technique.id}`]
    const webhook = await waitFor('the release webhook', () =>
      site.requests.find((request) => request.body.includes(`"doc:releases:${release}"`)),
    )
    const body = JSON.parse(webhook.body)
    expect(body).toMatchObject({ event: 'publish', collection: 'releases', id: release })
    expect(body.documents.map((document: { id: number }) => document.id)).toEqual([article.id, technique.id])
    expect(body.tags).toEqual(expect.arrayContaining([...itemTags, 'list:articles', 'list:techniques']))
    // The documents' own publishes sent nothing of their own.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const mentioning = site.requests.filter((request) => itemTags.some((tag) => request.body.includes(`"${tag}"`)))
    expect(mentioning).toHaveLength(1)
  })

  it('the same actions through GraphQL, with the same rules', async () => {
    const [article, technique] = await campaign()
    const release = await newRelease()
    const add = (item: { collection: string; id: number }) =>
      `mutation { releaseAction(id: ${release}, action: "add_item", collection: "${item.collection}", document: ${item.id}) { state items } }`
    expect((await http.graphql(add(article), 'writer')).body.data.releaseAction).toEqual({ state: 'open', items: 1 })
    expect((await http.graphql(add(technique), 'writer')).body.data.releaseAction.items).toBe(2)
    const publish = `mutation { releaseAction(id: ${release}, action: "publish") { state } }`
    const byWriter = await http.graphql(publish, 'writer')
    expect(byWriter.body.errors[0].message).toMatch(/for reviewers, admins/)
    expect(await publicTitle('articles', article.id)).toBeNull()
    const unknown = await http.graphql(
      `mutation { releaseAction(id: ${release}, action: "publish_all") { state } }`,
      'admin',
    )
    expect(unknown.body.errors[0].message).toMatch(/Unknown release action/)
    expect((await http.graphql(publish)).body.errors[0].message).toMatch(/Log in/)
    expect((await http.graphql(publish, 'reviewer')).body.data.releaseAction).toEqual({ state: 'published' })
    expect(await publicTitle('articles', article.id)).not.toBeNull()
    expect(await publicTitle('techniques', technique.id)).not.toBeNull()
  })

  it('refuses bad items with a clear 4xx: unknown collection, missing document, twice the same', async () => {
    const release = await newRelease()
    const [article] = await campaign()
    expect((await http.post(`/api/releases/${release}/items`, { collection: 'users', id: 1 }, 'writer')).status).toBe(
      400,
    )
    expect(
      (await http.post(`/api/releases/${release}/items`, { collection: 'articles', id: '1 OR 1=1' }, 'writer')).status,
    ).toBe(400)
    expect(
      (await http.post(`/api/releases/${release}/items`, { collection: 'articles', id: 2_000_000_000 }, 'writer'))
        .status,
    ).toBe(404)
    await addItems(release, [article])
    const twice = await http.post(`/api/releases/${release}/items`, article, 'writer')
    expect(twice.status).toBe(409)
    expect(twice.body.errors[0].message).toMatch(/already in the release/)
    expect((await http.post(`/api/releases/${release}/items`, article)).status).toBe(401)
    expect((await http.post(`/api/releases/abc/items`, article, 'writer')).status).toBe(404)
  })
})

/** The public list of `collection` limited to `ids`, as an anonymous visitor reads it (through the read cache). */
async function publicCount(collection: ContentCollection, ids: number[]): Promise<number> {
  const where = ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')
  const { status, body } = await http.get(`/api/${collection}?${where}&depth=0&limit=100`)
  expect(status).toBe(200)
  return body.totalDocs
}

/** `path` sent exactly as written (fetch would tidy dot segments and case). */
function sendAsWritten(method: string, path: string, who?: string) {
  const { hostname, port } = new URL(http.baseUrl)
  return new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const request = httpRequest(
      {
        host: hostname,
        port,
        path,
        method,
        headers: { ...http.credentials(who), 'content-type': 'application/json', 'content-length': 2 },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }))
      },
    )
    request.once('error', reject)
    request.end('{}')
  })
}

describe('publishing, as visitors and other releases see it', () => {
  it('a visitor never sees half a campaign: every read shows none of it or all of it', async () => {
    const s = stamp()
    const faqs: number[] = []
    const techniques: number[] = []
    for (let index = 0; index < 8; index++) {
      faqs.push((await fixtures.approved('faqs', `Campaign question ${index} ${s}`)).id)
      techniques.push((await fixtures.approved('techniques', `Campaign stone ${index} ${s}`)).id)
    }
    const release = await newRelease()
    const documents = [
      ...faqs.map((id) => ({ collection: 'faqs', id })),
      ...techniques.map((id) => ({ collection: 'techniques', id })),
    ]
    expect((await http.post(`/api/releases/${release}/items`, { documents }, 'writer')).status).toBe(200)
    // Both lists are in the read cache before the release goes live.
    expect([await publicCount('faqs', faqs), await publicCount('techniques', techniques)]).toEqual([0, 0])

    const seen: [number, number][] = []
    let publishing = true
    const publish = http
      .post(`/api/releases/${release}/publish`, {}, 'reviewer')
      .finally(() => setTimeout(() => (publishing = false), 300))
    while (publishing) seen.push([await publicCount('faqs', faqs), await publicCount('techniques', techniques)])
    expect((await publish).status).toBe(200)

    // Each list shows none or all; once the FAQs are live, the techniques read right after are too.
    expect(seen.every(([faq, technique]) => [0, 8].includes(faq) && [0, 8].includes(technique))).toBe(true)
    const firstLive = seen.findIndex(([faq]) => faq === 8)
    expect(firstLive).toBeGreaterThanOrEqual(0)
    expect(seen.slice(firstLive).every((pair) => pair[1] === 8)).toBe(true)
    expect(seen.at(-1)).toEqual([8, 8])
  })

  it('two releases sharing documents, published at the same moment: one goes live, the other is refused whole (no deadlock)', async () => {
    const s = stamp()
    const shared: { collection: ContentCollection; id: number }[] = []
    for (let index = 0; index < 6; index++)
      shared.push({ collection: 'faqs', id: (await fixtures.approved('faqs', `Shared question ${index} ${s}`)).id })
    const first = await newRelease(`First of two ${s}`)
    const second = await newRelease(`Second of two ${s}`)
    // The same documents, in opposite orders.
    expect((await http.post(`/api/releases/${first}/items`, { documents: shared }, 'writer')).status).toBe(200)
    expect(
      (await http.post(`/api/releases/${second}/items`, { documents: [...shared].reverse() }, 'writer')).status,
    ).toBe(200)
    const answers = await Promise.all(
      [first, second].map((release) => http.post(`/api/releases/${release}/publish`, {}, 'reviewer')),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    const refused = answers.find((answer) => answer.status === 409)!
    expect(refused.body.errors[0].message).toMatch(/^Nothing was published: 6 documents are not ready/)
    const states = [(await releaseRow(first)).state, (await releaseRow(second)).state].sort()
    expect(states).toEqual(['failed', 'published'])
    expect(
      await publicCount(
        'faqs',
        shared.map((item) => item.id),
      ),
    ).toBe(6)
  })
})

describe('the publish route, however it is spelled', () => {
  // One open release with one approved document serves every spelling: none may publish it.
  let release: number
  beforeAll(async () => {
    release = await newRelease()
    await addItems(release, (await campaign()).slice(0, 1))
  })

  it.each([
    '/api/releases/{id}/publish/',
    '/api//releases/{id}/publish',
    '/api/releases/./{id}/publish',
    '/api/releases/x/../{id}/publish',
    '/api/releases/{encodedId}/publish',
    '/api/releases/{id}/%70ublish',
    '/api/releases/{id}%2Fpublish',
    '/API/releases/{id}/publish',
    '/api/Releases/{id}/PUBLISH',
    '/api/releases/{id}/publish;reviewer',
    '/api/releases/{id}/publish?as=reviewer',
    '/api/releases/{id}/publish%00',
  ])('no spelling of the publish route lets a writer or an anonymous caller publish: %s', async (shape) => {
    const text = String(release)
    // {encodedId}: the id's first digit %-encoded (12 → %312).
    const path = shape.replace('{id}', text).replace('{encodedId}', `%3${text[0]}${text.slice(1)}`)
    for (const who of ['writer', undefined]) {
      const { status, location } = await sendAsWritten('POST', path, who)
      // Refused, or sent to the one canonical address (where the same rules refuse it).
      const refused = status >= 400 && status < 500
      const redirected = [307, 308].includes(status) && location === `/api/releases/${release}/publish`
      expect({ who, status, answered: refused || redirected }).toEqual({ who, status, answered: true })
    }
    expect((await releaseRow(release)).state).toBe('open')
  })
})

describe('a release of 200 documents', () => {
  it('goes live whole, with an audit event for each (the time is printed, not asserted: bench/release.ts measures it)', async () => {
    const s = stamp()
    const collections = ['articles', 'techniques', 'faqs', 'myths'] as const
    // Made eight at a time: the fixtures are not what this measures.
    const items: { collection: ContentCollection; id: number }[] = []
    for (let start = 0; start < 200; start += 8) {
      const batch = Array.from({ length: 8 }, (_, offset) => start + offset)
      items.push(
        ...(await Promise.all(
          batch.map(async (index) => {
            const collection = collections[index % collections.length]
            return { collection, id: (await fixtures.approved(collection, `Season item ${index} ${s}`)).id }
          }),
        )),
      )
    }
    const release = await newRelease()
    const added = await http.post(`/api/releases/${release}/items`, { documents: items }, 'writer')
    expect(added.status).toBe(200)
    expect(added.body.items).toHaveLength(200)
    expect(added.body.items.every((item: { ready: boolean }) => item.ready)).toBe(true)
    const started = performance.now()
    const { status } = await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')
    console.log(`a release of 200 documents went live in ${Math.round(performance.now() - started)} ms`)
    expect(status).toBe(200)
    for (const collection of collections) {
      const ids = items.filter((item) => item.collection === collection).map((item) => item.id)
      const { totalDocs } = await payload.count({ collection, where: { id: { in: ids } }, ...anonymously })
      expect(totalDocs).toBe(50)
    }
    const { totalDocs: events } = await payload.count({
      collection: 'workflow-events',
      where: { release: { equals: release } },
      overrideAccess: true,
    })
    expect(events).toBe(201)
  }, 240_000)
})

describe('rolling back', () => {
  it('puts back the version live before the release, and takes offline what was not live', async () => {
    const s = stamp()
    const updated = await fixtures.approved('techniques', `Hot stone v2 ${s}`, { publishedText: `Hot stone v1 ${s}` })
    const added = await fixtures.approved('faqs', `New FAQ ${s}`)
    const release = await newRelease()
    await addItems(release, [
      { collection: 'techniques', id: updated.id },
      { collection: 'faqs', id: added.id },
    ])
    expect(await publicTitle('techniques', updated.id)).toBe(`Hot stone v1 ${s}`)
    expect((await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')).status).toBe(200)
    expect(await publicTitle('techniques', updated.id)).toBe(`Hot stone v2 ${s}`)
    expect(await publicTitle('faqs', added.id)).toBe(`New FAQ ${s}`)

    expect((await http.post(`/api/releases/${release}/roll-back`, {}, 'writer')).status).toBe(403)
    const { status, body } = await http.post(`/api/releases/${release}/roll-back`, {}, 'reviewer')
    expect({ status, message: body.errors?.[0]?.message }).toEqual({ status: 200, message: undefined })
    expect(body.state).toBe('rolled_back')
    expect(await publicTitle('techniques', updated.id)).toBe(`Hot stone v1 ${s}`)
    expect(await publicTitle('faqs', added.id)).toBeNull()
    const { docs: events } = await payload.find({
      collection: 'workflow-events',
      where: { and: [{ release: { equals: release } }, { action: { in: ['roll_back', 'unpublish'] } }] },
      depth: 0,
      overrideAccess: true,
    })
    expect(events.map((event) => `${event.documentCollection}:${event.action}`).sort()).toEqual([
      'faqs:unpublish',
      'releases:roll_back',
      'techniques:roll_back',
    ])
  })

  it('is refused whole when an item changed after the release went live', async () => {
    const [article, technique] = await campaign()
    const release = await newRelease()
    await addItems(release, [article, technique])
    expect((await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')).status).toBe(200)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { excerpt: 'A new draft after the release' },
      draft: true,
      ...asUser(people.reviewer),
    })
    const { status, body } = await http.post(`/api/releases/${release}/roll-back`, {}, 'reviewer')
    expect(status).toBe(409)
    const { title } = await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true })
    // Named as the team knows it, by its title.
    expect(body.errors[0].message).toBe(
      `Nothing was rolled back: "${title}": The article changed after the release went live: roll it back by hand.`,
    )
    expect(await publicTitle('techniques', technique.id)).not.toBeNull()
    expect((await releaseRow(release)).state).toBe('published')
  })

  it('the roll back action cannot be taken on a document directly', async () => {
    const live = await fixtures.published('articles', `Direct ${stamp()}`)
    const { status, body } = await http.act('articles', live.id, 'roll_back', 'reviewer')
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/only by rolling back the release/)
  })
})

describe('scheduling', () => {
  it('a scheduled release goes live by itself at its time', async () => {
    const items = await campaign()
    const release = await newRelease()
    await addItems(release, items)
    const at = new Date(Date.now() + 3_000).toISOString()
    expect((await http.post(`/api/releases/${release}/schedule`, { at }, 'writer')).status).toBe(403)
    const scheduled = await http.post(`/api/releases/${release}/schedule`, { at }, 'reviewer')
    expect(scheduled.status).toBe(200)
    expect(scheduled.body.state).toBe('scheduled')
    // Scheduled means frozen: items change after unscheduling.
    expect((await http.delete(`/api/releases/${release}/items/faqs/${items[2].id}`, 'writer')).status).toBe(409)
    await waitFor(
      'the scheduled release',
      async () => ((await releaseRow(release)).state === 'published' ? true : undefined),
      40_000,
    )
    for (const item of items) expect(await publicTitle(item.collection, item.id)).not.toBeNull()
  })

  it('a scheduled release whose item went stale does not go live: it failed, says why, and its scheduler gets a mail', async () => {
    const items = await campaign()
    const release = await newRelease(`Stale season ${stamp()}`)
    await addItems(release, items)
    const at = new Date(Date.now() + 2_000).toISOString()
    expect((await http.post(`/api/releases/${release}/schedule`, { at }, 'reviewer')).status).toBe(200)
    await payload.update({
      collection: 'faqs',
      id: items[2].id,
      data: { question: 'Edited after it was scheduled?' },
      draft: true,
      ...asUser(people.reviewer),
    })
    await waitFor(
      'the failed release',
      async () => ((await releaseRow(release)).state === 'failed' ? true : undefined),
      40_000,
    )
    for (const item of items) expect(await publicTitle(item.collection, item.id)).toBeNull()
    const { title } = await releaseRow(release)
    const mail = await waitFor('the mail to the scheduler', () =>
      smtp.mailsTo(people.reviewer.email).find((entry) => entry.subject === `Scheduled release failed: "${title}"`),
    )
    expect(mail.text).toMatch(/did not go live:\s+Nothing was published: 1 document is not ready/)
    expect(mail.text).toContain(`/admin/collections/releases/${release}`)
  })

  it('unscheduling removes the run: the time passes and nothing goes live', async () => {
    const items = await campaign()
    const release = await newRelease()
    await addItems(release, items)
    const at = new Date(Date.now() + 2_000).toISOString()
    expect((await http.post(`/api/releases/${release}/schedule`, { at: 'tomorrow' }, 'reviewer')).status).toBe(400)
    expect((await http.post(`/api/releases/${release}/schedule`, { at }, 'reviewer')).status).toBe(200)
    const { status, body } = await http.post(`/api/releases/${release}/unschedule`, {}, 'reviewer')
    expect(status).toBe(200)
    expect(body.state).toBe('open')
    const { totalDocs } = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'publishScheduledRelease' } }, { 'input.release': { equals: release } }] },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
    // Its time passes and the schedule queue runs (here, not waiting for the runner's next turn): nothing goes live.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(at) - Date.now() + 100))
    await payload.jobs.run({ queue: SCHEDULE_QUEUE })
    for (const item of items) expect(await publicTitle(item.collection, item.id)).toBeNull()
    expect((await releaseRow(release)).state).toBe('open')
  })
})

describe("a release's own fields change only through its actions", () => {
  it.each([
    ['its state', { state: 'published' }],
    ['its items', { items: [] }],
    ['its schedule', { publishAt: '2030-01-01T00:00:00.000Z' }],
  ])('%s: 403 over REST for anyone, admins included', async (_, data) => {
    const release = await newRelease()
    await addItems(release, (await campaign()).slice(0, 1))
    for (const who of ['writer', 'reviewer', 'admin']) {
      const { status, body } = await http.patch(`/api/releases/${release}`, data, who)
      expect(status).toBe(403)
      expect(body.errors[0].message).toMatch(/change only through its actions/)
    }
    const saved = await releaseRow(release)
    expect([saved.state, saved.items?.length]).toEqual(['open', 1])
  })

  it('its title and description are renamed by staff; a release created with items or a state starts empty and open', async () => {
    const created = await http.post(
      '/api/releases',
      { title: `Sneaky ${stamp()}`, state: 'published', items: [] },
      'writer',
    )
    releaseIds.push(created.body.doc.id)
    expect(created.body.doc.state).toBe('open')
    const renamed = await http.patch(`/api/releases/${created.body.doc.id}`, { title: 'Spring detox' }, 'writer')
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.title).toBe('Spring detox')
  })

  it('the same through GraphQL and the local API on a user’s behalf; anonymous callers see nothing', async () => {
    const release = await newRelease()
    const graphql = await http.graphql(
      `mutation { updateRelease(id: ${release}, data: { state: published }) { id } }`,
      'admin',
    )
    expect(graphql.body.errors?.[0]?.message).toBeTruthy()
    await expect(
      payload.update({ collection: 'releases', id: release, data: { state: 'published' }, ...asUser(people.reviewer) }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await releaseRow(release)).state).toBe('open')
    expect((await http.get(`/api/releases/${release}`)).status).toBe(403)
    expect((await http.get(`/api/releases/${release}/readiness`)).status).toBe(401)
    expect((await http.post(`/api/releases/${release}/publish`, {})).status).toBe(401)
    const anonymousGraphql = await http.graphql(`{ Releases { docs { id title } } }`)
    expect(anonymousGraphql.body.data?.Releases ?? null).toBeNull()
  })

  it('admins alone delete a release, and never a published one', async () => {
    const release = await newRelease()
    expect((await http.delete(`/api/releases/${release}`, 'reviewer')).status).toBe(403)
    await addItems(release, (await campaign()).slice(0, 1))
    expect((await http.post(`/api/releases/${release}/publish`, {}, 'reviewer')).status).toBe(200)
    expect((await http.delete(`/api/releases/${release}`, 'admin')).status).toBeGreaterThanOrEqual(403)
    expect((await releaseRow(release)).state).toBe('published')
  })
})
