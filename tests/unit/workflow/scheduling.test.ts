import {
  availableSchedules,
  decideSchedule,
  mayCancelScheduled,
  type WorkflowActor,
} from '../../../src/workflow/machine'
import { parseScheduleTime } from '../../../src/workflow/scheduleTime'
import { STAGES } from '../../../src/workflow/transitions'

const author: WorkflowActor = { id: 1, role: 'writer' }
const reviewer: WorkflowActor = { id: 3, role: 'reviewer' }
const otherReviewer: WorkflowActor = { id: 5, role: 'reviewer' }
const admin: WorkflowActor = { id: 4, role: 'admin' }
const subjectIn = (stage: (typeof STAGES)[number]) => ({ stage, authorId: 1, submittedBy: 1, lastEditedBy: 1 })

describe('what may be scheduled, by whom (the transition table)', () => {
  it('"Publish at…" on approved and "Unpublish at…" on published documents, for reviewers and admins', () => {
    const offered = STAGES.flatMap((stage) =>
      Object.entries({ author, reviewer, admin }).map(
        ([name, actor]) => `${stage} ${name}: ${availableSchedules(subjectIn(stage), actor).join(',')}`,
      ),
    )
    expect(offered.filter((line) => !line.endsWith(': '))).toEqual([
      'approved reviewer: publish',
      'approved admin: publish',
      'published reviewer: unpublish',
      'published admin: unpublish',
    ])
  })

  it('refuses other actions with a 400, and the wrong stage or person as taking it now would', () => {
    expect(decideSchedule(subjectIn('in_review'), reviewer, 'approve')).toEqual({
      allowed: false,
      status: 400,
      reason: 'Approve cannot be scheduled; only Publish and Unpublish can.',
    })
    expect(decideSchedule(subjectIn('draft'), reviewer, 'publish')).toMatchObject({ allowed: false, status: 409 })
    expect(decideSchedule(subjectIn('approved'), author, 'publish')).toMatchObject({ allowed: false, status: 403 })
    expect(decideSchedule(subjectIn('approved'), reviewer, 'bogus')).toMatchObject({ allowed: false, status: 400 })
  })

  it('cancelling is for whoever scheduled it and admins', () => {
    expect(mayCancelScheduled(reviewer.id, reviewer)).toBe(true)
    expect(mayCancelScheduled(reviewer.id, admin)).toBe(true)
    expect(mayCancelScheduled(reviewer.id, otherReviewer)).toBe(false)
    expect(mayCancelScheduled(reviewer.id, author)).toBe(false)
    expect(mayCancelScheduled(null, otherReviewer)).toBe(false)
  })
})

describe('the time of a schedule', () => {
  const now = new Date('2026-12-03T09:00:00Z')

  it('is a later moment, with its time zone offset', () => {
    expect(parseScheduleTime('2026-12-03T10:30:00+01:00', now)).toEqual({
      ok: true,
      at: new Date('2026-12-03T09:30:00Z'),
    })
    expect(parseScheduleTime('2026-12-03T09:00:01.500Z', now)).toEqual({
      ok: true,
      at: new Date('2026-12-03T09:00:01.500Z'),
    })
    expect(parseScheduleTime('2028-02-29T00:00-05:30', now)).toMatchObject({ ok: true })
  })

  it.each([
    ['2026-12-03T09:00:00Z', /is in the past/],
    ['2026-12-03T09:30:00+01:00', /is in the past/],
    ['2026-12-24T09:30:00', /no offset|time zone offset/],
    ['2026-12-24 09:30Z', /time zone offset/],
    ['24/12/2026 09:30', /time zone offset/],
    ['2027-02-29T09:30:00Z', /not a real date/],
    ['2026-12-24T24:00:00Z', /not a real date/],
    ['2026-12-24T09:60:00Z', /not a real date/],
    ['2026-12-24T09:30:00+25:00', /not a real date/],
  ])('refuses %s', (value, reason) => {
    const result = parseScheduleTime(value, now)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(reason)
  })

  it.each([[undefined], [null], [''], [1893456000000], [{ at: 'x' }]])(
    'refuses a value that is not text: %p',
    (value) => {
      expect(parseScheduleTime(value, now)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^"at" must be a date and time/),
      })
    },
  )
})
