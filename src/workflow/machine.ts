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
}

export interface WorkflowActor {
  id: Id
  role: WorkflowRole
}

export type Decision =
  { allowed: true; action: Action; to: Stage } | { allowed: false; status: 400 | 403 | 409; reason: string }

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

export function decide(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  action: unknown,
  comment?: string | null,
): Decision {
  if (!isAction(action)) return refuse(400, `Unknown action "${String(action)}". Use one of: ${ACTIONS.join(', ')}.`)
  const transition = TRANSITIONS[action]
  const label = ACTION_LABELS[action]
  if (transition.commentRequired && !comment?.trim()) {
    return refuse(400, `${label} needs a comment that tells the author what to change.`)
  }
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
  if (
    transition.notBySubmitterOrEditor &&
    (same(actor.id, subject.submittedBy) || same(actor.id, subject.lastEditedBy))
  ) {
    return refuse(
      403,
      `${label} needs a second person: you submitted or last edited this version, so another reviewer must approve it.`,
    )
  }
  return { allowed: true, action, to: transition.to }
}

/** The actions a person could take now: the admin UI shows exactly these buttons. */
export function availableActions(subject: WorkflowSubject, actor: WorkflowActor): Action[] {
  return ACTIONS.filter((action) => decide(subject, actor, action, 'comment').allowed)
}

const SCHEDULABLE = ACTIONS.filter((action) => TRANSITIONS[action].schedulable)

/**
 * Whether a person may schedule an action for later: only schedulable actions, and only when
 * they could take the action now (same stages, same people).
 */
export function decideSchedule(subject: WorkflowSubject, actor: WorkflowActor, action: unknown): Decision {
  if (isAction(action) && !TRANSITIONS[action].schedulable) {
    return refuse(
      400,
      `${ACTION_LABELS[action]} cannot be scheduled; only ${SCHEDULABLE.map((one) => ACTION_LABELS[one]).join(' and ')} can.`,
    )
  }
  return decide(subject, actor, action)
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
