/**
 * Two people acting on the same document at the same moment: exactly one transition wins, the
 * other is refused with 409, and the audit trail records the winner once.
 */
import { contentData, randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'
import { expectStageMatchesAuditTrail } from './auditTrail'

type Person = 'writer' | 'reviewer' | 'otherReviewer'
type Step = [action: string, who: Person, extra?: Record<string, unknown>]

/** Documents raced at once per case: more chances for the two requests to overlap. */
const DOCUMENTS_PER_RACE = 3

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer', otherReviewer: 'reviewer' }, { http })

const act = (id: number, [action, who, extra]: Step) => http.act('articles', id, action, who, extra)

/** A writer's draft article, taken through `steps` one after the other. */
async function articleAfter(steps: Step[]): Promise<number> {
  const created = await http.post(
    '/api/articles?draft=true',
    { ...contentData('articles', `Race ${randomSuffix()}`), _status: 'draft' },
    'writer',
  )
  expect(created.status).toBe(201)
  fixtures.track('articles', created.body.doc.id)
  for (const step of steps) expect((await act(created.body.doc.id, step)).status).toBe(200)
  return created.body.doc.id
}

const submitted: Step[] = [['submit', 'writer']]
const approved: Step[] = [...submitted, ['approve', 'reviewer']]

it.each<{ race: string; before: Step[]; contenders: [Step, Step] }>([
  {
    race: 'two reviewers approve',
    before: submitted,
    contenders: [
      ['approve', 'reviewer'],
      ['approve', 'otherReviewer'],
    ],
  },
  {
    race: 'one approves, one requests changes',
    before: submitted,
    contenders: [
      ['approve', 'reviewer'],
      ['request_changes', 'otherReviewer', { comment: 'Cite a source.' }],
    ],
  },
  {
    race: 'two reviewers publish',
    before: approved,
    contenders: [
      ['publish', 'reviewer'],
      ['publish', 'otherReviewer'],
    ],
  },
  {
    race: 'writer and reviewer submit',
    before: [],
    contenders: [
      ['submit', 'writer'],
      ['submit', 'reviewer'],
    ],
  },
])('$race: one wins, the other gets 409, one audit row', async ({ before, contenders }) => {
  const ids = await Promise.all(Array.from({ length: DOCUMENTS_PER_RACE }, () => articleAfter(before)))
  const results = await Promise.all(ids.map((id) => Promise.all(contenders.map((step) => act(id, step)))))

  for (const [index, id] of ids.entries()) {
    const statuses = results[index].map((result) => result.status)
    expect([...statuses].sort()).toEqual([200, 409])
    const winner = results[index][statuses.indexOf(200)].body
    const trail = await expectStageMatchesAuditTrail(payload, 'articles', id)
    expect(trail).toHaveLength(before.length + 1)
    expect(trail.at(-1)).toEqual({ action: winner.event.action, from: winner.event.from, to: winner.workflowStage })
  }
})
