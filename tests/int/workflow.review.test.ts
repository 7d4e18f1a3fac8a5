/**
 * Review as teams do it, over REST and GraphQL against the real server: threads tied to a version,
 * several approvals by qualified reviewers, assignments, what changed, no lost edits, and who is
 * editing now. Access is checked for anonymous, writers, reviewers and admins on every path.
 */
import { contentData, randomSuffix, richText } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { useEnv, useFixtures, useLocalPayload, useServer, useSmtpReceiver, useUsers } from '../helpers/suite'

const smtp = useSmtpReceiver()
useEnv(() => ({
  SMTP_HOST: smtp.host,
  SMTP_PORT: String(smtp.port),
  SMTP_SECURE: 'false',
  SMTP_FROM: 'Spa CMS <cms@spa.test>',
}))
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
// Its job runner sends the reply digests when their minute is up.
const http = httpClient(useServer({ env: { JOBS_RUNNER: 'on' } }))
const people = useUsers(
  fixtures,
  {
    writer: 'writer',
    otherWriter: 'writer',
    reviewer: 'reviewer',
    claims: 'claims-reviewer',
    otherClaims: 'claims-reviewer',
    admin: 'admin',
  },
  { http, label: 'review' },
)
type Person = keyof typeof people
type Collection = 'articles' | 'myths'

async function draft(collection: Collection, who: Person = 'writer') {
  const { status, body } = await http.post(
    `/api/${collection}?draft=true`,
    { ...contentData(collection, `Review ${collection} ${randomSuffix()}`), _status: 'draft' },
    who,
  )
  expect(status).toBe(201)
  fixtures.track(collection, body.doc.id)
  return body.doc as { id: number; updatedAt: string }
}

async function submitted(collection: Collection) {
  const doc = await draft(collection)
  expect((await http.act(collection, doc.id, 'submit', 'writer')).status).toBe(200)
  return doc
}

const stored = (collection: Collection, id: number) =>
  payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })

const openThread = (collection: Collection, id: number, who: Person, body: Record<string, unknown>) =>
  http.post(`/api/${collection}/${id}/threads`, body, who)

const message = (result: { body: { errors?: { message: string }[] } }) => result.body.errors?.[0]?.message

