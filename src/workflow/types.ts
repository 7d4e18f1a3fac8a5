/** The options of the editorialWorkflow plugin (src/workflow/index.ts), and what it resolves them to. */
import type { ChecklistRules } from './claims'
import type { ReviewPolicy, WorkflowRole } from './machine'

/** How one editorial collection takes part in the workflow. */
export interface EditorialCollectionOptions {
  /** The field that titles a document; the slug is made from it. Default: the collection's `admin.useAsTitle`. */
  titleField?: string
  /** Save drafts by themselves while the editor types (Payload's autosave, every 2 s). */
  autosave?: boolean
  /**
   * What the submission checklist looks at. Default: the collection's rich-text fields, its first
   * upload field as the image, and every top-level text field as text a reader sees.
   */
  checklist?: Partial<ChecklistRules>
  /** What a document must have before it can be submitted for review (unlike the checklist, these block). */
  requiredToSubmit?: SubmitRequirement[]
  /** How many different reviewers must approve the same version before it may be published. Default 1. */
  approvals?: number
  /**
   * Only reviewers holding this reviewer role (a user's `reviewerRoles`), and admins, may approve,
   * e.g. 'claims-reviewer' for content whose facts are health claims. Default: any reviewer.
   */
  approverRole?: string
  /**
   * Published documents are due for review this long after publication ("Review due" in the
   * admin, `reviewDue: true` in the API) until a reviewer confirms them ("Still correct").
   */
  reviewEvery?: { months: number }
}

/**
 * A field that must be filled in before submission: text that is not blank, or a list with at
 * least one complete item (every text in it filled in), e.g. a myth's sources.
 */
export interface SubmitRequirement {
  field: string
  /** What to tell the writer when it is missing. */
  message: string
}

/** Where the workflow's mails link to, and which sites hear about publications. */
export interface WorkflowNotificationOptions {
  /** The CMS's public address; mails link to the admin there. */
  serverUrl: string
  /** Receivers of publish/unpublish webhooks, and the secret that signs them (required with receivers). */
  webhooks?: { urls: string[]; secret?: string }
}

export interface EditorialWorkflowOptions extends WorkflowNotificationOptions {
  /** The editorial collections, by slug: the only place that names them. */
  collections: Record<string, EditorialCollectionOptions>
  /** A user's role in the workflow; undefined for accounts that take no part. Default: `user.role`. */
  roleOf?: (user: { role?: unknown }) => WorkflowRole | undefined
  /** Whether this process runs due jobs (scheduled actions, webhook retries): exactly one process should. */
  runJobs?: boolean
  /** How often (in seconds, 1–59) the runner looks for scheduled actions that are due. Default 10. */
  scheduleCheckSeconds?: number
}

export interface ResolvedCollectionOptions {
  slug: string
  titleField: string
  /** "article", "technique", "FAQ": how mails and messages name one document. */
  noun: string
  checklist: ChecklistRules
  requiredToSubmit: SubmitRequirement[]
  review: ReviewPolicy
}

export interface ResolvedWorkflowOptions {
  collections: ResolvedCollectionOptions[]
  roleOf: (user: { role?: unknown }) => WorkflowRole | undefined
  serverUrl: string
  webhooks: { urls: string[]; secret?: string }
  runJobs: boolean
  scheduleCheckSeconds: number
}
