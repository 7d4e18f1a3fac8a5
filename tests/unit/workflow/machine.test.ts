import { availableActions, decide, type WorkflowActor, type WorkflowSubject } from '../../../src/workflow/machine'
import { ACTIONS, STAGES, type Action, type Stage } from '../../../src/workflow/transitions'

const author: WorkflowActor = { id: 1, role: 'writer' }
const otherWriter: WorkflowActor = { id: 2, role: 'writer' }
const reviewer: WorkflowActor = { id: 3, role: 'reviewer' }
const admin: WorkflowActor = { id: 4, role: 'admin' }
const actors = { author, otherWriter, reviewer, admin }
type ActorName = keyof typeof actors

/** The author wrote, last edited and submitted the document. */
const subjectIn = (stage: Stage): WorkflowSubject => ({ stage, authorId: 1, submittedBy: 1, lastEditedBy: 1 })

/** The rules, written out: every (stage, action, person) that is allowed. Everything else is refused. */
const ALLOWED = new Set([
  'draft submit author',
  'draft submit reviewer',
  'draft submit admin',
  'changes_requested submit author',
  'changes_requested submit reviewer',
  'changes_requested submit admin',
  'in_review withdraw author',
  'in_review withdraw admin',
  'in_review request_changes reviewer',
  'in_review request_changes admin',
  'in_review approve reviewer',
  'in_review approve admin',
  'approved publish reviewer',
  'approved publish admin',
  'published unpublish reviewer',
  'published unpublish admin',
])

const NEXT_STAGE: Record<Action, Stage> = {
  submit: 'in_review',
  withdraw: 'draft',
  request_changes: 'changes_requested',
  approve: 'approved',
  publish: 'published',
  unpublish: 'unpublished',
  confirm_current: 'published',
  roll_back: 'published',
}

const combinations = STAGES.flatMap((stage) =>
  ACTIONS.flatMap((action) => (Object.keys(actors) as ActorName[]).map((actor) => [stage, action, actor] as const)),
)

describe.each(combinations)('%s + %s by %s', (stage, action, actorName) => {
  const expectedAllowed = ALLOWED.has(`${stage} ${action} ${actorName}`)

  it(expectedAllowed ? 'is allowed' : 'is refused with a reason', () => {
    const decision = decide(subjectIn(stage), actors[actorName], action, 'Please cite a source for the second claim.')
    if (expectedAllowed) {
      expect(decision).toEqual({
        allowed: true,
        action,
        to: NEXT_STAGE[action],
        ...(action === 'approve' ? { approvals: { count: 1, required: 1 } } : {}),
      })
    } else {
      expect(decision.allowed).toBe(false)
      if (!decision.allowed) {
        expect([action === 'roll_back' ? 400 : 403, 409]).toContain(decision.status)
        expect(decision.reason.length).toBeGreaterThan(20)
      }
    }
  })
})

describe('roll back is taken only by a release', () => {
  it.each([
    ['reviewer', reviewer],
    ['admin', admin],
  ])('by a %s rolling back a release, from published to published', (_, actor) => {
    expect(decide({ ...subjectIn('published'), byRelease: true }, actor, 'roll_back')).toEqual({
      allowed: true,
      action: 'roll_back',
      to: 'published',
    })
  })

  it('never on its own, and never offered as a button', () => {
    expect(decide(subjectIn('published'), admin, 'roll_back')).toMatchObject({ allowed: false, status: 400 })
    expect(availableActions(subjectIn('published'), admin)).not.toContain('roll_back')
  })

  it('by writers not even for a release', () => {
    expect(decide({ ...subjectIn('published'), byRelease: true }, author, 'roll_back')).toMatchObject({ status: 403 })
  })
})

describe('refusals say why, with the right status', () => {
  it('409 when the action does not apply to the stage', () => {
    expect(decide(subjectIn('draft'), reviewer, 'publish')).toEqual({
      allowed: false,
      status: 409,
      reason: 'Publish is not possible now: the document is Draft, and Publish applies to Approved.',
    })
  })

  it('403 when the role may not take the action', () => {
    expect(decide(subjectIn('approved'), author, 'publish')).toEqual({
      allowed: false,
      status: 403,
      reason: 'Publish is for reviewers, admins.',
    })
  })

  it('403 for a writer submitting someone else’s draft', () => {
    expect(decide(subjectIn('draft'), otherWriter, 'submit')).toMatchObject({ allowed: false, status: 403 })
  })

  it('400 for an unknown action', () => {
    expect(decide(subjectIn('draft'), admin, 'delete-everything')).toMatchObject({
      allowed: false,
      status: 400,
      reason: expect.stringContaining('Unknown action "delete-everything"'),
    })
  })

  it('400 for request_changes without a comment, unless a thread is still open on the submitted version', () => {
    expect(decide(subjectIn('in_review'), reviewer, 'request_changes', '  ')).toMatchObject({
      allowed: false,
      status: 400,
      reason: expect.stringContaining('a thread still open on the submitted version'),
    })
    expect(decide(subjectIn('in_review'), reviewer, 'request_changes')).toMatchObject({ allowed: false, status: 400 })
    const withThread = { ...subjectIn('in_review'), openThreadsOnSubmittedVersion: 1 }
    expect(decide(withThread, reviewer, 'request_changes')).toMatchObject({ allowed: true, to: 'changes_requested' })
  })
})

