/**
 * Content that stays true: live techniques, FAQs and myths are due for review a while after they
 * went live (payload.config.ts: 24 and 12 months); the API marks them once the date passed, their
 * reviewers get one mail, and "Still correct" renews them, audited. Over REST and GraphQL.
 */
import { contentData, randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { useEnv, useFixtures, useLocalPayload, useServer, useSmtpReceiver, useUsers } from '../helpers/suite'
import { markReviewsDue } from '../../src/workflow/reviewDates'

const smtp = useSmtpReceiver()
useEnv(() => ({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', SMTP_FROM: 'cms@spa.test' }))
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(
  fixtures,
  { writer: 'writer', reviewer: 'reviewer', otherReviewer: 'reviewer' },
  { http, label: 'dates' },
)

async function published(collection: 'techniques' | 'articles') {
  const { body } = await http.post(
    `/api/${collection}?draft=true`,
    { ...contentData(collection, `Dates ${collection} ${randomSuffix()}`), _status: 'draft' },
    'writer',
  )
  fixtures.track(collection, body.doc.id)
  const id = body.doc.id as number
  for (const [action, who] of [
    ['submit', 'writer'],
    ['approve', 'reviewer'],
    ['publish', 'reviewer'],
  ] as const)
    expect((await http.act(collection, id, action, who, { acknowledgeClaims: true })).status).toBe(200)
  return id
}

const publicTechnique = async (id: number) => (await http.get(`/api/techniques/${id}?depth=0`)).body

/** Time passes: the live row's review date moves into the past. */
const reviewDatePasses = (id: number) =>
  payload.db.updateOne({
    collection: 'techniques',
    id,
    data: { reviewBy: new Date(Date.now() - 60_000).toISOString() },
  })

describe('review dates', () => {
  it('publishing sets the review date from the collection interval; the public API shows it', async () => {
    const id = await published('techniques')
    const technique = await publicTechnique(id)
    const months = (Date.parse(technique.reviewBy) - Date.now()) / (30.44 * 86_400_000)
    expect(months).toBeGreaterThan(23.5)
    expect(months).toBeLessThan(24.5)
    expect(technique.reviewDue).toBe(false)
    // A collection without an interval has no date, and no "Still correct".
    const articleId = await published('articles')
    expect((await http.get(`/api/articles/${articleId}?depth=0`)).body.reviewBy).toBeNull()
    const refused = await http.act('articles', articleId, 'confirm_current', 'reviewer')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/for content that asks to be checked again/)
  })

  it('past its date, the live document is marked and its reviewers get one mail; "Still correct" renews it', async () => {
    const id = await published('techniques')
    await reviewDatePasses(id)
    const marked = await markReviewsDue(payload)
    expect(marked.map((doc) => doc.id)).toContain(id)
    expect((await publicTechnique(id)).reviewDue).toBe(true)
    const graphql = await http.graphql(`{ Technique(id: ${id}) { reviewDue reviewBy } }`)
    expect(graphql.body.data.Technique.reviewDue).toBe(true)
    const mails = () => smtp.mailsTo(people.otherReviewer.email).filter((mail) => mail.subject.startsWith('Review due'))
    await waitFor('the review-due mail', () => mails().length > 0)
    // Marked once, mailed once.
    expect((await markReviewsDue(payload)).map((doc) => doc.id)).not.toContain(id)
    expect(mails()).toHaveLength(1)
    const due = await http.get('/api/workflow/queue?reviewDue=true', 'reviewer')
    expect(due.body.docs.map((item: { id: number }) => item.id)).toContain(id)

    expect((await http.act('techniques', id, 'confirm_current', 'writer')).status).toBe(403)
    const confirmed = await http.graphql(
      `mutation { workflowTransition(collection: "techniques", id: ${id}, action: "confirm_current") { workflowStage event { action from to } } }`,
      'otherReviewer',
    )
    expect(confirmed.body.data.workflowTransition).toEqual({
      workflowStage: 'published',
      event: { action: 'confirm_current', from: 'published', to: 'published' },
    })
    const renewed = await publicTechnique(id)
    expect(renewed.reviewDue).toBe(false)
    expect(Date.parse(renewed.reviewBy)).toBeGreaterThan(Date.now() + 700 * 86_400_000)
  })

  it("the job scheduler's bookkeeping is Payload's alone", async () => {
    for (const who of ['writer', 'reviewer'] as const) {
      expect((await http.get('/api/globals/payload-jobs-stats', who)).status).toBe(403)
      expect((await http.post('/api/globals/payload-jobs-stats', { stats: {} }, who)).status).toBe(403)
    }
  })

  it('nobody moves the review dates around the workflow', async () => {
    const id = await published('techniques')
    const { reviewBy } = await publicTechnique(id)
    for (const change of [{ reviewBy: '2099-01-01T00:00:00.000Z' }, { reviewDue: true }]) {
      const refused = await http.patch(`/api/techniques/${id}?draft=true`, { ...change, _status: 'draft' }, 'reviewer')
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/review dates change only through the workflow/)
    }
    // Sending them back unchanged (as the admin's form does) is fine.
    expect(
      (
        await http.patch(
          `/api/techniques/${id}?draft=true`,
          { reviewBy, summary: 'Edited', _status: 'draft' },
          'writer',
        )
      ).status,
    ).toBe(200)
    expect((await publicTechnique(id)).reviewBy).toBe(reviewBy)
  })
})