describe('threads tied to a version', () => {
  it('a thread records the document, the version under review, the field, the body and the author', async () => {
    const myth = await submitted('myths')
    const { workflow } = await stored('myths', myth.id)
    const created = await openThread('myths', myth.id, 'claims', { body: 'Which study says so?', field: 'fact' })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({
      documentCollection: 'myths',
      documentId: myth.id,
      versionId: workflow?.submittedVersion,
      field: 'fact',
      body: 'Which study says so?',
      resolved: false,
    })
    const listed = await http.get(`/api/myths/${myth.id}/threads`, 'writer')
    expect(listed.body.docs).toEqual([
      expect.objectContaining({ id: created.body.doc.id, field: 'fact', resolved: false, replies: [] }),
    ])
  })

  it('refuses empty bodies, unknown fields, other writers, and anonymous callers, with reasons', async () => {
    const article = await draft('articles')
    expect(message(await openThread('articles', article.id, 'writer', { body: '  ' }))).toMatch(/cannot be empty/)
    const unknownField = await openThread('articles', article.id, 'writer', { body: 'Hm', field: 'password' })
    expect(unknownField.status).toBe(400)
    expect(message(unknownField)).toMatch(/"field" must be one of the article's fields: title, slug/)
    const stranger = await openThread('articles', article.id, 'otherWriter', { body: 'Not mine' })
    expect(stranger.status).toBe(403)
    expect((await openThread('articles', article.id, undefined as never, { body: 'Hi' })).status).toBe(401)
    expect((await http.get(`/api/articles/${article.id}/threads`)).status).toBe(401)
    expect((await openThread('articles', article.id, 'writer', { body: 'My own note' })).status).toBe(201)
  })

  it('are written only through the workflow API and read by staff only, on every path', async () => {
    const article = await draft('articles')
    const thread = (await openThread('articles', article.id, 'reviewer', { body: 'Staff only' })).body.doc
    // Anonymous readers: REST, GraphQL and the local API with overrideAccess: false.
    expect((await http.get(`/api/workflow-comments/${thread.id}`)).status).toBe(403)
    expect((await http.get('/api/workflow-comments')).status).toBe(403)
    const anonymousGraphql = await http.graphql('{ WorkflowComments { docs { body } } }')
    expect(anonymousGraphql.body.errors?.[0]?.message).toMatch(/not allowed/i)
    await expect(
      payload.find({ collection: 'workflow-comments', overrideAccess: false, where: { id: { equals: thread.id } } }),
    ).rejects.toThrow(/not allowed/i)
    // Staff read them.
    expect((await http.get(`/api/workflow-comments/${thread.id}`, 'writer')).body.body).toBe('Staff only')
    // Nobody writes them around the workflow, admins included.
    const data = { body: 'Forged', documentCollection: 'articles', documentId: article.id, authorName: 'x' }
    expect((await http.post('/api/workflow-comments', data, 'admin')).status).toBe(403)
    expect((await http.patch(`/api/workflow-comments/${thread.id}`, { resolved: true }, 'admin')).status).toBe(403)
    expect((await http.delete(`/api/workflow-comments/${thread.id}`, 'admin')).status).toBe(403)
    const forged = await http.graphql(
      `mutation { updateWorkflowComment(id: ${thread.id}, data: { body: "Forged" }) { body } }`,
      'admin',
    )
    expect(forged.body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await payload.findByID({ collection: 'workflow-comments', id: thread.id })).body).toBe('Staff only')
  })

  it('replies, resolution by the opener or a reviewer only, and a reply reopening a resolved thread', async () => {
    const article = await draft('articles')
    const thread = (await openThread('articles', article.id, 'reviewer', { body: 'Shorter intro?' })).body.doc
    const reply = await http.post(`/api/workflow-comments/${thread.id}/replies`, { body: 'Done.' }, 'writer')
    expect(reply.status).toBe(201)
    expect(reply.body.doc).toMatchObject({ thread: thread.id, body: 'Done.' })
    // A reply to a reply is refused with a pointer to the thread.
    expect(
      message(await http.post(`/api/workflow-comments/${reply.body.doc.id}/replies`, { body: 'x' }, 'writer')),
    ).toMatch(new RegExp(`reply to or resolve its thread ${thread.id}`))
    expect((await http.post(`/api/workflow-comments/${thread.id}/replies`, { body: 'Hi' }, 'otherWriter')).status).toBe(
      403,
    )
    // The writer did not open it: a reviewer resolves it.
    expect((await http.post(`/api/workflow-comments/${thread.id}/resolve`, {}, 'writer')).status).toBe(403)
    const resolved = await http.post(`/api/workflow-comments/${thread.id}/resolve`, {}, 'otherClaims')
    expect(resolved.body.doc).toMatchObject({ resolved: true, resolvedBy: people.otherClaims.id })
    await http.post(`/api/workflow-comments/${thread.id}/replies`, { body: 'One more thing.' }, 'writer')
    const listed = (await http.get(`/api/articles/${article.id}/threads`, 'reviewer')).body.docs[0]
    expect(listed).toMatchObject({ resolved: false, resolvedBy: null })
    expect(listed.replies.map((one: { body: string }) => one.body)).toEqual(['Done.', 'One more thing.'])
    expect(
      (await http.post(`/api/workflow-comments/${thread.id}/resolve`, { resolved: 'yes' }, 'reviewer')).status,
    ).toBe(400)
    expect((await http.post('/api/workflow-comments/999999999/resolve', {}, 'reviewer')).status).toBe(404)
  })

  it('request changes needs a comment (which opens a thread) or a thread open on the submitted version', async () => {
    const article = await draft('articles')
    // A thread on an earlier draft is about another version: it does not count.
    await openThread('articles', article.id, 'writer', { body: 'Note to self' })
    await http.patch(`/api/articles/${article.id}?draft=true`, { excerpt: 'Edited', _status: 'draft' }, 'writer')
    await http.act('articles', article.id, 'submit', 'writer')
    const bare = await http.act('articles', article.id, 'request_changes', 'reviewer')
    expect(bare.status).toBe(400)
    expect(message(bare)).toMatch(/needs a comment .* or a thread still open on the submitted version/)
    await openThread('articles', article.id, 'reviewer', { body: 'The second claim needs a source.', field: 'content' })
    const returned = await http.act('articles', article.id, 'request_changes', 'reviewer')
    expect(returned.status).toBe(200)
    expect(returned.body.workflowStage).toBe('changes_requested')
    // Resubmitting shows the writer both threads still open.
    const again = await http.act('articles', article.id, 'submit', 'writer')
    expect(again.body.openThreads.map((one: { body: string }) => one.body)).toEqual([
      'Note to self',
      'The second claim needs a source.',
    ])
  })

  it('approving with open threads asks for confirmation with the list, over REST and GraphQL', async () => {
    const article = await submitted('articles')
    const thread = (await openThread('articles', article.id, 'reviewer', { body: 'Check the dosage' })).body.doc
    const refused = await http.act('articles', article.id, 'approve', 'reviewer')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/a review thread nobody resolved/),
      data: { openThreads: [expect.objectContaining({ id: thread.id, body: 'Check the dosage' })] },
    })
    const overGraphql = await http.graphql(
      `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "approve") { workflowStage } }`,
      'reviewer',
    )
    expect(overGraphql.body.errors[0].message).toMatch(/nobody resolved/)
    expect((await stored('articles', article.id)).workflowStage).toBe('in_review')
    const confirmed = await http.graphql(
      `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "approve", confirmOpenThreads: true) { workflowStage openThreads { id } } }`,
      'reviewer',
    )
    expect(confirmed.body.data.workflowTransition).toEqual({
      workflowStage: 'approved',
      openThreads: [{ id: String(thread.id) }],
    })
  })

  it('threads over GraphQL follow the same rules', async () => {
    const article = await draft('articles')
    const start = (who: Person) =>
      http.graphql(
        `mutation { workflowStartThread(collection: "articles", id: ${article.id}, body: "Tone?", field: "excerpt") { id field versionId author resolved } }`,
        who,
      )
    expect((await start('otherWriter')).body.errors[0].message).toMatch(/Writers comment on their own documents/)
    const started = (await start('reviewer')).body.data.workflowStartThread
    expect(started).toMatchObject({ field: 'excerpt', resolved: false, author: people.reviewer.email })
    const replied = await http.graphql(
      `mutation { workflowReply(thread: ${started.id}, body: "Warmer now") { body } }`,
      'writer',
    )
    expect(replied.body.data.workflowReply).toEqual({ body: 'Warmer now' })
    const resolvedByWriter = await http.graphql(
      `mutation { workflowResolveThread(thread: ${started.id}) { resolved } }`,
      'writer',
    )
    expect(resolvedByWriter.body.errors[0].message).toMatch(/Only whoever opened the thread/)
    const resolved = await http.graphql(
      `mutation { workflowResolveThread(thread: ${started.id}) { resolved } }`,
      'reviewer',
    )
    expect(resolved.body.data.workflowResolveThread).toEqual({ resolved: true })
    const read = await http.graphql(
      `{ WorkflowComments(where: { documentId: { equals: ${article.id} } }) { docs { body resolved } } }`,
      'writer',
    )
    expect(read.body.data.WorkflowComments.docs).toHaveLength(2)
  })

  it('mails everyone in the thread about replies, batched: one mail per person for several replies', async () => {
    const article = await draft('articles')
    const thread = (await openThread('articles', article.id, 'reviewer', { body: 'Can we cite the 2021 review?' })).body
      .doc
    for (const body of ['Added it.', 'And a second one.'])
      await http.post(`/api/workflow-comments/${thread.id}/replies`, { body }, 'writer')
    const jobs = await payload.db.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'workflowThreadMail' } }, { 'input.thread': { equals: thread.id } }] },
      limit: 0,
      pagination: false,
    })
    expect(jobs.docs).toHaveLength(1)
    const job = jobs.docs[0] as { id: number; waitUntil: string }
    expect(Date.parse(job.waitUntil) - Date.now()).toBeGreaterThan(40_000)
    const digestsTo = (email: string) => smtp.mailsTo(email).filter((mail) => mail.subject.startsWith('Review thread'))
    expect(digestsTo(people.reviewer.email)).toHaveLength(0)
    // The minute passes: the server's job runner (every 10 s) sends the digest.
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: job.id,
      data: { waitUntil: new Date().toISOString() },
    })
    const mail = await waitFor('the reply digest', () => digestsTo(people.reviewer.email).at(0), 30_000)
    expect(mail.subject).toMatch(/^Review thread on ".*": 2 new$/)
    expect(mail.text).toContain('Added it.')
    expect(mail.text).toContain('And a second one.')
    // The writer wrote both replies: nothing new for them.
    expect(digestsTo(people.writer.email)).toHaveLength(0)
  })
})

