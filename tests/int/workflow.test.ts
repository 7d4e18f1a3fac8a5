/**
 * The editorial workflow over HTTP against the real server: the API contract, four eyes, the
 * audit trail, the queue, health claims, and every other way to go public, refused.
 */
import { asUser, contentData, randomSuffix, richText } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(
  fixtures,
  { writer: 'writer', otherWriter: 'writer', reviewer: 'reviewer', otherReviewer: 'reviewer', admin: 'admin' },
  { http },
)
type Person = keyof typeof people

/** A draft article created over REST by `who`, as the admin's "Save draft" does. */
async function draftArticle(who: Person, extra: Record<string, unknown> = {}) {
  const title = `Workflow guide ${randomSuffix()}`
  const { status, body } = await http.post(
    '/api/articles?draft=true',
    { ...contentData('articles', title), ...extra, _status: 'draft' },
    who,
  )
  expect(status).toBe(201)
  fixtures.track('articles', body.doc.id)
  return body.doc as { id: number; title: string; slug: string }
}

async function expectStage(id: number, stage: string) {
  const doc = await payload.findByID({ collection: 'articles', id, draft: true, overrideAccess: true })
  expect(doc.workflowStage).toBe(stage)
}

const publicTitle = async (id: number) => (await http.get(`/api/articles/${id}`)).body?.title as string | undefined

/** Submit (by the writer) and approve (by the reviewer). */
async function approved(who: Person = 'writer') {
  const article = await draftArticle(who)
  expect((await http.act('articles', article.id, 'submit', who)).status).toBe(200)
  expect(
    (await http.act('articles', article.id, 'approve', who === 'reviewer' ? 'otherReviewer' : 'reviewer')).status,
  ).toBe(200)
  return article
}

async function published() {
  const article = await approved()
  expect((await http.act('articles', article.id, 'publish', 'reviewer')).status).toBe(200)
  return article
}

describe('the happy path, with the API contract', () => {
  it('goes draft → in review → changes requested → in review → approved → published → unpublished', async () => {
    const article = await draftArticle('writer')
    await expectStage(article.id, 'draft')

    const submitted = await http.act('articles', article.id, 'submit', 'writer')
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({
      id: article.id,
      workflowStage: 'in_review',
      event: { action: 'submit', from: 'draft', to: 'in_review' },
    })

    expect((await http.act('articles', article.id, 'request_changes', 'reviewer')).status).toBe(400)
    const returned = await http.act('articles', article.id, 'request_changes', 'reviewer', {
      comment: 'Add a source for the second paragraph.',
    })
    expect(returned.body).toMatchObject({
      workflowStage: 'changes_requested',
      event: { comment: 'Add a source for the second paragraph.' },
      openThreads: [{ body: 'Add a source for the second paragraph.' }],
    })

    const edit = await http.patch(
      `/api/articles/${article.id}?draft=true`,
      { excerpt: 'Better teaser.', _status: 'draft' },
      'writer',
    )
    expect(edit.status).toBe(200)
    await expectStage(article.id, 'changes_requested')
    // Resubmitting shows the writer the threads still open; the reviewer resolves the one answered.
    const resubmitted = await http.act('articles', article.id, 'submit', 'writer')
    expect(resubmitted.body).toMatchObject({ workflowStage: 'in_review', openThreads: [{ body: expect.any(String) }] })
    const thread = resubmitted.body.openThreads[0].id
    expect((await http.post(`/api/workflow-comments/${thread}/resolve`, {}, 'reviewer')).status).toBe(200)

    expect(await publicTitle(article.id)).toBeUndefined()
    expect((await http.act('articles', article.id, 'approve', 'reviewer')).body.workflowStage).toBe('approved')
    expect(await publicTitle(article.id)).toBeUndefined()

    const live = await http.act('articles', article.id, 'publish', 'reviewer')
    expect(live.body.workflowStage).toBe('published')
    expect(await publicTitle(article.id)).toBe(article.title)

    expect((await http.act('articles', article.id, 'unpublish', 'reviewer')).body.workflowStage).toBe('unpublished')
    expect((await http.get(`/api/articles/${article.id}`)).status).toBe(404)
  })

  it('answers 409 for an action that does not apply, 400 for an unknown action, 404 for an unknown id', async () => {
    const article = await draftArticle('writer')
    const early = await http.act('articles', article.id, 'approve', 'reviewer')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/Approve is not possible now: the document is Draft/)
    expect((await http.act('articles', article.id, 'teleport', 'reviewer')).status).toBe(400)
    expect((await http.post('/api/articles/99999999/workflow', { action: 'submit' }, 'reviewer')).status).toBe(404)
  })

  it('answers 403 with the reason when the role forbids the action', async () => {
    const article = await approved()
    const attempt = await http.act('articles', article.id, 'publish', 'writer')
    expect(attempt.status).toBe(403)
    expect(attempt.body.errors[0].message).toBe('Publish is for reviewers, admins.')
    expect((await http.act('articles', article.id, 'publish', 'writer')).status).toBe(403)
    expect((await http.act('articles', article.id, 'publish', undefined)).status).toBe(401)
  })

  it('lets a writer submit only their own article and withdraw only what they submitted', async () => {
    const article = await draftArticle('writer')
    expect((await http.act('articles', article.id, 'submit', 'otherWriter')).status).toBe(403)
    expect((await http.act('articles', article.id, 'submit', 'writer')).status).toBe(200)
    expect((await http.act('articles', article.id, 'withdraw', 'reviewer')).status).toBe(403)
    expect((await http.act('articles', article.id, 'withdraw', 'writer')).body.workflowStage).toBe('draft')
  })
})

