/**
 * Knock-on review: an article embedding two techniques and a myth is flagged "Check: … changed"
 * when one of them goes live again with different text, not when only its other fields change,
 * and the flag clears when a reviewer confirms the article or its next version goes live.
 */
import { contentData, randomSuffix, richText } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
useUsers(
  fixtures,
  { writer: 'writer', reviewer: 'claims-reviewer', otherReviewer: 'claims-reviewer' },
  { http, label: 'knock' },
)
type Collection = 'articles' | 'techniques' | 'myths'

async function goLive(collection: Collection, id: number) {
  const steps: [string, string][] = [
    ['submit', 'writer'],
    ['approve', 'reviewer'],
  ]
  if (collection === 'myths') steps.push(['approve', 'otherReviewer'])
  steps.push(['publish', 'reviewer'])
  for (const [action, who] of steps) {
    const result = await http.act(collection, id, action, who, { acknowledgeClaims: true, confirmOpenThreads: true })
    expect({ action, status: result.status, body: result.body }).toMatchObject({ action, status: 200 })
  }
}

async function publishNew(collection: Collection, extra: Record<string, unknown> = {}) {
  const { body } = await http.post(
    `/api/${collection}?draft=true`,
    { ...contentData(collection, `Knock ${collection} ${randomSuffix()}`), ...extra, _status: 'draft' },
    'writer',
  )
  fixtures.track(collection, body.doc.id)
  await goLive(collection, body.doc.id)
  return body.doc as { id: number }
}

async function republish(collection: Collection, id: number, changes: Record<string, unknown>) {
  expect(
    (await http.patch(`/api/${collection}/${id}?draft=true`, { ...changes, _status: 'draft' }, 'writer')).status,
  ).toBe(200)
  await goLive(collection, id)
}

const flagsOf = async (id: number) =>
  (await http.get(`/api/articles/${id}/workflow`, 'reviewer')).body.knockOn as {
    collection: string
    id: number
    title: string
  }[]

describe('knock-on review', () => {
  it('flags the live articles that embed a changed technique or myth, until a reviewer confirms them', async () => {
    const [first, second] = [await publishNew('techniques'), await publishNew('techniques')]
    const myth = await publishNew('myths')
    const article = await publishNew('articles', { techniques: [first.id, second.id], myths: [myth.id] })
    expect(await flagsOf(article.id)).toEqual([])

    // A change that is not to its text (the pressure, a choice from a list) flags nothing…
    await republish('techniques', second.id, { pressure: 'firm' })
    expect(await flagsOf(article.id)).toEqual([])
    // …a new description does.
    await republish('techniques', first.id, { description: richText('Use less pressure over the spine.') })
    expect(await flagsOf(article.id)).toEqual([expect.objectContaining({ collection: 'techniques', id: first.id })])
    const bar = await http.get(`/api/articles/${article.id}/workflow`, 'reviewer')
    expect(bar.body.actions.map((one: { action: string }) => one.action)).toContain('confirm_current')
    const due = await http.get('/api/workflow/queue?reviewDue=true', 'reviewer')
    expect(due.body.docs).toContainEqual(expect.objectContaining({ collection: 'articles', id: article.id }))
    // Flags are staff business.
    expect((await http.get(`/api/articles/${article.id}`)).body.knockOn).toBeUndefined()
    // Only the workflow writes them (a save never reaches the live row's flags anyway).
    const madeUp = [{ collection: 'techniques', id: second.id, title: 'x', changedAt: new Date().toISOString() }]
    expect(
      (await http.patch(`/api/articles/${article.id}?draft=true`, { knockOn: madeUp, _status: 'draft' }, 'reviewer'))
        .status,
    ).toBe(403)

    const myths = await http.patch(
      `/api/myths/${myth.id}?draft=true`,
      { fact: richText('Firm pressure is not needed.'), _status: 'draft' },
      'writer',
    )
    expect(myths.status).toBe(200)
    await goLive('myths', myth.id)
    expect((await flagsOf(article.id)).map((flag) => flag.collection).sort()).toEqual(['myths', 'techniques'])

    const confirmed = await http.act('articles', article.id, 'confirm_current', 'otherReviewer')
    expect(confirmed.body).toMatchObject({ workflowStage: 'published', event: { action: 'confirm_current' } })
    expect(await flagsOf(article.id)).toEqual([])
    // Once settled, an article without a review interval is not asked to be confirmed again.
    expect((await http.act('articles', article.id, 'confirm_current', 'reviewer')).status).toBe(409)
    // The article's relations were not touched by the flags.
    const live = (await http.get(`/api/articles/${article.id}?depth=0`)).body
    expect(live.techniques).toEqual([first.id, second.id])
    expect(live.myths).toEqual([myth.id])
  })

  it('an edited article going live clears its flags', async () => {
    const technique = await publishNew('techniques')
    const article = await publishNew('articles', { techniques: [technique.id] })
    await republish('techniques', technique.id, { name: `Renamed ${randomSuffix()}` })
    expect(await flagsOf(article.id)).toHaveLength(1)
    await republish('articles', article.id, { excerpt: 'Now says what the technique says.' })
    expect(await flagsOf(article.id)).toEqual([])
  })
})