describe('several approvals by qualified reviewers (myths: two claims reviewers)', () => {
  it('stays in review until two different claims reviewers approved the same version, then publishes', async () => {
    const myth = await submitted('myths')
    const plain = await http.act('myths', myth.id, 'approve', 'reviewer')
    expect(plain.status).toBe(403)
    expect(message(plain)).toBe('Approve is for reviewers with the "claims-reviewer" role, and admins.')
    const first = await http.act('myths', myth.id, 'approve', 'claims')
    expect(first.body).toMatchObject({ workflowStage: 'in_review', approvals: { count: 1, required: 2 } })
    expect((await stored('myths', myth.id)).workflow?.approvedVersion).toBeFalsy()
    const twice = await http.act('myths', myth.id, 'approve', 'claims')
    expect(twice.status).toBe(409)
    expect(message(twice)).toMatch(/already approved this version; it needs 1 more approval/)
    expect((await http.act('myths', myth.id, 'publish', 'claims')).status).toBe(409)
    const status = await http.get(`/api/myths/${myth.id}/workflow`, 'claims')
    expect(status.body).toMatchObject({ approvals: { count: 1, required: 2 }, approverRole: 'claims-reviewer' })
    expect(status.body.actions.map((one: { action: string }) => one.action)).toEqual(['request_changes'])
    const second = await http.graphql(
      `mutation { workflowTransition(collection: "myths", id: ${myth.id}, action: "approve") { workflowStage approvals { count required } } }`,
      'otherClaims',
    )
    expect(second.body.data.workflowTransition).toEqual({
      workflowStage: 'approved',
      approvals: { count: 2, required: 2 },
    })
    const approved = await stored('myths', myth.id)
    expect(approved.workflow?.approvals).toHaveLength(2)
    expect(approved.workflow?.approvedVersion).toBeTruthy()
    expect((await http.act('myths', myth.id, 'publish', 'claims')).body.workflowStage).toBe('published')
  })

  it('an edit voids earlier approvals, and four eyes holds for each approver', async () => {
    const myth = await draft('myths')
    // A claims reviewer edits the writer's myth: they may no longer approve this version.
    expect(
      (
        await http.patch(
          `/api/myths/${myth.id}?draft=true`,
          { myth: 'Edited by a reviewer', _status: 'draft' },
          'claims',
        )
      ).status,
    ).toBe(200)
    await http.act('myths', myth.id, 'submit', 'writer')
    const editor = await http.act('myths', myth.id, 'approve', 'claims')
    expect(editor.status).toBe(403)
    expect(message(editor)).toMatch(/second person/)
    expect((await http.act('myths', myth.id, 'approve', 'otherClaims')).body.workflowStage).toBe('in_review')
    // Withdrawn and edited: the approval is gone, and the new round starts from none.
    await http.act('myths', myth.id, 'withdraw', 'writer')
    await http.patch(`/api/myths/${myth.id}?draft=true`, { myth: 'Edited again', _status: 'draft' }, 'writer')
    expect((await stored('myths', myth.id)).workflow?.approvals).toEqual([])
    await http.act('myths', myth.id, 'submit', 'writer')
    expect((await http.act('myths', myth.id, 'approve', 'otherClaims')).body.approvals).toEqual({
      count: 1,
      required: 2,
    })
  })

  it('only admins give reviewer roles', async () => {
    const own = await http.patch(`/api/users/${people.reviewer.id}`, { reviewerRoles: ['claims-reviewer'] }, 'reviewer')
    expect(own.status).toBe(403)
    expect(message(own)).toBe('Only admins give or take reviewer roles.')
    const byAdmin = await http.patch(`/api/users/${people.otherWriter.id}`, { reviewerRoles: [] }, 'admin')
    expect(byAdmin.status).toBe(200)
  })
})