describe('"Still correct" on live content', () => {
  const yearly = { approvals: 1, reviewEveryMonths: 12 }
  it('is for reviewers and admins, on published content of a collection with a review interval', () => {
    expect(decide(subjectIn('published'), reviewer, 'confirm_current', null, yearly)).toEqual({
      allowed: true,
      action: 'confirm_current',
      to: 'published',
    })
    expect(decide(subjectIn('published'), author, 'confirm_current', null, yearly)).toMatchObject({ status: 403 })
    expect(decide(subjectIn('draft'), admin, 'confirm_current', null, yearly)).toMatchObject({ status: 409 })
    expect(decide(subjectIn('published'), admin, 'confirm_current')).toMatchObject({
      status: 409,
      reason: expect.stringContaining('Still correct is for content that asks to be checked again'),
    })
    expect(decide({ ...subjectIn('published'), checkRequested: true }, reviewer, 'confirm_current')).toMatchObject({
      allowed: true,
    })
  })
})

describe('several approvals', () => {
  const twoClaimsReviewers = { approvals: 2, approverRole: 'claims-reviewer' }
  const claimsReviewer: WorkflowActor = { id: 5, role: 'reviewer', reviewerRoles: ['claims-reviewer'] }
  const secondClaimsReviewer: WorkflowActor = { id: 6, role: 'reviewer', reviewerRoles: ['claims-reviewer'] }
  const inReview = (approvedBy: number[] = [], editors: number[] = [1]): WorkflowSubject => ({
    ...subjectIn('in_review'),
    editors,
    approvedBy,
  })

  it('the first approval of two keeps the document in review and says how far it got', () => {
    expect(decide(inReview(), claimsReviewer, 'approve', null, twoClaimsReviewers)).toEqual({
      allowed: true,
      action: 'approve',
      to: 'in_review',
      approvals: { count: 1, required: 2 },
    })
  })

  it('the second approval, by another reviewer, approves it', () => {
    expect(decide(inReview([5]), secondClaimsReviewer, 'approve', null, twoClaimsReviewers)).toEqual({
      allowed: true,
      action: 'approve',
      to: 'approved',
      approvals: { count: 2, required: 2 },
    })
  })

  it('the same reviewer cannot approve twice (409), and the UI no longer offers it to them', () => {
    expect(decide(inReview([5]), claimsReviewer, 'approve', null, twoClaimsReviewers)).toEqual({
      allowed: false,
      status: 409,
      reason: 'You already approved this version; it needs 1 more approval from other reviewers.',
    })
    expect(availableActions(inReview([5]), claimsReviewer, twoClaimsReviewers)).toEqual(['request_changes'])
    expect(
      decide(inReview(['5' as unknown as number]), claimsReviewer, 'approve', null, twoClaimsReviewers),
    ).toMatchObject({
      allowed: false,
    })
  })

  it('only holders of the approver role approve (admins too); any reviewer may still request changes', () => {
    expect(decide(inReview(), reviewer, 'approve', null, twoClaimsReviewers)).toEqual({
      allowed: false,
      status: 403,
      reason: 'Approve is for reviewers with the "claims-reviewer" role, and admins.',
    })
    expect(decide(inReview(), admin, 'approve', null, twoClaimsReviewers)).toMatchObject({ allowed: true })
    expect(availableActions(inReview(), reviewer, twoClaimsReviewers)).toEqual(['request_changes'])
  })

  it('four eyes holds for each approval: nobody who edited the version in this round approves it', () => {
    expect(decide(inReview([], [1, 5]), claimsReviewer, 'approve', null, twoClaimsReviewers)).toMatchObject({
      allowed: false,
      status: 403,
      reason: expect.stringContaining('second person'),
    })
    expect(decide(inReview([], [1, 5]), secondClaimsReviewer, 'approve', null, twoClaimsReviewers)).toMatchObject({
      allowed: true,
    })
  })
})

describe('four eyes on approval', () => {
  it('refuses the reviewer who submitted the version', () => {
    const decision = decide(
      { stage: 'in_review', authorId: 1, submittedBy: reviewer.id, lastEditedBy: 1 },
      reviewer,
      'approve',
    )
    expect(decision).toMatchObject({ allowed: false, status: 403, reason: expect.stringContaining('second person') })
  })

  it('refuses an admin who last edited the version', () => {
    expect(
      decide({ stage: 'in_review', authorId: 1, submittedBy: 1, lastEditedBy: admin.id }, admin, 'approve'),
    ).toMatchObject({ allowed: false, status: 403 })
  })

  it('compares ids by value, whatever their type', () => {
    expect(
      decide({ stage: 'in_review', authorId: 1, submittedBy: '3', lastEditedBy: 1 }, reviewer, 'approve'),
    ).toMatchObject({ allowed: false })
  })

  it('lets another reviewer approve', () => {
    expect(
      decide(
        { stage: 'in_review', authorId: 1, submittedBy: reviewer.id, lastEditedBy: reviewer.id },
        admin,
        'approve',
      ),
    ).toMatchObject({ allowed: true })
  })
})

describe('available actions (what the admin UI offers)', () => {
  it('offers a writer only submit on their draft, and never approve or publish', () => {
    expect(availableActions(subjectIn('draft'), author)).toEqual(['submit'])
    for (const stage of STAGES) {
      const offered = availableActions(subjectIn(stage), author)
      expect(offered).not.toContain('approve')
      expect(offered).not.toContain('publish')
    }
  })

  it('offers a reviewer request changes and approve on someone else’s submission', () => {
    expect(availableActions(subjectIn('in_review'), reviewer)).toEqual(['request_changes', 'approve'])
  })
})