describe('review steps are records on the version in review, not new versions', () => {
  /** A version as stored: the row's own fields, and the document's fields under `version`. */
  interface StoredVersion {
    id: number | string
    autosave?: boolean
    updatedAt: string
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fields of articles and myths alike
    version: Record<string, any>
  }

  async function versionsOf(collection: 'articles' | 'myths', id: number): Promise<StoredVersion[]> {
    const { docs } = await payload.findVersions({
      collection,
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    return docs as unknown as StoredVersion[]
  }

  it('keeps the content of the version (its lists and relations), its time and its count', async () => {
    const title = `Myth in review ${randomSuffix()}`
    const created = await http.post(
      '/api/myths?draft=true',
      { ...contentData('myths', title), _status: 'draft' },
      'writer',
    )
    expect(created.status).toBe(201)
    fixtures.track('myths', created.body.doc.id)
    const id = created.body.doc.id as number
    const [before] = await versionsOf('myths', id)

    const submitted = await http.act('myths', id, 'submit', 'writer')
    expect(submitted.status).toBe(200)
    const withdrawn = await http.act('myths', id, 'withdraw', 'writer')
    expect(withdrawn.status).toBe(200)
    const versions = await versionsOf('myths', id)
    expect(versions.map((version) => version.id)).toEqual([before.id])
    const [after] = versions
    expect(after.version.sources).toEqual(before.version.sources)
    expect(after.version.sources).toHaveLength(1)
    expect(after.version.author).toEqual(before.version.author)
    expect(after.version.updatedAt).toBe(before.version.updatedAt)
    expect(after.version.workflowStage).toBe('draft')
    expect(after.version.workflow?.submittedVersion).toBe(String(before.id))
    expect([submitted.body.event.versionId, withdrawn.body.event.versionId]).toEqual([
      String(before.id),
      String(before.id),
    ])
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt))
  })

  it('never lets an autosave change the version that was approved', async () => {
    const article = await draftArticle('writer')
    const autosaved = await http.patch(
      `/api/articles/${article.id}?draft=true&autosave=true`,
      { excerpt: 'Typed, autosaved.' },
      'writer',
    )
    expect(autosaved.status).toBe(200)
    const [typed] = await versionsOf('articles', article.id)
    expect(typed.autosave).toBe(true)
    expect((await http.act('articles', article.id, 'submit', 'writer')).status).toBe(200)
    const approval = await http.act('articles', article.id, 'approve', 'reviewer')
    expect(approval.body.workflowStage).toBe('approved')
    const [approvedVersion] = await versionsOf('articles', article.id)
    expect(approvedVersion).toMatchObject({ id: typed.id, autosave: false })
    expect(approvedVersion.version.workflow?.approvedVersion).toBe(String(typed.id))

    const later = await http.patch(
      `/api/articles/${article.id}?draft=true&autosave=true`,
      { excerpt: 'Changed after approval.' },
      'writer',
    )
    expect(later.status).toBe(200)
    const [newest, approvedAfter] = await versionsOf('articles', article.id)
    expect(newest.id).not.toBe(typed.id)
    expect(newest.version.excerpt).toBe('Changed after approval.')
    expect(approvedAfter).toMatchObject({ id: typed.id, version: { excerpt: 'Typed, autosaved.' } })
    const publish = await http.act('articles', article.id, 'publish', 'reviewer')
    expect(publish.status).toBe(409)
    expect(await publicTitle(article.id)).toBeUndefined()
  })

  it('publishes the approved version as it is, and refuses content that changed behind the workflow', async () => {
    const article = await approved()
    // A server-side save that records without reviewing (as an assignment does), here with new
    // content: the stage stays approved, the newest version is no longer the approved one.
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { excerpt: 'Changed without a review.' },
      draft: true,
      overrideAccess: true,
      context: { workflowRecord: true },
    })
    const refused = await http.act('articles', article.id, 'publish', 'reviewer')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/changed after it was approved/)
    expect(await publicTitle(article.id)).toBeUndefined()

    const other = await approved()
    expect((await http.act('articles', other.id, 'publish', 'reviewer')).body.workflowStage).toBe('published')
    expect(await publicTitle(other.id)).toBe(other.title)
  })
})