describe('assignments', () => {
  it('reviewers assign qualified reviewers with a due date; the assignee is mailed and sees it under "Assigned to me"', async () => {
    const myth = await submitted('myths')
    const due = new Date(Date.now() + 86_400_000).toISOString()
    const byWriter = await http.post(`/api/myths/${myth.id}/assign`, { reviewers: [people.claims.id] }, 'writer')
    expect(byWriter.status).toBe(403)
    const unqualified = await http.post(`/api/myths/${myth.id}/assign`, { reviewers: [people.reviewer.id] }, 'admin')
    expect(unqualified.status).toBe(400)
    expect(message(unqualified)).toMatch(/cannot approve this myth/)
    for (const bad of [
      { reviewers: 'all' },
      { reviewers: [people.claims.id], due: 'tomorrow' },
      { reviewers: [people.claims.id], due: '2001-01-01' },
    ])
      expect((await http.post(`/api/myths/${myth.id}/assign`, bad, 'reviewer')).status).toBe(400)
    const assigned = await http.post(`/api/myths/${myth.id}/assign`, { reviewers: [people.claims.id], due }, 'reviewer')
    expect(assigned.body).toMatchObject({ assignees: [{ id: people.claims.id }], dueDate: due })
    await waitFor('the assignment mail', () =>
      smtp.mailsTo(people.claims.email).find((mail) => mail.subject.startsWith('Assigned to you')),
    )
    const mine = await http.get('/api/workflow/queue?assigned=me', 'claims')
    expect(mine.body.docs).toEqual([expect.objectContaining({ collection: 'myths', id: myth.id, dueDate: due })])
    expect((await http.get('/api/workflow/queue?assigned=me', 'otherClaims')).body.docs).toEqual([])
    expect(
      (await http.get('/api/workflow/queue?overdue=true', 'claims')).body.docs.map((item: { id: number }) => item.id),
    ).not.toContain(myth.id)
    // The due date passes.
    const doc = await stored('myths', myth.id)
    await payload.update({
      collection: 'myths',
      id: myth.id,
      data: { workflow: { ...doc.workflow, dueDate: new Date(Date.now() - 60_000).toISOString() } },
      draft: true,
      overrideAccess: true,
      context: { workflowRecord: true },
    })
    const overdue = await http.get('/api/workflow/queue?overdue=true', 'otherClaims')
    expect(overdue.body.docs).toEqual([
      expect.objectContaining({ id: myth.id, openThreads: 0, approvals: { count: 0, required: 2 } }),
    ])
  })

  it('only documents in review are assigned, over GraphQL too', async () => {
    const article = await draft('articles')
    const refused = await http.graphql(
      `mutation { workflowAssign(collection: "articles", id: ${article.id}, reviewers: [${people.reviewer.id}]) { dueDate } }`,
      'reviewer',
    )
    expect(refused.body.errors[0].message).toMatch(/Only documents in review are assigned; this one is Draft/)
    await http.act('articles', article.id, 'submit', 'writer')
    const done = await http.graphql(
      `mutation { workflowAssign(collection: "articles", id: ${article.id}, reviewers: [${people.reviewer.id}, ${people.admin.id}]) { assignees dueDate } }`,
      'reviewer',
    )
    expect(done.body.data.workflowAssign).toEqual({
      assignees: [String(people.reviewer.id), String(people.admin.id)],
      dueDate: null,
    })
  })
})

