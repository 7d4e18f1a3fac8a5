/**
 * Scheduled publishing against the real server, as two instances on one database would run it:
 * `server` answers every request with its job runner off (JOBS_RUNNER=off), and `runner`, with
 * the runner on (as `npm start` runs by default), is never sent a request. Schedules go in over
 * REST and GraphQL and nobody runs a job by hand; the test watches what anonymous readers, the
 * audit trail, the mail server and the two processes' logs see.
 */
import { SCHEDULE_TASK } from '../../src/workflow/scheduling'
import { contentData, randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { useCleanup, useFixtures, useLocalPayload, useServer, useSmtpReceiver, useUsers } from '../helpers/suite'

/** The runner looks every 10 s; a job a few seconds ahead is done well within this. */
const RUN_WITHIN_MS = 45_000

const smtp = useSmtpReceiver()
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
// Failed schedules stay listed for a while; this run's own go with its documents.
useCleanup('the schedules', () =>
  payload.db.deleteMany({ collection: 'payload-jobs', where: { taskSlug: { equals: SCHEDULE_TASK } } }),
)
const mail = () => ({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' })
// One after the other: two Next servers starting at once on a busy machine may miss startServer's deadline.
const server = useServer({ env: () => ({ ...mail(), JOBS_RUNNER: 'off' }) })
const runner = useServer({ name: 'the job runner', env: () => ({ ...mail(), JOBS_RUNNER: 'on' }) })
const http = httpClient(server)
const people = useUsers(
  fixtures,
  { writer: 'writer', reviewer: 'reviewer', otherReviewer: 'reviewer', admin: 'admin' },
  { label: 'schedule', http },
)
type Who = keyof typeof people

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()

async function draftArticle(who: Who = 'writer') {
  const title = `Scheduled guide ${randomSuffix()}`
  const { status, body } = await http.post(
    '/api/articles?draft=true',
    { ...contentData('articles', title), _status: 'draft' },
    who,
  )
  expect(status).toBe(201)
  fixtures.track('articles', body.doc.id)
  return body.doc as { id: number; title: string }
}

/** Drafted and submitted by the writer, approved by the other reviewer. */
async function approvedArticle() {
  const article = await draftArticle()
  expect((await http.act('articles', article.id, 'submit', 'writer')).status).toBe(200)
  expect((await http.act('articles', article.id, 'approve', 'otherReviewer')).status).toBe(200)
  return article
}

const publicStatus = async (id: number) => (await http.get(`/api/articles/${id}`)).status
const scheduledFor = async (id: number, who: Who = 'reviewer') =>
  (
    (await http.get('/api/workflow/scheduled', who)).body.docs as {
      id: number
      documentId: number
      state: string
      reason: string | null
    }[]
  ).filter((item) => item.documentId === id)

async function auditOf(id: number, action: string) {
  const { docs } = await payload.find({
    collection: 'workflow-events',
    where: { and: [{ 'document.value': { equals: id } }, { action: { equals: action } }] },
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

describe('scheduled publishing runs by itself', () => {
  it('REST: a publish scheduled a few seconds ahead goes live for anonymous readers, as the reviewer who scheduled it', async () => {
    const article = await approvedArticle()
    const at = inSeconds(3)
    const scheduled = await http.act('articles', article.id, 'publish', 'reviewer', { at })
    expect(scheduled.status).toBe(202)
    expect(scheduled.body.scheduled).toMatchObject({
      action: 'publish',
      label: 'Publish',
      at,
      documentId: article.id,
      title: article.title,
      state: 'scheduled',
      scheduledBy: { id: people.reviewer.id, email: people.reviewer.email },
    })
    expect(await publicStatus(article.id)).toBe(404)

    await waitFor('the scheduled publish', async () => (await publicStatus(article.id)) === 200, RUN_WITHIN_MS)
    expect((await http.get(`/api/articles/${article.id}`)).body.title).toBe(article.title)
    const [event] = await auditOf(article.id, 'publish')
    expect(event).toMatchObject({
      from: 'approved',
      to: 'published',
      actor: people.reviewer.id,
      actorEmail: people.reviewer.email,
    })
    expect(event.comment).toBe(`Scheduled for ${at}.`)
    expect(new Date(event.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime())
    expect(await scheduledFor(article.id)).toEqual([])
    // Run by the runner, which started without any request; never by the instance with it off.
    expect(runner.output()).toMatch(/"msg":"Running 1 jobs\."/)
    expect(server.output()).not.toMatch(/"msg":"Running \d+ jobs\."/)

    // And back offline the same way.
    expect((await http.act('articles', article.id, 'unpublish', 'admin', { at: inSeconds(2) })).status).toBe(202)
    await waitFor('the scheduled unpublish', async () => (await publicStatus(article.id)) === 404, RUN_WITHIN_MS)
    expect(await auditOf(article.id, 'unpublish')).toEqual([
      expect.objectContaining({ actor: people.admin.id, to: 'unpublished' }),
    ])
  })

  it('GraphQL: workflowTransition with `at` schedules the publish, which then happens', async () => {
    const article = await approvedArticle()
    const at = inSeconds(3)
    const { status, body } = await http.graphql(
      `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "publish", at: "${at}") { id workflowStage event { id } scheduled { id action at state } } }`,
      'reviewer',
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.workflowTransition).toMatchObject({
      id: String(article.id),
      event: null,
      scheduled: { action: 'publish', at, state: 'scheduled' },
    })
    await waitFor('the scheduled publish', async () => (await publicStatus(article.id)) === 200, RUN_WITHIN_MS)
    expect(await auditOf(article.id, 'publish')).toEqual([expect.objectContaining({ actor: people.reviewer.id })])
  })
})

describe('the workflow is checked again when the time comes', () => {
  it('an article edited after approval is not published: the job fails with the reason, and the scheduler and submitter are mailed', async () => {
    const article = await approvedArticle()
    expect((await http.act('articles', article.id, 'publish', 'reviewer', { at: inSeconds(3) })).status).toBe(202)
    const edit = await http.patch(
      `/api/articles/${article.id}?draft=true`,
      { excerpt: 'A changed excerpt nobody approved.' },
      'writer',
    )
    expect(edit.status).toBe(200)

    const failed = await waitFor(
      'the schedule to fail',
      async () => (await scheduledFor(article.id)).find((item) => item.state === 'failed'),
      RUN_WITHIN_MS,
    )
    expect(failed.reason).toBe('Publish is not possible now: the document is Draft, and Publish applies to Approved.')
    expect(await publicStatus(article.id)).toBe(404)
    expect(await auditOf(article.id, 'publish')).toEqual([])

    const subject = `Scheduled publish failed: "${article.title}"`
    for (const person of [people.reviewer, people.writer]) {
      const mail = await waitFor(`the failure mail to ${person.email}`, () =>
        smtp.mailsTo(person.email).find((entry) => entry.subject === subject),
      )
      expect(mail.text).toContain(failed.reason)
      expect(mail.text).toContain(`/admin/collections/articles/${article.id}`)
    }
    expect(smtp.messages.filter((mail) => mail.subject === subject)).toHaveLength(2)
  })

  it('a publish scheduled before a new approval does not publish the newly approved content', async () => {
    const article = await approvedArticle()
    expect((await http.act('articles', article.id, 'publish', 'reviewer', { at: inSeconds(4) })).status).toBe(202)
    expect(
      (
        await http.patch(
          `/api/articles/${article.id}?draft=true`,
          { excerpt: 'Rewritten and approved again.' },
          'writer',
        )
      ).status,
    ).toBe(200)
    expect((await http.act('articles', article.id, 'submit', 'writer')).status).toBe(200)
    expect((await http.act('articles', article.id, 'approve', 'otherReviewer')).status).toBe(200)

    const failed = await waitFor(
      'the schedule to fail',
      async () => (await scheduledFor(article.id)).find((item) => item.state === 'failed'),
      RUN_WITHIN_MS,
    )
    expect(failed.reason).toMatch(/approved again after this publish was scheduled/)
    expect(await publicStatus(article.id)).toBe(404)
  })
})

describe('what the API refuses', () => {
  it('times in the past or malformed, with a 400 that says why', async () => {
    const article = await approvedArticle()
    const refusals: [unknown, RegExp][] = [
      [inSeconds(-60), /is in the past/],
      ['tomorrow at nine', /not a date and time with a time zone offset/],
      ['2026-12-24T09:30:00', /not a date and time with a time zone offset/],
      ['2031-02-30T09:30:00Z', /not a real date and time/],
      ['2031-01-01T25:00:00+01:00', /not a real date and time/],
      [1893456000000, /must be a date and time/],
      ['', /must be a date and time/],
    ]
    for (const [at, reason] of refusals) {
      const { status, body } = await http.act('articles', article.id, 'publish', 'reviewer', { at })
      expect({ at, status }).toEqual({ at, status: 400 })
      expect(body.errors[0].message).toMatch(reason)
    }
    const graphql = await http.graphql(
      `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "publish", at: "soon") { id } }`,
      'reviewer',
    )
    expect(graphql.body.errors[0].message).toMatch(/not a date and time/)
    expect(await scheduledFor(article.id)).toEqual([])
  })

  it('actions that cannot be scheduled, the wrong stage, and a second schedule of the same action', async () => {
    const draft = await draftArticle()
    const notSchedulable = await http.act('articles', draft.id, 'submit', 'writer', { at: inSeconds(3600) })
    expect(notSchedulable.status).toBe(400)
    expect(notSchedulable.body.errors[0].message).toBe(
      'Submit for review cannot be scheduled; only Publish and Unpublish can.',
    )
    const wrongStage = await http.act('articles', draft.id, 'publish', 'reviewer', { at: inSeconds(3600) })
    expect(wrongStage.status).toBe(409)
    expect(wrongStage.body.errors[0].message).toMatch(/Publish is not possible now: the document is Draft/)

    const article = await approvedArticle()
    expect((await http.act('articles', article.id, 'publish', 'reviewer', { at: inSeconds(3600) })).status).toBe(202)
    const twice = await http.act('articles', article.id, 'publish', 'admin', { at: inSeconds(7200) })
    expect(twice.status).toBe(409)
    expect(twice.body.errors[0].message).toMatch(/already scheduled for .*cancel that first/)
  })
})

describe('who may schedule, see and cancel', () => {
  it('schedule: reviewers and admins; writers (the author included) 403, anonymous 401', async () => {
    const article = await approvedArticle()
    const at = inSeconds(3600)
    expect((await http.act('articles', article.id, 'publish', undefined, { at })).status).toBe(401)
    const byWriter = await http.act('articles', article.id, 'publish', 'writer', { at })
    expect(byWriter.status).toBe(403)
    expect(byWriter.body.errors[0].message).toBe('Publish is for reviewers, admins.')
    const graphqlWriter = await http.graphql(
      `mutation { workflowTransition(collection: "articles", id: ${article.id}, action: "publish", at: "${at}") { id } }`,
      'writer',
    )
    expect(graphqlWriter.body.errors[0].message).toBe('Publish is for reviewers, admins.')
    expect(await scheduledFor(article.id)).toEqual([])

    const byAdmin = await http.act('articles', article.id, 'publish', 'admin', { at })
    expect(byAdmin.status).toBe(202)
    expect((await http.delete(`/api/workflow/scheduled/${byAdmin.body.scheduled.id}`, 'admin')).status).toBe(200)
    expect((await http.act('articles', article.id, 'publish', 'reviewer', { at })).status).toBe(202)
  })

  it('the edit view offers "Publish at…" to reviewers and admins only, with what is scheduled', async () => {
    const article = await approvedArticle()
    const status = (who: Who) => http.get(`/api/articles/${article.id}/workflow`, who)
    expect((await status('writer')).body.schedulable).toEqual([])
    expect((await status('reviewer')).body.schedulable).toEqual([{ action: 'publish', label: 'Publish at…' }])
    expect((await status('admin')).body.schedulable).toEqual([{ action: 'publish', label: 'Publish at…' }])
    const at = inSeconds(3600)
    await http.act('articles', article.id, 'publish', 'reviewer', { at })
    expect((await status('writer')).body.scheduled).toEqual([
      expect.objectContaining({ action: 'publish', at, state: 'scheduled', mayCancel: false }),
    ])
    expect((await status('reviewer')).body.scheduled).toEqual([expect.objectContaining({ mayCancel: true })])
  })

  it('the list: staff see it (what, when, by whom); anonymous get 401', async () => {
    const article = await approvedArticle()
    const at = inSeconds(3600)
    const { body } = await http.act('articles', article.id, 'publish', 'reviewer', { at })
    expect((await http.get('/api/workflow/scheduled')).status).toBe(401)
    for (const who of ['writer', 'otherReviewer', 'admin'] as const) {
      const list = await http.get('/api/workflow/scheduled', who)
      expect(list.status).toBe(200)
      expect(list.body.docs.find((item: { id: number }) => item.id === body.scheduled.id)).toMatchObject({
        collection: 'articles',
        documentId: article.id,
        title: article.title,
        at,
        scheduledBy: { id: people.reviewer.id },
        mayCancel: who === 'admin',
      })
    }
  })

  it('cancel: whoever scheduled it and admins; other reviewers and writers 403, anonymous 401', async () => {
    const article = await approvedArticle()
    const schedule = async (who: Who) =>
      (await http.act('articles', article.id, 'publish', who, { at: inSeconds(3600) })).body.scheduled.id as number
    const cancel = (id: number, who?: Who) => http.delete(`/api/workflow/scheduled/${id}`, who)

    const mine = await schedule('reviewer')
    expect((await cancel(mine)).status).toBe(401)
    const byWriter = await cancel(mine, 'writer')
    expect(byWriter.status).toBe(403)
    expect(byWriter.body.errors[0].message).toBe('Only the person who scheduled it, or an admin, can cancel it.')
    expect((await cancel(mine, 'otherReviewer')).status).toBe(403)
    expect(await scheduledFor(article.id)).toHaveLength(1)
    expect(await cancel(mine, 'reviewer')).toMatchObject({ status: 200, body: { id: mine, cancelled: true } })
    expect(await scheduledFor(article.id)).toEqual([])
    expect((await cancel(mine, 'reviewer')).status).toBe(404)

    const reviewers = await schedule('reviewer')
    expect((await cancel(reviewers, 'admin')).status).toBe(200)
    expect(await scheduledFor(article.id)).toEqual([])
    for (const id of ['abc', '0', '99999999'])
      expect((await http.delete(`/api/workflow/scheduled/${id}`, 'admin')).status).toBe(404)
  })

  it('a cancelled publish does not happen', async () => {
    const article = await approvedArticle()
    const { body } = await http.act('articles', article.id, 'publish', 'reviewer', { at: inSeconds(2) })
    expect((await http.delete(`/api/workflow/scheduled/${body.scheduled.id}`, 'reviewer')).status).toBe(200)
    // Longer than the runner needs to pick up a due job (see the first test).
    await new Promise((resolve) => setTimeout(resolve, 15_000))
    expect(await publicStatus(article.id)).toBe(404)
    expect(await auditOf(article.id, 'publish')).toEqual([])
  })

  it("Payload's own schedulePublish (which writes _status and lets any admin user queue jobs) is not configured", () => {
    expect(payload.config.jobs.tasks?.map((task) => task.slug)).not.toContain('schedulePublish')
  })
})