describe('four eyes', () => {
  it('refuses approval by the reviewer who submitted it, and lets another reviewer approve', async () => {
    const article = await draftArticle('reviewer')
    await http.act('articles', article.id, 'submit', 'reviewer')
    const own = await http.act('articles', article.id, 'approve', 'reviewer')
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/second person/)
    expect((await http.act('articles', article.id, 'approve', 'otherReviewer')).status).toBe(200)
  })

  it('refuses approval by an admin who last edited the version', async () => {
    const article = await draftArticle('writer')
    expect(
      (
        await http.patch(
          `/api/articles/${article.id}?draft=true`,
          { excerpt: 'Admin touch.', _status: 'draft' },
          'admin',
        )
      ).status,
    ).toBe(200)
    await http.act('articles', article.id, 'submit', 'writer')
    expect((await http.act('articles', article.id, 'approve', 'admin')).status).toBe(403)
  })
})

describe('editing live content', () => {
  it('keeps the live version public and unchanged until the new draft is approved and published', async () => {
    const article = await published()
    const edit = await http.patch(
      `/api/articles/${article.id}?draft=true`,
      { title: `${article.title} (updated)`, _status: 'draft' },
      'writer',
    )
    expect(edit.status).toBe(200)
    await expectStage(article.id, 'draft')
    expect(await publicTitle(article.id)).toBe(article.title)

    await http.act('articles', article.id, 'submit', 'writer')
    await http.act('articles', article.id, 'approve', 'reviewer')
    expect(await publicTitle(article.id)).toBe(article.title)
    await http.act('articles', article.id, 'publish', 'reviewer')
    expect(await publicTitle(article.id)).toBe(`${article.title} (updated)`)
  })
})