describe('what changed', () => {
  it('compares the newest version with the live one, and with the version the reviewer last saw', async () => {
    const article = await submitted('articles')
    await http.act('articles', article.id, 'request_changes', 'reviewer', { comment: 'Warmer title, please.' })
    await http.patch(
      `/api/articles/${article.id}?draft=true`,
      {
        title: 'A warmer guide to back massage',
        content: richText('Breathe out slowly as the therapist works.'),
        _status: 'draft',
      },
      'writer',
    )
    const seen = await http.get(`/api/articles/${article.id}/changes?against=seen`, 'reviewer')
    expect(seen.status).toBe(200)
    expect(seen.body.changes.map((change: { field: string }) => change.field)).toEqual(['title', 'content'])
    const content = seen.body.changes[1]
    expect(content.after).toBe('Breathe out slowly as the therapist works.')
    expect(content.parts).toContainEqual({ op: 'insert', text: expect.stringContaining('Breathe') })
    // Never published: against the live version everything is new.
    const live = await http.get(`/api/articles/${article.id}/changes?against=live`, 'reviewer')
    expect(live.body).toMatchObject({ against: 'live', againstVersion: null })
    expect(live.body.changes.map((change: { field: string }) => change.field)).toEqual(
      expect.arrayContaining(['title', 'excerpt', 'content']),
    )
    // Someone who never looked at it sees it all as new, too.
    expect((await http.get(`/api/articles/${article.id}/changes?against=seen`, 'admin')).body.againstVersion).toBeNull()
    expect((await http.get(`/api/articles/${article.id}/changes?against=yesterday`, 'reviewer')).status).toBe(400)
    expect((await http.get(`/api/articles/${article.id}/changes`)).status).toBe(401)
  })
})

