/**
 * What each workflow action does besides moving the stage (the table in transitions.ts says
 * where it moves), and what editing does to the stage and to an approval. Pure data and
 * functions: perform.ts loads the facts an effect needs, asks `applyEffect`, and writes the answer.
 */
import type { ChecklistItem } from './claims'
import { STAGE_AFTER_EDIT, type Action, type Stage } from './transitions'
import type { SubmitRequirement } from './types'

type Id = number | string

/** The `workflow` group of a document, as stored. */
export interface WorkflowGroup {
  submittedBy?: unknown
  submittedAt?: unknown
  lastEditedBy?: unknown
  approvedBy?: unknown
  approvedAt?: unknown
  approvedVersion?: unknown
  reviewComment?: unknown
  checklist?: unknown
  submittedVersion?: unknown
  editors?: unknown
  approvals?: unknown
  [key: string]: unknown
}

/** One reviewer's approval of the version in review. */
export interface Approval {
  by: Id
  at: string
  /** The version the reviewer saw and approved. */
  version: string | null
}

export const approvalsIn = (workflow: WorkflowGroup): Approval[] =>
  Array.isArray(workflow.approvals) ? (workflow.approvals as Approval[]) : []

/** Everyone who changed the content since it was last approved or published. */
export const editorsIn = (workflow: WorkflowGroup): Id[] =>
  Array.isArray(workflow.editors)
    ? (workflow.editors as unknown[]).map((editor) =>
        editor && typeof editor === 'object' ? (editor as { id: Id }).id : (editor as Id),
      )
    : []

/** An open review thread, as a refusal or an answer lists it. */
export interface OpenThread {
  id: number
  body: string
  field?: string | null
  versionId?: string | null
  author?: string | null
}

/** What an effect may need to know, loaded by perform.ts only when the effect asks for it. */
export interface EffectFacts {
  /** submit: the content checklist of the document as submitted. */
  checklist?: ChecklistItem[]
  /** submit: the requirements (requiredToSubmit) the document does not meet. */
  unmetRequirements?: SubmitRequirement[]
  /** approve: the version the reviewer saw (the newest). */
  newestVersion?: string | null
  /** publish: the document's content is exactly the approved version's. */
  approvedContentUnchanged?: boolean
  /** approve: the threads on the document nobody resolved yet. */
  openThreads?: OpenThread[]
  /** roll_back: the content of the earlier version that goes live again (none: not this document's). */
  restoredContent?: Record<string, unknown>
}

export type Fact = keyof EffectFacts

export interface EffectInput {
  workflow: WorkflowGroup
  actorId: Id
  now: string
  comment: string | null
  /** The reviewer confirmed the possible health claims (approve). */
  acknowledgeClaims: boolean
  /** The reviewer approves although threads are still open (approve). */
  confirmOpenThreads: boolean
  /** Where the machine said the action leads (an approval short of the number required stays in review). */
  to: Stage
  /** The collection's review interval, if it has one. */
  reviewEveryMonths?: number
  facts: EffectFacts
}

export interface EffectResult {
  workflow: WorkflowGroup
  /** Publish and unpublish change the public version; the rest are records on the newest version (perform.ts). */
  status?: 'published' | 'draft'
  /** Kept with the audit event (submit). */
  checklist?: ChecklistItem[]
  /** A thread to open on the version in review, with this body (request changes with a comment). */
  openThread?: string
  /** Top-level fields the action writes besides the workflow group (the review dates). */
  fields?: { reviewBy: string | null; reviewDue: boolean; knockOn: null }
  /** The content the action puts back (roll_back). */
  content?: Record<string, unknown>
}

export type Refusal = { status: 409; reason: string; data?: Record<string, unknown> }

const NO_APPROVALS = { approvals: [], approvedBy: null, approvedAt: null, approvedVersion: null }

interface Effect {
  needs: readonly Fact[]
  /** A reason the action cannot happen after all, although the table allows it. */
  refusal?: (input: EffectInput, noun: string) => Refusal | undefined
  apply: (input: EffectInput) => EffectResult
}

/** Going live (or being confirmed) starts the review interval afresh and settles the knock-on flags. */
function checkedNow({ now, reviewEveryMonths }: EffectInput): EffectResult['fields'] {
  if (!reviewEveryMonths) return { reviewBy: null, reviewDue: false, knockOn: null }
  const reviewBy = new Date(now)
  reviewBy.setUTCMonth(reviewBy.getUTCMonth() + reviewEveryMonths)
  return { reviewBy: reviewBy.toISOString(), reviewDue: false, knockOn: null }
}

const healthClaimsIn = (workflow: WorkflowGroup) =>
  ((workflow.checklist ?? []) as ChecklistItem[]).filter((item) => item.kind === 'health_claim')