describe('no other way to go public', () => {
  it.each(['writer', 'reviewer'] as const)('refuses REST create with _status published (%s)', async (who) => {
    const { status, body } = await http.post(
      '/api/articles',
      { ...contentData('articles', `Direct ${randomSuffix()}`), _status: 'published' },
      who,
    )
    if (body?.doc?.id) fixtures.track('articles', body.doc.id)
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/Publishing goes through review/)
  })

  it.each(['writer', 'reviewer'] as const)(
    'refuses REST update with _status published on an approved article (%s)',
    async (who) => {
      const article = await approved()
      const { status } = await http.patch(`/api/articles/${article.id}`, { _status: 'published' }, who)
      expect(status).toBe(403)
      expect(await publicTitle(article.id)).toBeUndefined()
    },
  )

  it.each(['writer', 'reviewer'] as const)('refuses GraphQL create and update that publish (%s)', async (who) => {
    const created = await http.graphql(
      `mutation { createArticle(data: { title: "GraphQL ${randomSuffix()}", excerpt: "x", _status: published }) { id } }`,
      who,
    )
    if (created.body.data?.createArticle?.id) fixtures.track('articles', created.body.data.createArticle.id)
    expect(created.body.errors[0].extensions.statusCode).toBe(403)
    const article = await approved()
    const updated = await http.graphql(
      `mutation { updateArticle(id: ${article.id}, data: { _status: published }) { id } }`,
      who,
    )
    expect(updated.body.errors[0].extensions.statusCode).toBe(403)
    expect(await publicTitle(article.id)).toBeUndefined()
  })

  it('refuses a bulk PATCH that publishes, and changes nothing', async () => {
    const first = await approved()
    const second = await draftArticle('writer')
    const { status } = await http.patch(
      `/api/articles?where[id][in][0]=${first.id}&where[id][in][1]=${second.id}`,
      { _status: 'published' },
      'reviewer',
    )
    expect([400, 403]).toContain(status)
    expect(await publicTitle(first.id)).toBeUndefined()
    expect(await publicTitle(second.id)).toBeUndefined()
  })

  it('refuses restoring an old published version', async () => {
    const article = await published()
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: article.id } }, { 'version._status': { equals: 'published' } }] },
      sort: 'createdAt',
      limit: 1,
      overrideAccess: true,
    })
    await http.act('articles', article.id, 'unpublish', 'reviewer')
    const restore = await http.post(`/api/articles/versions/${docs[0].id}`, {}, 'reviewer')
    expect(restore.status).toBe(403)
    expect((await http.get(`/api/articles/${article.id}`)).status).toBe(404)
  })

  it('refuses writing workflowStage directly', async () => {
    const article = await draftArticle('writer')
    const { status, body } = await http.patch(
      `/api/articles/${article.id}?draft=true`,
      { workflowStage: 'approved', _status: 'draft' },
      'reviewer',
    )
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/only through workflow actions/)
    await expectStage(article.id, 'draft')
  })

  it('refuses a non-draft save of live content, and an unpublish by writing _status', async () => {
    const article = await published()
    expect((await http.patch(`/api/articles/${article.id}`, { title: 'Sneaky live edit' }, 'reviewer')).status).toBe(
      403,
    )
    expect((await http.patch(`/api/articles/${article.id}`, { _status: 'draft' }, 'reviewer')).status).toBe(403)
    expect(await publicTitle(article.id)).toBe(article.title)
  })

  it('refuses the local API with overrideAccess: false', async () => {
    const article = await approved()
    await expect(
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { _status: 'published' },
        ...asUser(people.reviewer),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('freezes content in review until it is withdrawn', async () => {
    const article = await draftArticle('writer')
    await http.act('articles', article.id, 'submit', 'writer')
    const edit = await http.patch(
      `/api/articles/${article.id}?draft=true`,
      { excerpt: 'Sneaky.', _status: 'draft' },
      'writer',
    )
    expect(edit.status).toBe(403)
    expect(edit.body.errors[0].message).toMatch(/Withdraw it first/)
    await http.act('articles', article.id, 'withdraw', 'writer')
    expect(
      (await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Now fine.', _status: 'draft' }, 'writer'))
        .status,
    ).toBe(200)
  })

  it('lets writers edit only their own articles', async () => {
    const article = await draftArticle('writer')
    expect(
      (
        await http.patch(
          `/api/articles/${article.id}?draft=true`,
          { excerpt: 'Not mine.', _status: 'draft' },
          'otherWriter',
        )
      ).status,
    ).toBe(403)
  })
})

describe('audit trail', () => {
  it('records one event per transition, readable by staff only, writable by no API', async () => {
    const article = await published()
    const { body } = await http.get(
      `/api/workflow-events?where[document.value][equals]=${article.id}&where[document.relationTo][equals]=articles&sort=createdAt`,
      'writer',
    )
    expect(body.docs.map((event: { action: string }) => event.action)).toEqual(['submit', 'approve', 'publish'])
    expect(body.docs[2]).toMatchObject({ from: 'approved', to: 'published', versionId: expect.any(String) })
    expect((await http.get('/api/workflow-events')).status).toBe(403)
    const forged = await http.post(
      '/api/workflow-events',
      {
        document: { relationTo: 'articles', value: article.id },
        action: 'approve',
        from: 'draft',
        to: 'approved',
        actor: people.admin.id,
      },
      'admin',
    )
    expect(forged.status).toBe(403)
    expect(
      (await http.patch(`/api/workflow-events/${body.docs[0].id}`, { comment: 'rewritten' }, 'admin')).status,
    ).toBe(403)
    expect((await http.delete(`/api/workflow-events/${body.docs[0].id}`, 'admin')).status).toBe(403)
  })

  it('keeps the collection and id of what it records after the document is deleted', async () => {
    const article = await published()
    expect((await http.delete(`/api/articles/${article.id}`, 'admin')).status).toBe(200)
    const { body } = await http.get(
      `/api/workflow-events?where[documentCollection][equals]=articles&where[documentId][equals]=${article.id}&sort=createdAt`,
      'reviewer',
    )
    expect(body.docs.map((event: { action: string }) => event.action)).toEqual(['submit', 'approve', 'publish'])
    for (const event of body.docs)
      expect(event).toMatchObject({ documentCollection: 'articles', documentId: article.id })
  })
})

describe('the review queue', () => {
  it('lists documents in review across collections, oldest first, with the submitter', async () => {
    const first = await draftArticle('writer')
    await http.act('articles', first.id, 'submit', 'writer')
    const technique = await payload.create({
      collection: 'techniques',
      data: contentData('techniques', `Queue ${randomSuffix()}`) as never,
      draft: true,
      ...asUser(people.writer),
    })
    fixtures.track('techniques', technique.id)
    expect((await http.act('techniques', technique.id, 'submit', 'writer')).status).toBe(200)

    const { status, body } = await http.get('/api/workflow/queue', 'reviewer')
    expect(status).toBe(200)
    const ours = body.docs.filter(
      (item: { id: number; collection: string }) =>
        (item.collection === 'articles' && item.id === first.id) ||
        (item.collection === 'techniques' && item.id === technique.id),
    )
    expect(ours.map((item: { collection: string }) => item.collection)).toEqual(['articles', 'techniques'])
    expect(ours[0]).toMatchObject({
      workflowStage: 'in_review',
      submittedBy: { email: people.writer.email },
      submittedAt: expect.any(String),
    })
  })

  it('shows a writer their own items in any stage with ?mine=true, and nobody else’s', async () => {
    const mine = await draftArticle('writer')
    const theirs = await draftArticle('otherWriter')
    const { body } = await http.get('/api/workflow/queue?mine=true', 'writer')
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
    const article = await draftArticle('writer', {
      content: richText('This oil cures back pain in a week, guaranteed.'),
    })
    const submitted = await http.act('articles', article.id, 'submit', 'writer')
    const claims = submitted.body.event.checklist.filter((item: { kind: string }) => item.kind === 'health_claim')
    expect(claims.map((item: { phrase: string }) => item.phrase)).toEqual(
      expect.arrayContaining(['cures', 'guaranteed']),
    )

    const refused = await http.act('articles', article.id, 'approve', 'reviewer')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.claims.length).toBeGreaterThanOrEqual(2)
    expect((await http.act('articles', article.id, 'approve', 'reviewer', { acknowledgeClaims: true })).status).toBe(
      200,
    )
  })
})

describe('system reads', () => {
  it('check internal links against every document, not the first 100 (issue: "points to … which does not exist")', async () => {
    const techniques = []
    for (let index = 0; index < 105; index++)
      techniques.push(await fixtures.published('techniques', `Bulk technique ${randomSuffix()} ${index}`))
    const oldest = techniques[0].id
    const link = {
      type: 'link',
      version: 3,
      fields: { linkType: 'internal', doc: { relationTo: 'techniques', value: oldest }, newTab: false },
      children: richText('the oldest technique').root.children[0].children,
      direction: 'ltr',
      format: '',
      indent: 0,
    }
    const content = richText('See ')
    ;(content.root.children[0].children as unknown[]).push(link)
    const article = await draftArticle('writer', { content })
    const submitted = await http.act('articles', article.id, 'submit', 'writer')
    expect(submitted.status).toBe(200)
    const broken = submitted.body.event.checklist.filter((item: { message: string }) =>
      /does not exist/.test(item.message),
    )
    expect(broken).toEqual([])
  }, 120_000)

  it('look up only the documents the checklist asks about, and still tell existing links from broken ones', async () => {
    const technique = await fixtures.published('techniques', `Linked technique ${randomSuffix()}`)
    const linkTo = (fields: Record<string, unknown>) => ({
      type: 'link',
      version: 3,
      fields: { newTab: false, ...fields },
      children: richText('a link').root.children[0].children,
      direction: 'ltr',
      format: '',
      indent: 0,
    })
    const content = richText('See ')
    ;(content.root.children[0].children as unknown[]).push(
      linkTo({ linkType: 'internal', doc: { relationTo: 'techniques', value: technique.id } }),
      linkTo({ linkType: 'custom', url: `/techniques/${technique.slug}` }),
      linkTo({ linkType: 'internal', doc: { relationTo: 'techniques', value: 2_000_000_000 } }),
      linkTo({ linkType: 'custom', url: '/techniques/no-such-technique' }),
    )
    const article = await draftArticle('writer', { content })
    const submitted = await http.act('articles', article.id, 'submit', 'writer')
    expect(submitted.status).toBe(200)
    const broken = submitted.body.event.checklist
      .filter((item: { message: string }) => /does not exist/.test(item.message))
      .map((item: { message: string }) => item.message)
    expect(broken).toEqual([
      expect.stringContaining('techniques document 2000000000'),
      expect.stringContaining('/techniques/no-such-technique'),
    ])
  })
})

describe('GraphQL', () => {
  it('runs workflowTransition with the same rules', async () => {
    const article = await draftArticle('writer')
    const mutation = (action: string) =>
      `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "${action}") { id workflowStage event { action from to } } }`
    const submitted = await http.graphql(mutation('submit'), 'writer')
    expect(submitted.body.data.workflowTransition).toMatchObject({
      workflowStage: 'in_review',
      event: { action: 'submit', from: 'draft', to: 'in_review' },
    })
    const refused = await http.graphql(mutation('approve'), 'writer')
    expect(refused.body.errors[0].message).toBe('Approve is for reviewers, admins.')
  })
})

describe('concurrency', () => {
  it('lets exactly one of two simultaneous approvals win', async () => {
    const article = await draftArticle('writer')
    await http.act('articles', article.id, 'submit', 'writer')
    const results = await Promise.all([
      http.act('articles', article.id, 'approve', 'reviewer'),
      http.act('articles', article.id, 'approve', 'otherReviewer'),
    ])
    expect(results.map((result) => result.status).sort()).toEqual([200, 409])
    const { totalDocs } = await payload.count({
      collection: 'workflow-events',
      where: { and: [{ 'document.value': { equals: article.id } }, { action: { equals: 'approve' } }] },
    })
    expect(totalDocs).toBe(1)
  })
})
