/**
 * The admin's side of the workflow HTTP contract (src/workflow/endpoints.ts). Same-origin
 * requests: the admin's session cookie authenticates them. The server decides which actions
 * a user may take; nothing here re-implements those rules.
 */
import type { ChecklistItem } from '../workflow/claims'
import type { OpenThread } from '../workflow/effects'
import type { KnockOnFlag } from '../workflow/knockOn'
import type { Changes } from '../workflow/review/changes'
import type { ThreadView } from '../workflow/review/threadApi'
import type { ScheduledAction } from '../workflow/scheduling'
import type { WorkflowPerson, WorkflowStatus } from '../workflow/status'
import type { Action, Stage } from '../workflow/transitions'

export type { Changes, ChecklistItem, OpenThread, ScheduledAction, ThreadView, WorkflowPerson, WorkflowStatus }

export interface QueueItem {
  collection: string
  id: number
  title: string
  workflowStage: Stage
  submittedBy: WorkflowPerson | number | null
  submittedAt: string | null
  updatedAt: string
  assignees: (WorkflowPerson | number)[]
  /** When the assigned reviewers should be done. */
  dueDate: string | null
  openThreads: number
  approvals: { count: number; required: number }
  knockOn: KnockOnFlag[] | null
}

export interface ActionRequest {
  action: Action
  comment?: string
  acknowledgeClaims?: boolean
  confirmOpenThreads?: boolean
}

export interface ActionResult {
  id: number
  workflowStage: Stage
}

/** An error answer from the server, with its message meant for people. */
export class WorkflowRequestError extends Error {}

export async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    credentials: 'include',
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  })
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = (body as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message
    throw new WorkflowRequestError(message ?? `The server answered ${response.status} ${response.statusText}.`)
  }
  return body as T
}

export const fetchWorkflowStatus = (apiRoute: string, collection: string, id: number | string) =>
  request<WorkflowStatus>(`${apiRoute}/${collection}/${id}/workflow`)

export const takeWorkflowAction = (apiRoute: string, collection: string, id: number | string, body: ActionRequest) =>
  request<ActionResult>(`${apiRoute}/${collection}/${id}/workflow`, { method: 'POST', body: JSON.stringify(body) })

/** Schedules `action` for `at` (a moment, sent in UTC; the server keeps it as that moment). */
export const scheduleWorkflowAction = (
  apiRoute: string,
  collection: string,
  id: number | string,
  action: Action,
  at: Date,
) =>
  request<{ id: number; scheduled: ScheduledAction }>(`${apiRoute}/${collection}/${id}/workflow`, {
    method: 'POST',
    body: JSON.stringify({ action, at: at.toISOString() }),
  })

export const fetchScheduled = (apiRoute: string) =>
  request<{ docs: ScheduledAction[] }>(`${apiRoute}/workflow/scheduled`)

export const cancelScheduled = (apiRoute: string, id: number) =>
  request<{ id: number; cancelled: true }>(`${apiRoute}/workflow/scheduled/${id}`, { method: 'DELETE' })

/** A moment in the editor's own time zone, with the zone's name: "3 Dec 2026, 10:30 CET". */
export const localTime = (iso: string) =>
  // dateStyle/timeStyle cannot be combined with timeZoneName: the parts are named one by one.
  new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  })

/** Which queue: everything in review, the caller's own work, what is assigned to them, what is overdue. */
export type QueueName = 'review' | 'mine' | 'assigned' | 'overdue' | 'reviewDue'
const QUEUE_QUERY: Record<QueueName, string> = {
  review: '',
  mine: '?mine=true',
  assigned: '?assigned=me',
  overdue: '?overdue=true',
  reviewDue: '?reviewDue=true',
}

/** In review, oldest first; `mine`: the caller's own documents in any stage, newest first. */
export const fetchQueue = (apiRoute: string, queue: QueueName) =>
  request<{ docs: QueueItem[] }>(`${apiRoute}/workflow/queue${QUEUE_QUERY[queue]}`)

const documentPath = (apiRoute: string, collection: string, id: number | string) => `${apiRoute}/${collection}/${id}`

export const fetchThreads = (apiRoute: string, collection: string, id: number | string) =>
  request<{ docs: ThreadView[] }>(`${documentPath(apiRoute, collection, id)}/threads`)

export const startThread = (apiRoute: string, collection: string, id: number | string, body: string, field: string) =>
  request(`${documentPath(apiRoute, collection, id)}/threads`, {
    method: 'POST',
    body: JSON.stringify({ body, ...(field ? { field } : {}) }),
  })

export const replyToThread = (apiRoute: string, thread: number, body: string) =>
  request(`${apiRoute}/workflow-comments/${thread}/replies`, { method: 'POST', body: JSON.stringify({ body }) })

export const resolveThread = (apiRoute: string, thread: number, resolved: boolean) =>
  request(`${apiRoute}/workflow-comments/${thread}/resolve`, { method: 'POST', body: JSON.stringify({ resolved }) })

export const fetchChanges = (apiRoute: string, collection: string, id: number | string, against: 'live' | 'seen') =>
  request<Changes>(`${documentPath(apiRoute, collection, id)}/changes?against=${against}`)

export const assignReviewers = (
  apiRoute: string,
  collection: string,
  id: number | string,
  reviewers: number[],
  due: Date | null,
) =>
  request(`${documentPath(apiRoute, collection, id)}/assign`, {
    method: 'POST',
    body: JSON.stringify({ reviewers, due: due?.toISOString() ?? null }),
  })

/** The accounts that review (reviewers and admins), by name. */
export const fetchReviewers = (apiRoute: string) =>
  request<{ docs: (WorkflowPerson & { role: string; reviewerRoles?: string[] | null })[] }>(
    `${apiRoute}/users?where[role][in]=reviewer,admin&limit=100&depth=0&sort=name`,
  )

/** Says this editor is on the document; answers who else is. */
export const sendPresence = (apiRoute: string, collection: string, id: number | string) =>
  request<{ editing: { id: number; name: string; since: string }[] }>(
    `${documentPath(apiRoute, collection, id)}/presence`,
    { method: 'POST', body: '{}' },
  )

export const leavePresence = (apiRoute: string, collection: string, id: number | string) =>
  fetch(`${documentPath(apiRoute, collection, id)}/presence`, {
    method: 'DELETE',
    credentials: 'include',
    keepalive: true,
  })

export function personName(person: WorkflowPerson | number | null): string | null {
  if (person === null) return null
  if (typeof person === 'number') return `user ${person}`
  return person.name || person.email || `user ${person.id}`
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong.'
