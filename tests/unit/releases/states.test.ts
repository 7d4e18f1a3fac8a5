import { RELEASE_STATES, type ReleaseState } from '../../../collections/Releases'
import { readinessOf } from '../../../src/releases/readiness'
import { availableReleaseActions, decideRelease, RELEASE_ACTIONS } from '../../../src/releases/states'

const STATES = RELEASE_STATES.map((state) => state.value)

/** The rules written out: state, action, role → allowed. Everything else is refused. */
const ALLOWED = new Set<string>()
for (const role of ['writer', 'reviewer', 'admin'])
  for (const state of ['open', 'failed'])
    for (const action of ['add_item', 'remove_item']) ALLOWED.add(`${state} ${action} ${role}`)
for (const role of ['reviewer', 'admin']) {
  for (const state of ['open', 'scheduled', 'failed'])
    ALLOWED.add(`${state} publish ${role}`).add(`${state} cancel ${role}`)
  for (const state of ['open', 'failed']) ALLOWED.add(`${state} schedule ${role}`)
  ALLOWED.add(`scheduled unschedule ${role}`).add(`published roll_back ${role}`)
}

describe.each(STATES.flatMap((state) => RELEASE_ACTIONS.map((action) => [state, action] as const)))(
  '%s + %s',
  (state, action) => {
    it.each(['writer', 'reviewer', 'admin'] as const)('by a %s', (role) => {
      const decision = decideRelease(state, role, action)
      expect(decision.allowed).toBe(ALLOWED.has(`${state} ${action} ${role}`))
      if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(20)
    })
  },
)

describe('refusals', () => {
  it('403 for a writer publishing, naming who may', () => {
    expect(decideRelease('open', 'writer', 'publish')).toEqual({
      allowed: false,
      status: 403,
      reason: 'Publish the release is for reviewers, admins.',
    })
  })
  it('409 for an action that does not apply to the state', () => {
    expect(decideRelease('published', 'admin', 'publish')).toMatchObject({ allowed: false, status: 409 })
  })
  it('the view offers exactly the allowed actions', () => {
    expect(availableReleaseActions('scheduled' as ReleaseState, 'reviewer')).toEqual([
      'publish',
      'unschedule',
      'cancel',
    ])
    expect(availableReleaseActions('published', 'writer')).toEqual([])
  })
})

describe('readiness of one item', () => {
  const approved = { stage: 'approved' as const, approvedVersion: '7' }
  it.each([
    [
      'approved, unchanged, pinned to that approval',
      { doc: approved, pinnedVersion: '7', approvedContentUnchanged: true },
      true,
    ],
    ['approved before anyone pinned it', { doc: approved, pinnedVersion: null, approvedContentUnchanged: true }, true],
    ['deleted', { doc: null, pinnedVersion: '7', approvedContentUnchanged: false }, /deleted/],
    ['edited after approval', { doc: approved, pinnedVersion: '7', approvedContentUnchanged: false }, /edited after/],
    [
      'approved again after it was added',
      { doc: approved, pinnedVersion: '5', approvedContentUnchanged: true },
      /approved again/,
    ],
    [
      'still a draft',
      { doc: { stage: 'draft' as const, approvedVersion: null }, pinnedVersion: null, approvedContentUnchanged: false },
      /is draft: it needs an approval/,
    ],
    [
      'already live',
      {
        doc: { stage: 'published' as const, approvedVersion: '7' },
        pinnedVersion: '7',
        approvedContentUnchanged: true,
      },
      /already live/,
    ],
  ])('%s', (_, facts, expected) => {
    const readiness = readinessOf(facts, 'technique')
    if (expected === true) expect(readiness).toEqual({ ready: true, version: '7' })
    else expect(readiness).toEqual({ ready: false, reason: expect.stringMatching(expected as RegExp) })
  })
})
