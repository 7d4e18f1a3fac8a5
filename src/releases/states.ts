/**
 * A release's life as data: each action, the states it applies to, where it leads and who may
 * take it. Pure; releaseActions.ts applies it. Writers propose items; reviewers and admins
 * publish, schedule, roll back and cancel (each item's own rules apply as well: workflow machine).
 */
import type { ReleaseState } from '../../collections/Releases'
import type { WorkflowRole } from '../workflow/machine'

export const RELEASE_ACTIONS = [
  'add_item',
  'remove_item',
  'publish',
  'schedule',
  'unschedule',
  'roll_back',
  'cancel',
] as const
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number]

interface ReleaseTransition {
  from: readonly ReleaseState[]
  /** Unset: the action changes the items, not the state. */
  to?: ReleaseState
  permitted: readonly WorkflowRole[]
  label: string
}

const STAFF = ['writer', 'reviewer', 'admin'] as const
const REVIEWERS = ['reviewer', 'admin'] as const

export const RELEASE_TRANSITIONS: Record<ReleaseAction, ReleaseTransition> = {
  // Items change while nothing is decided yet, or after a failed attempt (to mend it).
  add_item: { from: ['open', 'failed'], permitted: STAFF, label: 'Add to the release' },
  remove_item: { from: ['open', 'failed'], permitted: STAFF, label: 'Remove from the release' },
  publish: {
    from: ['open', 'scheduled', 'failed'],
    to: 'published',
    permitted: REVIEWERS,
    label: 'Publish the release',
  },
  schedule: { from: ['open', 'failed'], to: 'scheduled', permitted: REVIEWERS, label: 'Schedule the release' },
  unschedule: { from: ['scheduled'], to: 'open', permitted: REVIEWERS, label: 'Unschedule the release' },
  // The same people as unpublishing a document.
  roll_back: { from: ['published'], to: 'rolled_back', permitted: REVIEWERS, label: 'Roll back the release' },
  cancel: { from: ['open', 'scheduled', 'failed'], to: 'cancelled', permitted: REVIEWERS, label: 'Cancel the release' },
}

const STATE_LABELS: Record<ReleaseState, string> = {
  open: 'open',
  scheduled: 'scheduled',
  published: 'published',
  failed: 'failed',
  cancelled: 'cancelled',
  rolled_back: 'rolled back',
}

export type ReleaseDecision =
  { allowed: true; to: ReleaseState } | { allowed: false; status: 403 | 409; reason: string }

const who = (roles: readonly WorkflowRole[]) => roles.map((role) => `${role}s`).join(', ')

export function decideRelease(state: ReleaseState, role: WorkflowRole, action: ReleaseAction): ReleaseDecision {
  const transition = RELEASE_TRANSITIONS[action]
  if (!transition.permitted.includes(role))
    return { allowed: false, status: 403, reason: `${transition.label} is for ${who(transition.permitted)}.` }
  if (!transition.from.includes(state)) {
    const applies = transition.from.map((from) => STATE_LABELS[from]).join(' or ')
    return {
      allowed: false,
      status: 409,
      reason: `${transition.label} is not possible now: the release is ${STATE_LABELS[state]}, and this applies to ${applies} releases.`,
    }
  }
  return { allowed: true, to: transition.to ?? state }
}

/** The actions a person could take on a release now: the release's view shows these buttons. */
export const availableReleaseActions = (state: ReleaseState, role: WorkflowRole): ReleaseAction[] =>
  RELEASE_ACTIONS.filter((action) => decideRelease(state, role, action).allowed)