describe('no lost edits', () => {
  const save = (id: number, who: Person, basedOn: string, title: string) =>
    http.patch(`/api/articles/${id}?draft=true`, { title, updatedAt: basedOn, _status: 'draft' }, who)

  it('refuses a save based on a version someone else has since changed, and loses nothing', async () => {
    await payload.update({
      collection: 'users',
      id: people.otherWriter.id,
      data: { name: 'Olga Writer' },
      overrideAccess: true,
    })
    const article = await draft('articles')
    // Both open the article: a reviewer saves first.
    const first = await save(article.id, 'reviewer', article.updatedAt, 'The reviewer’s title')
    expect(first.status).toBe(200)
    const late = await save(article.id, 'writer', article.updatedAt, 'The writer’s title')
    expect(late.status).toBe(409)
    expect(message(late)).toMatch(
      new RegExp(
        `^This article was changed by ${people.reviewer.email} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC`,
      ),
    )
    expect(late.body.errors[0].data.conflict).toMatchObject({ refused: { title: 'The writer’s title' } })
    expect(((await stored('articles', article.id)) as { title: string }).title).toBe('The reviewer’s title')
    // Based on the newest version, the writer's save goes through.
    expect((await save(article.id, 'writer', first.body.doc.updatedAt, 'The writer’s title')).status).toBe(200)
  })

  it('of two simultaneous saves on one version, one wins and the other is refused with its content', async () => {
    const article = await draft('articles')
    const [a, b] = await Promise.all([
      save(article.id, 'writer', article.updatedAt, 'Title A'),
      save(article.id, 'reviewer', article.updatedAt, 'Title B'),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const winner = a.status === 200 ? 'Title A' : 'Title B'
    expect(((await stored('articles', article.id)) as { title: string }).title).toBe(winner)
  })

  it('is no conflict when only workflow records changed, or the newer save was your own', async () => {
    const article = await draft('articles')
    await http.act('articles', article.id, 'submit', 'writer')
    await http.act('articles', article.id, 'withdraw', 'writer')
    expect((await save(article.id, 'writer', article.updatedAt, 'After a withdrawal')).status).toBe(200)
    expect((await save(article.id, 'writer', article.updatedAt, 'My second tab')).status).toBe(200)
  })

  it('holds over GraphQL and the local API too', async () => {
    const article = await draft('articles')
    await save(article.id, 'reviewer', article.updatedAt, 'Reviewer first')
    const overGraphql = await http.graphql(
      `mutation { updateArticle(id: ${article.id}, draft: true, data: { title: "Writer late", updatedAt: "${article.updatedAt}" }) { title } }`,
      'writer',
    )
    expect(overGraphql.body.errors[0].message).toMatch(/was changed by/)
    await expect(
      payload.update({
        collection: 'articles',
        id: article.id,
        draft: true,
        data: { title: 'Local late', updatedAt: article.updatedAt },
        user: { ...people.writer, collection: 'users' },
        overrideAccess: false,
      }),
    ).rejects.toThrow(/was changed by/)
    expect(((await stored('articles', article.id)) as { title: string }).title).toBe('Reviewer first')
  })
})

describe('editing now', () => {
  it('tells each editor who else has the document open, until they leave', async () => {
    const article = await draft('articles')
    const beat = (who: Person) => http.post(`/api/articles/${article.id}/presence`, {}, who)
    expect((await beat('writer')).body).toEqual({ editing: [] })
    expect((await beat('reviewer')).body.editing).toEqual([expect.objectContaining({ id: people.writer.id })])
    expect((await beat('writer')).body.editing).toEqual([expect.objectContaining({ id: people.reviewer.id })])
    expect((await http.delete(`/api/articles/${article.id}/presence`, 'reviewer')).status).toBe(204)
    expect((await beat('writer')).body).toEqual({ editing: [] })
    expect((await http.post(`/api/articles/${article.id}/presence`, {})).status).toBe(401)
  })
})
