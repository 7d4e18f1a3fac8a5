/**
 * Decides whether a person may take a workflow action on a document right now. Pure: the
 * caller loads the document and the person; this answers with the next stage or a refusal
 * that says why (with the HTTP status the API uses for it).
 */
import {
  ACTION_LABELS,
  ACTIONS,
  CANCEL_SCHEDULED,
  STAGE_LABELS,
  TRANSITIONS,
  type Action,
  type Permitted,
  type Stage,
} from './transitions'

type Id = number | string
export type WorkflowRole = 'admin' | 'reviewer' | 'writer'

export interface WorkflowSubject {
  stage: Stage
  authorId?: Id | null
  /** Who submitted the version now in review (or last submitted). */
  submittedBy?: Id | null
  /** Who last changed the content of the current version. */
  lastEditedBy?: Id | null
  /** Everyone who changed the content since it was last approved or published. */
  editors?: readonly Id[]
  /** The reviewers who approved the version in review so far. */
  approvedBy?: readonly Id[]
  /** Threads still open on the version in review. */
  openThreadsOnSubmittedVersion?: number
  /** Content it embeds changed since it went live (knockOn.ts). */
  checkRequested?: boolean
  /** The action is taken by a release for one of its items. */
  byRelease?: boolean
}

export interface WorkflowActor {
  id: Id
  role: WorkflowRole
  /** Reviewer roles held, e.g. 'claims-reviewer' (a user's `reviewerRoles`). */
  reviewerRoles?: readonly string[]
}

/** Who approves a collection's documents, and how many of them must. */
export interface ReviewPolicy {
  approvals: number
  approverRole?: string
  /** How long published content stays trusted before someone must check it again. */
  reviewEveryMonths?: number
}

export const ONE_APPROVAL: ReviewPolicy = { approvals: 1 }

export type Decision =
  | { allowed: true; action: Action; to: Stage; approvals?: { count: number; required: number } }
  | { allowed: false; status: 400 | 403 | 409; reason: string }

const same = (a: Id | null | undefined, b: Id | null | undefined) => a != null && b != null && String(a) === String(b)

export const isAction = (value: unknown): value is Action => ACTIONS.includes(value as Action)

function isPermitted(permitted: Permitted, subject: WorkflowSubject, actor: WorkflowActor): boolean {
  switch (permitted) {
    case 'author':
      return same(actor.id, subject.authorId)
    case 'submitter':
      return same(actor.id, subject.submittedBy)
    default:
      return actor.role === permitted
  }
}

const refuse = (status: 400 | 403 | 409, reason: string): Decision => ({ allowed: false, status, reason })

const whoMay = (permitted: readonly Permitted[]) =>
  permitted
    .map(
      (who) =>
        ({ author: 'the author', submitter: 'whoever submitted it', reviewer: 'reviewers', admin: 'admins' })[who],
    )
    .join(', ')

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`

/** The checks of an approval (see Transition.approval), in the order a reviewer should hear them. */
function decideApproval(subject: WorkflowSubject, actor: WorkflowActor, policy: ReviewPolicy): Decision {
  const label = ACTION_LABELS.approve
  const { approverRole } = policy
  if (approverRole && actor.role !== 'admin' && !actor.reviewerRoles?.includes(approverRole)) {
    return refuse(403, `${label} is for reviewers with the "${approverRole}" role, and admins.`)
  }
  const editedIt = [subject.submittedBy, subject.lastEditedBy, ...(subject.editors ?? [])].some((id) =>
    same(actor.id, id),
  )
  if (editedIt) {
    return refuse(
      403,
      `${label} needs a second person: you submitted or edited this version, so another reviewer must approve it.`,
    )
  }
  const approvedBy = subject.approvedBy ?? []
  if (approvedBy.some((id) => same(actor.id, id))) {
    const missing = policy.approvals - approvedBy.length
    return refuse(
      409,
      `You already approved this version; it needs ${plural(missing, 'more approval')} from other reviewers.`,
    )
  }
  const count = approvedBy.length + 1
  return {
    allowed: true,
    action: 'approve',
    to: count >= policy.approvals ? 'approved' : 'in_review',
    approvals: { count, required: policy.approvals },
  }
}

export function decide(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  action: unknown,
  comment?: string | null,
  policy: ReviewPolicy = ONE_APPROVAL,
): Decision {
  if (!isAction(action)) return refuse(400, `Unknown action "${String(action)}". Use one of: ${ACTIONS.join(', ')}.`)
  const transition = TRANSITIONS[action]
  const label = ACTION_LABELS[action]
  if (transition.needsThread && !comment?.trim() && !subject.openThreadsOnSubmittedVersion) {
    return refuse(
      400,
      `${label} needs a comment that tells the author what to change (it opens a thread), or a thread still open on the submitted version.`,
    )
  }
  if (transition.byReleaseOnly && !subject.byRelease)
    return refuse(400, `${label} is taken only by rolling back the release the document went live with.`)
  if (!transition.from.includes(subject.stage)) {
    const applies = transition.from.map((stage) => STAGE_LABELS[stage]).join(' or ')
    return refuse(
      409,
      `${label} is not possible now: the document is ${STAGE_LABELS[subject.stage]}, and ${label} applies to ${applies}.`,
    )
  }
  if (!transition.permitted.some((permitted) => isPermitted(permitted, subject, actor))) {
    return refuse(403, `${label} is for ${whoMay(transition.permitted)}.`)
  }
  if (transition.onlyWhenCheckAsked && !policy.reviewEveryMonths && !subject.checkRequested)
    return refuse(
      409,
      `${label} is for content that asks to be checked again: of a collection with a review interval, or whose embedded content changed.`,
    )
  if (transition.approval) return decideApproval(subject, actor, policy)
  return { allowed: true, action, to: transition.to }
}

/** The actions a person could take now: the admin UI shows exactly these buttons. */
export function availableActions(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  policy: ReviewPolicy = ONE_APPROVAL,
): Action[] {
  return ACTIONS.filter((action) => decide(subject, actor, action, 'comment', policy).allowed)
}

const SCHEDULABLE = ACTIONS.filter((action) => TRANSITIONS[action].schedulable)

/**
 * Whether a person may schedule an action for later: only schedulable actions, and only when
 * they could take the action now (same stages, same people).
 */
export function decideSchedule(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  action: unknown,
  policy: ReviewPolicy = ONE_APPROVAL,
): Decision {
  if (isAction(action) && !TRANSITIONS[action].schedulable) {
    return refuse(
      400,
      `${ACTION_LABELS[action]} cannot be scheduled; only ${SCHEDULABLE.map((one) => ACTION_LABELS[one]).join(' and ')} can.`,
    )
  }
  return decide(subject, actor, action, undefined, policy)
}

/** The actions a person could schedule now: the admin UI offers "Publish at…" for exactly these. */
export function availableSchedules(subject: WorkflowSubject, actor: WorkflowActor): Action[] {
  return SCHEDULABLE.filter((action) => decideSchedule(subject, actor, action).allowed)
}

/** Whether a person may cancel an action scheduled by `scheduledBy`. */
export function mayCancelScheduled(scheduledBy: Id | null | undefined, actor: WorkflowActor): boolean {
  return CANCEL_SCHEDULED.some((permitted) =>
    permitted === 'scheduler' ? same(actor.id, scheduledBy) : actor.role === permitted,
  )
}
