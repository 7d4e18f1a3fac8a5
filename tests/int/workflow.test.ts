/**
 * The editorial workflow over HTTP against the real server: the API contract, four eyes, the
 * audit trail, the queue, health claims, and every other way to go public, refused.
 */
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import { asUser, ContentFixtures, contentData, httpClient, randomSuffix, richText } from '../helpers/content'
import { closePayload, openPayload } from '../helpers/payload'
import { startServer, type RunningServer } from '../helpers/server'
import { createUser, deleteUsers } from '../helpers/users'

let payload: Payload
let server: RunningServer
let http: ReturnType<typeof httpClient>
let fixtures: ContentFixtures
const people: Record<'writer' | 'otherWriter' | 'reviewer' | 'otherReviewer' | 'admin', User> = {} as never
const tokens: Record<keyof typeof people, string> = {} as never

beforeAll(async () => {
  payload = await openPayload()
  fixtures = new ContentFixtures(payload)
  for (const role of ['writer', 'otherWriter', 'reviewer', 'otherReviewer', 'admin'] as const) {
    people[role] = await createUser(payload, role.replace(/^other/, '').toLowerCase() as 'writer' | 'reviewer' | 'admin', role)
  }
  server = await startServer()
  http = httpClient(server.baseUrl)
  for (const role of Object.keys(people) as (keyof typeof people)[]) tokens[role] = await http.login(people[role].email)
}, 120_000)

afterAll(async () => {
  await fixtures.cleanup()
  await deleteUsers(payload, Object.values(people))
  await server?.stop()
  await closePayload(payload)
})

/** A draft article created over REST by `who`, as the admin's "Save draft" does. */
async function draftArticle(who: keyof typeof people, extra: Record<string, unknown> = {}) {
  const title = `Workflow guide ${randomSuffix()}`
  const { status, body } = await http.post('/api/articles?draft=true', { ...contentData('articles', title), ...extra, _status: 'draft' }, tokens[who])
  expect(status).toBe(201)
  fixtures.track('articles', body.doc.id)
  return body.doc as { id: number; title: string; slug: string }
}

const act = (id: number, action: string, who: keyof typeof people, extra: Record<string, unknown> = {}) =>
  http.post(`/api/articles/${id}/workflow`, { action, ...extra }, tokens[who])

async function expectStage(id: number, stage: string) {
  const doc = await payload.findByID({ collection: 'articles', id, draft: true, overrideAccess: true })
  expect(doc.workflowStage).toBe(stage)
}

const publicTitle = async (id: number) => (await http.get(`/api/articles/${id}`)).body?.title as string | undefined

/** Submit (by the writer) and approve (by the reviewer). */
async function approved(who: keyof typeof people = 'writer') {
  const article = await draftArticle(who)
  expect((await act(article.id, 'submit', who)).status).toBe(200)
  expect((await act(article.id, 'approve', who === 'reviewer' ? 'otherReviewer' : 'reviewer')).status).toBe(200)
  return article
}

async function published() {
  const article = await approved()
  expect((await act(article.id, 'publish', 'reviewer')).status).toBe(200)
  return article
}