export const EFFECTS: Record<Action, Effect> = {
  submit: {
    needs: ['checklist', 'unmetRequirements', 'newestVersion'],
    refusal: ({ facts }) => {
      const unmet = facts.unmetRequirements ?? []
      if (unmet.length === 0) return undefined
      return {
        status: 409,
        reason: unmet.map((requirement) => requirement.message).join(' '),
        data: { missing: unmet.map((requirement) => requirement.field) },
      }
    },
    // The version submitted: review threads and approvals are about it.
    apply: ({ workflow, actorId, now, facts }) => ({
      workflow: {
        ...workflow,
        ...NO_APPROVALS,
        submittedBy: actorId,
        submittedAt: now,
        submittedVersion: facts.newestVersion,
        reviewComment: null,
        checklist: facts.checklist,
      },
      checklist: facts.checklist,
    }),
  },
  withdraw: {
    needs: [],
    apply: ({ workflow }) => ({ workflow: { ...workflow, ...NO_APPROVALS, submittedBy: null, submittedAt: null } }),
  },
  request_changes: {
    needs: [],
    apply: ({ workflow, comment }) => ({
      workflow: { ...workflow, ...NO_APPROVALS, reviewComment: comment },
      ...(comment ? { openThread: comment } : {}),
    }),
  },
  approve: {
    needs: ['newestVersion', 'openThreads'],
    refusal: ({ workflow, acknowledgeClaims, confirmOpenThreads, facts }, noun) => {
      const claims = healthClaimsIn(workflow)
      if (claims.length > 0 && !acknowledgeClaims) {
        return {
          status: 409,
          reason: `This ${noun} contains possible health claims. Check them and approve again with "acknowledgeClaims": true.`,
          data: { claims },
        }
      }
      const threads = facts.openThreads ?? []
      if (threads.length > 0 && !confirmOpenThreads) {
        return {
          status: 409,
          reason: `This ${noun} has ${threads.length === 1 ? 'a review thread' : `${threads.length} review threads`} nobody resolved. Resolve them, or approve anyway with "confirmOpenThreads": true.`,
          data: { openThreads: threads },
        }
      }
      return undefined
    },
    // Each approval names the version the reviewer saw; the last one needed makes it the approved
    // version, and publish checks that exactly this content goes live.
    apply: ({ workflow, actorId, now, facts, to }) => {
      const approvals = [...approvalsIn(workflow), { by: actorId, at: now, version: facts.newestVersion ?? null }]
      const complete =
        to === 'approved' ? { approvedBy: actorId, approvedAt: now, approvedVersion: facts.newestVersion } : {}
      return { workflow: { ...workflow, approvals, ...complete } }
    },
  },
  publish: {
    needs: ['approvedContentUnchanged'],
    refusal: ({ facts }) =>
      facts.approvedContentUnchanged
        ? undefined
        : {
            status: 409,
            reason: 'The content changed after it was approved: it needs a new review before it can be published.',
          },
    apply: (input) => ({ workflow: input.workflow, status: 'published', fields: checkedNow(input) }),
  },
  unpublish: {
    needs: [],
    apply: ({ workflow }) => ({ workflow, status: 'draft' }),
  },
  confirm_current: {
    needs: [],
    apply: (input) => ({ workflow: input.workflow, status: 'published', fields: checkedNow(input) }),
  },
  roll_back: {
    needs: ['restoredContent'],
    refusal: ({ facts }, noun) =>
      facts.restoredContent
        ? undefined
        : { status: 409, reason: `The version to go back to is not one of this ${noun}'s versions.` },
    apply: (input) => ({
      workflow: input.workflow,
      status: 'published',
      content: input.facts.restoredContent,
      fields: checkedNow(input),
    }),
  },
}

/** The effect of `action`, or the reason it cannot happen. */
export function applyEffect(
  action: Action,
  input: EffectInput,
  noun: string,
): { ok: true; result: EffectResult } | { ok: false; refusal: Refusal } {
  const effect = EFFECTS[action]
  const refusal = effect.refusal?.(input, noun)
  return refusal ? { ok: false, refusal } : { ok: true, result: effect.apply(input) }
}

const isFilledIn = (value: unknown): boolean =>
  typeof value === 'string' ? value.trim() !== '' : typeof value === 'number'

/** Text that is not blank, or a list with at least one item whose every text is filled in. */
function meets(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        Object.entries(item)
          .filter(([key]) => key !== 'id')
          .every(([, field]) => isFilledIn(field)),
    )
  }
  return isFilledIn(value)
}

/** The requirements a document does not meet before submission. */
export const unmetRequirements = (
  requirements: SubmitRequirement[],
  doc: Record<string, unknown>,
): SubmitRequirement[] => requirements.filter((requirement) => !meets(doc[requirement.field]))

/** Fields that record the workflow rather than the content: changing them voids no approval. */
export const NOT_CONTENT = new Set([
  'id',
  'workflow',
  'workflowStage',
  '_status',
  'updatedAt',
  'createdAt',
  'publishedAt',
  'reviewBy',
  'reviewDue',
  'knockOn',
  // The audit trail's join (fields.ts): read with the document, never part of a version.
  'workflowHistory',
])

/** What a reader sees of a document: every field but the workflow's records. */
export const contentOf = (doc: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.keys(doc)
      .filter((key) => !NOT_CONTENT.has(key))
      .sort()
      .map((key) => [key, doc[key]]),
  )

/** Whether two states of a document have the same content (what a reader would see). */
export const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b))

/**
 * An edit by `editorId`: the stage it leads to (or 'frozen': refused), and the workflow group
 * after it. An edit that moves the stage voids the approval, so the new content needs a new one.
 */
export function afterEdit(
  stage: Stage,
  workflow: WorkflowGroup,
  editorId: Id | null,
): { stage: Stage | 'frozen'; workflow: WorkflowGroup } {
  const next = STAGE_AFTER_EDIT[stage]
  // An edit of approved or live content starts a new round: its approvals and editors start afresh.
  const newRound = next !== stage
  const earlierEditors = newRound ? [] : editorsIn(workflow)
  const editors =
    editorId == null || earlierEditors.some((id) => String(id) === String(editorId))
      ? earlierEditors
      : [...earlierEditors, editorId]
  return {
    stage: next,
    workflow: {
      ...workflow,
      ...(newRound ? NO_APPROVALS : {}),
      editors,
      lastEditedBy: editorId ?? workflow.lastEditedBy ?? null,
    },
  }
}
