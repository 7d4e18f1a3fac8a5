/**
 * The editorial workflow as data: every stage, every action, where each action applies,
 * where it leads and who may take it. Read this table to know the rules; machine.ts applies it.
 */
export const STAGES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished'] as const
export type Stage = (typeof STAGES)[number]

export const ACTIONS = [
  'submit',
  'withdraw',
  'request_changes',
  'approve',
  'publish',
  'unpublish',
  'confirm_current',
  'roll_back',
] as const
export type Action = (typeof ACTIONS)[number]

/** Who may take an action: a role, or a relation to the document (its author, its submitter). */
export type Permitted = 'author' | 'submitter' | 'reviewer' | 'admin'

export interface Transition {
  from: readonly Stage[]
  to: Stage
  permitted: readonly Permitted[]
  /**
   * The reviewer must say what to change: with a comment (it opens a thread on the version) or in
   * a thread still open on the version in review.
   */
  needsThread?: boolean
  /**
   * An approval: four eyes (never by anyone who submitted or edited the version, admins included),
   * by the collection's approver role if it has one, once per reviewer; the document is approved
   * when the collection's number of approvals is reached, and stays in review until then.
   */
  approval?: boolean
  /**
   * Only for content that asks to be checked again: of a collection with a review interval (the
   * plugin's `reviewEvery`), or flagged because content it embeds changed (knockOn.ts).
   */
  onlyWhenCheckAsked?: boolean
  /**
   * May also be scheduled for a later time, by whoever may take it now and from the same stages;
   * when the time comes the action is decided again, as the person who scheduled it.
   */
  schedulable?: boolean
  /** Taken only by a release for its items (src/releases), never on its own. */
  byReleaseOnly?: boolean
}

export const TRANSITIONS: Record<Action, Transition> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', permitted: ['author', 'reviewer', 'admin'] },
  withdraw: { from: ['in_review'], to: 'draft', permitted: ['submitter', 'admin'] },
  request_changes: {
    from: ['in_review'],
    to: 'changes_requested',
    permitted: ['reviewer', 'admin'],
    needsThread: true,
  },
  approve: { from: ['in_review'], to: 'approved', permitted: ['reviewer', 'admin'], approval: true },
  publish: { from: ['approved'], to: 'published', permitted: ['reviewer', 'admin'], schedulable: true },
  unpublish: { from: ['published'], to: 'unpublished', permitted: ['reviewer', 'admin'], schedulable: true },
  // "Still correct": a reviewer re-reads live content and confirms it as it is, for another interval.
  confirm_current: {
    from: ['published'],
    to: 'published',
    permitted: ['reviewer', 'admin'],
    onlyWhenCheckAsked: true,
  },
  // Rolling a release back: an item that was live before it goes back to the version live then.
  roll_back: { from: ['published'], to: 'published', permitted: ['reviewer', 'admin'], byReleaseOnly: true },
}

/** Who may cancel a scheduled action before it runs: whoever scheduled it, and admins. */
export const CANCEL_SCHEDULED: readonly ('scheduler' | 'admin')[] = ['scheduler', 'admin']

/**
 * What editing the content does to the stage. Edits to approved or live content start a new
 * draft (the live version stays public until that draft is approved and published); content
 * in review is frozen until it is withdrawn.
 */
export const STAGE_AFTER_EDIT: Record<Stage, Stage | 'frozen'> = {
  draft: 'draft',
  changes_requested: 'changes_requested',
  in_review: 'frozen',
  approved: 'draft',
  published: 'draft',
  unpublished: 'draft',
}

export const STAGE_LABELS: Record<Stage, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  unpublished: 'Unpublished',
}

export const ACTION_LABELS: Record<Action, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  unpublish: 'Unpublish',
  confirm_current: 'Still correct',
  roll_back: 'Roll back',
}

/** The admin's button for scheduling an action: "Publish at…". */
export const scheduleLabel = (action: Action) => `${ACTION_LABELS[action]} at…`