describe('the happy path, with the API contract', () => {
  it('goes draft → in review → changes requested → in review → approved → published → unpublished', async () => {
    const article = await draftArticle('writer')
    await expectStage(article.id, 'draft')

    const submitted = await act(article.id, 'submit', 'writer')
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ id: article.id, workflowStage: 'in_review', event: { action: 'submit', from: 'draft', to: 'in_review' } })

    expect((await act(article.id, 'request_changes', 'reviewer')).status).toBe(400)
    const returned = await act(article.id, 'request_changes', 'reviewer', { comment: 'Add a source for the second paragraph.' })
    expect(returned.body).toMatchObject({ workflowStage: 'changes_requested', event: { comment: 'Add a source for the second paragraph.' } })

    const edit = await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Better teaser.', _status: 'draft' }, tokens.writer)
    expect(edit.status).toBe(200)
    await expectStage(article.id, 'changes_requested')
    expect((await act(article.id, 'submit', 'writer')).body.workflowStage).toBe('in_review')

    expect(await publicTitle(article.id)).toBeUndefined()
    expect((await act(article.id, 'approve', 'reviewer')).body.workflowStage).toBe('approved')
    expect(await publicTitle(article.id)).toBeUndefined()

    const live = await act(article.id, 'publish', 'reviewer')
    expect(live.body.workflowStage).toBe('published')
    expect(await publicTitle(article.id)).toBe(article.title)

    expect((await act(article.id, 'unpublish', 'reviewer')).body.workflowStage).toBe('unpublished')
    expect((await http.get(`/api/articles/${article.id}`)).status).toBe(404)
  })

  it('answers 409 for an action that does not apply, 400 for an unknown action, 404 for an unknown id', async () => {
    const article = await draftArticle('writer')
    const early = await act(article.id, 'approve', 'reviewer')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/Approve is not possible now: the document is Draft/)
    expect((await act(article.id, 'teleport', 'reviewer')).status).toBe(400)
    expect((await http.post('/api/articles/99999999/workflow', { action: 'submit' }, tokens.reviewer)).status).toBe(404)
  })

  it('answers 403 with the reason when the role forbids the action', async () => {
    const article = await approved()
    const attempt = await act(article.id, 'publish', 'writer')
    expect(attempt.status).toBe(403)
    expect(attempt.body.errors[0].message).toBe('Publish is for reviewers, admins.')
    expect((await act(article.id, 'publish', 'writer')).status).toBe(403)
    expect((await http.post(`/api/articles/${article.id}/workflow`, { action: 'publish' })).status).toBe(401)
  })

  it('lets a writer submit only their own article and withdraw only what they submitted', async () => {
    const article = await draftArticle('writer')
    expect((await act(article.id, 'submit', 'otherWriter')).status).toBe(403)
    expect((await act(article.id, 'submit', 'writer')).status).toBe(200)
    expect((await act(article.id, 'withdraw', 'reviewer')).status).toBe(403)
    expect((await act(article.id, 'withdraw', 'writer')).body.workflowStage).toBe('draft')
  })
})

describe('four eyes', () => {
  it('refuses approval by the reviewer who submitted it, and lets another reviewer approve', async () => {
    const article = await draftArticle('reviewer')
    await act(article.id, 'submit', 'reviewer')
    const own = await act(article.id, 'approve', 'reviewer')
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/second person/)
    expect((await act(article.id, 'approve', 'otherReviewer')).status).toBe(200)
  })

  it('refuses approval by an admin who last edited the version', async () => {
    const article = await draftArticle('writer')
    expect((await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Admin touch.', _status: 'draft' }, tokens.admin)).status).toBe(200)
    await act(article.id, 'submit', 'writer')
    expect((await act(article.id, 'approve', 'admin')).status).toBe(403)
  })
})

describe('editing live content', () => {
  it('keeps the live version public and unchanged until the new draft is approved and published', async () => {
    const article = await published()
    const edit = await http.patch(`/api/articles/${article.id}?draft=true`, { title: `${article.title} (updated)`, _status: 'draft' }, tokens.writer)
    expect(edit.status).toBe(200)
    await expectStage(article.id, 'draft')
    expect(await publicTitle(article.id)).toBe(article.title)

    await act(article.id, 'submit', 'writer')
    await act(article.id, 'approve', 'reviewer')
    expect(await publicTitle(article.id)).toBe(article.title)
    await act(article.id, 'publish', 'reviewer')
    expect(await publicTitle(article.id)).toBe(`${article.title} (updated)`)
  })
})

describe('no other way to go public', () => {
  it.each(['writer', 'reviewer'] as const)('refuses REST create with _status published (%s)', async (who) => {
    const { status, body } = await http.post('/api/articles', { ...contentData('articles', `Direct ${randomSuffix()}`), _status: 'published' }, tokens[who])
    if (body?.doc?.id) fixtures.track('articles', body.doc.id)
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/Publishing goes through review/)
  })

  it.each(['writer', 'reviewer'] as const)('refuses REST update with _status published on an approved article (%s)', async (who) => {
    const article = await approved()
    const { status } = await http.patch(`/api/articles/${article.id}`, { _status: 'published' }, tokens[who])
    expect(status).toBe(403)
    expect(await publicTitle(article.id)).toBeUndefined()
  })

  it.each(['writer', 'reviewer'] as const)('refuses GraphQL create and update that publish (%s)', async (who) => {
    const created = await http.graphql(`mutation { createArticle(data: { title: "GraphQL ${randomSuffix()}", excerpt: "x", _status: published }) { id } }`, tokens[who])
    if (created.body.data?.createArticle?.id) fixtures.track('articles', created.body.data.createArticle.id)
    expect(created.body.errors[0].extensions.statusCode).toBe(403)
    const article = await approved()
    const updated = await http.graphql(`mutation { updateArticle(id: ${article.id}, data: { _status: published }) { id } }`, tokens[who])
    expect(updated.body.errors[0].extensions.statusCode).toBe(403)
    expect(await publicTitle(article.id)).toBeUndefined()
  })

  it('refuses a bulk PATCH that publishes, and changes nothing', async () => {
    const first = await approved()
    const second = await draftArticle('writer')
    const { status } = await http.patch(`/api/articles?where[id][in][0]=${first.id}&where[id][in][1]=${second.id}`, { _status: 'published' }, tokens.reviewer)
    expect([400, 403]).toContain(status)
    expect(await publicTitle(first.id)).toBeUndefined()
    expect(await publicTitle(second.id)).toBeUndefined()
  })

  it('refuses restoring an old published version', async () => {
    const article = await published()
    const { docs } = await payload.findVersions({ collection: 'articles', where: { and: [{ parent: { equals: article.id } }, { 'version._status': { equals: 'published' } }] }, sort: 'createdAt', limit: 1, overrideAccess: true })
    await act(article.id, 'unpublish', 'reviewer')
    const restore = await http.post(`/api/articles/versions/${docs[0].id}`, {}, tokens.reviewer)
    expect(restore.status).toBe(403)
    expect((await http.get(`/api/articles/${article.id}`)).status).toBe(404)
  })

  it('refuses writing workflowStage directly', async () => {
    const article = await draftArticle('writer')
    const { status, body } = await http.patch(`/api/articles/${article.id}?draft=true`, { workflowStage: 'approved', _status: 'draft' }, tokens.reviewer)
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/only through workflow actions/)
    await expectStage(article.id, 'draft')
  })

  it('refuses a non-draft save of live content, and an unpublish by writing _status', async () => {
    const article = await published()
    expect((await http.patch(`/api/articles/${article.id}`, { title: 'Sneaky live edit' }, tokens.reviewer)).status).toBe(403)
    expect((await http.patch(`/api/articles/${article.id}`, { _status: 'draft' }, tokens.reviewer)).status).toBe(403)
    expect(await publicTitle(article.id)).toBe(article.title)
  })

  it('refuses the local API with overrideAccess: false', async () => {
    const article = await approved()
    await expect(
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, ...asUser(people.reviewer) }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('freezes content in review until it is withdrawn', async () => {
    const article = await draftArticle('writer')
    await act(article.id, 'submit', 'writer')
    const edit = await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Sneaky.', _status: 'draft' }, tokens.writer)
    expect(edit.status).toBe(403)
    expect(edit.body.errors[0].message).toMatch(/Withdraw it first/)
    await act(article.id, 'withdraw', 'writer')
    expect((await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Now fine.', _status: 'draft' }, tokens.writer)).status).toBe(200)
  })

  it('lets writers edit only their own articles', async () => {
    const article = await draftArticle('writer')
    expect((await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Not mine.', _status: 'draft' }, tokens.otherWriter)).status).toBe(403)
  })
})

describe('audit trail', () => {
  it('records one event per transition, readable by staff only, writable by no API', async () => {
    const article = await published()
    const { body } = await http.get(`/api/workflow-events?where[document.value][equals]=${article.id}&where[document.relationTo][equals]=articles&sort=createdAt`, tokens.writer)
    expect(body.docs.map((event: { action: string }) => event.action)).toEqual(['submit', 'approve', 'publish'])
    expect(body.docs[2]).toMatchObject({ from: 'approved', to: 'published', versionId: expect.any(String) })
    expect((await http.get('/api/workflow-events')).status).toBe(403)
    const forged = await http.post('/api/workflow-events', { document: { relationTo: 'articles', value: article.id }, action: 'approve', from: 'draft', to: 'approved', actor: people.admin.id }, tokens.admin)
    expect(forged.status).toBe(403)
    expect((await http.patch(`/api/workflow-events/${body.docs[0].id}`, { comment: 'rewritten' }, tokens.admin)).status).toBe(403)
    const deletion = await fetch(`${server.baseUrl}/api/workflow-events/${body.docs[0].id}`, { method: 'DELETE', headers: { authorization: `JWT ${tokens.admin}` } })
    expect(deletion.status).toBe(403)
  })

  it('keeps the collection and id of what it records after the document is deleted', async () => {
    const article = await published()
    expect((await http.delete(`/api/articles/${article.id}`, tokens.admin)).status).toBe(200)
    const { body } = await http.get(`/api/workflow-events?where[documentCollection][equals]=articles&where[documentId][equals]=${article.id}&sort=createdAt`, tokens.reviewer)
    expect(body.docs.map((event: { action: string }) => event.action)).toEqual(['submit', 'approve', 'publish'])
    for (const event of body.docs) expect(event).toMatchObject({ documentCollection: 'articles', documentId: article.id })
  })
})

describe('the review queue', () => {
  it('lists documents in review across collections, oldest first, with the submitter', async () => {
    const first = await draftArticle('writer')
    await act(first.id, 'submit', 'writer')
    const technique = await payload.create({ collection: 'techniques', data: contentData('techniques', `Queue ${randomSuffix()}`) as never, draft: true, ...asUser(people.writer) })
    fixtures.track('techniques', technique.id)
    expect((await http.post(`/api/techniques/${technique.id}/workflow`, { action: 'submit' }, tokens.writer)).status).toBe(200)

    const { status, body } = await http.get('/api/workflow/queue', tokens.reviewer)
    expect(status).toBe(200)
    const ours = body.docs.filter((item: { id: number; collection: string }) => (item.collection === 'articles' && item.id === first.id) || (item.collection === 'techniques' && item.id === technique.id))
    expect(ours.map((item: { collection: string }) => item.collection)).toEqual(['articles', 'techniques'])
    expect(ours[0]).toMatchObject({ workflowStage: 'in_review', submittedBy: { email: people.writer.email }, submittedAt: expect.any(String) })
  })

  it('shows a writer their own items in any stage with ?mine=true, and nobody else’s', async () => {
    const mine = await draftArticle('writer')
    const theirs = await draftArticle('otherWriter')
    const { body } = await http.get('/api/workflow/queue?mine=true', tokens.writer)
    const ids = body.docs.map((item: { id: number }) => item.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(theirs.id)
  })

  it('is for staff only', async () => {
    expect((await http.get('/api/workflow/queue')).status).toBe(401)
  })
})

describe('health claims', () => {
  it('flags claims on submit and needs an acknowledgement to approve', async () => {
    const article = await draftArticle('writer', { content: richText('This oil cures back pain in a week, guaranteed.') })
    const submitted = await act(article.id, 'submit', 'writer')
    const claims = submitted.body.event.checklist.filter((item: { kind: string }) => item.kind === 'health_claim')
    expect(claims.map((item: { phrase: string }) => item.phrase)).toEqual(expect.arrayContaining(['cures', 'guaranteed']))

    const refused = await act(article.id, 'approve', 'reviewer')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.claims.length).toBeGreaterThanOrEqual(2)
    expect((await act(article.id, 'approve', 'reviewer', { acknowledgeClaims: true })).status).toBe(200)
  })
})

describe('system reads', () => {
  it('check internal links against every document, not the first 100 (issue: "points to … which does not exist")', async () => {
    const techniques = []
    for (let index = 0; index < 105; index++) techniques.push(await fixtures.published('techniques', `Bulk technique ${randomSuffix()} ${index}`))
    const oldest = techniques[0].id
    const link = { type: 'link', version: 3, fields: { linkType: 'internal', doc: { relationTo: 'techniques', value: oldest }, newTab: false }, children: richText('the oldest technique').root.children[0].children, direction: 'ltr', format: '', indent: 0 }
    const content = richText('See ')
    ;(content.root.children[0].children as unknown[]).push(link)
    const article = await draftArticle('writer', { content })
    const submitted = await act(article.id, 'submit', 'writer')
    expect(submitted.status).toBe(200)
    const broken = submitted.body.event.checklist.filter((item: { message: string }) => /does not exist/.test(item.message))
    expect(broken).toEqual([])
  }, 120_000)
})

describe('GraphQL', () => {
  it('runs workflowTransition with the same rules', async () => {
    const article = await draftArticle('writer')
    const mutation = (action: string) => `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "${action}") { id workflowStage event { action from to } } }`
    const submitted = await http.graphql(mutation('submit'), tokens.writer)
    expect(submitted.body.data.workflowTransition).toMatchObject({ workflowStage: 'in_review', event: { action: 'submit', from: 'draft', to: 'in_review' } })
    const refused = await http.graphql(mutation('approve'), tokens.writer)
    expect(refused.body.errors[0].message).toBe('Approve is for reviewers, admins.')
  })
})

describe('concurrency', () => {
  it('lets exactly one of two simultaneous approvals win', async () => {
    const article = await draftArticle('writer')
    await act(article.id, 'submit', 'writer')
    const results = await Promise.all([act(article.id, 'approve', 'reviewer'), act(article.id, 'approve', 'otherReviewer')])
    expect(results.map((result) => result.status).sort()).toEqual([200, 409])
    const { totalDocs } = await payload.count({ collection: 'workflow-events', where: { and: [{ 'document.value': { equals: article.id } }, { action: { equals: 'approve' } }] } })
    expect(totalDocs).toBe(1)
  })
})
