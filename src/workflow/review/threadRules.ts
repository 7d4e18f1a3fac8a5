/**
 * The rules of review threads, pure: who may comment, reply and resolve, which version a thread
 * is about, how many are open on the version in review, and who hears about a reply. The
 * endpoints (threadApi.ts) load the facts and apply these.
 */
import type { WorkflowActor } from '../machine'
import type { Stage } from '../transitions'

type Id = number | string

/** Long enough for a careful review note; a thread is not a document. */
export const MAX_COMMENT_LENGTH = 5000

export interface ThreadRefusal {
  status: 400 | 403 | 409
  reason: string
}

const same = (a: Id | null | undefined, b: Id | null | undefined) => a != null && b != null && String(a) === String(b)

/** Why `body` cannot be a comment, if it cannot. */
export function bodyRefusal(body: unknown): ThreadRefusal | undefined {
  if (typeof body !== 'string' || body.trim() === '')
    return { status: 400, reason: 'Write the comment in "body": it cannot be empty.' }
  if (body.length > MAX_COMMENT_LENGTH)
    return {
      status: 400,
      reason: `A comment is at most ${MAX_COMMENT_LENGTH} characters (this one has ${body.length}); split it into replies.`,
    }
  return undefined
}

/** Writers discuss their own documents (those they may edit); reviewers and admins any. */
export function commentRefusal(actor: WorkflowActor, documentAuthor: Id | null | undefined): ThreadRefusal | undefined {
  if (actor.role !== 'writer' || same(actor.id, documentAuthor)) return undefined
  return { status: 403, reason: 'Writers comment on their own documents; reviewers and admins comment on any.' }
}

/** Whoever opened a thread, reviewers and admins resolve it (and reopen it). */
export function resolveRefusal(actor: WorkflowActor, threadAuthor: Id | null | undefined): ThreadRefusal | undefined {
  if (actor.role !== 'writer' || same(actor.id, threadAuthor)) return undefined
  return { status: 403, reason: 'Only whoever opened the thread, reviewers and admins may resolve or reopen it.' }
}

/**
 * The version a new thread is about: while in review, the version submitted (the workflow writes
 * rows of its own meanwhile, with the same content); otherwise the newest.
 */
export const threadVersionFor = (
  stage: Stage,
  submittedVersion: string | null | undefined,
  newestVersion: string | null,
): string | null => (stage === 'in_review' && submittedVersion ? submittedVersion : newestVersion)

export interface ThreadState {
  resolved?: boolean | null
  versionId?: string | null
}

export const openThreadsOnVersion = (threads: readonly ThreadState[], version: string | null | undefined): number =>
  version ? threads.filter((thread) => !thread.resolved && thread.versionId === version).length : 0

export interface ThreadComment {
  authorId: Id | null
  authorName: string
  body: string
  createdAt: string
}

export interface Participant {
  id: Id
  email: string
  name?: string | null
}

/**
 * Who hears about new replies, and which: everyone in the thread (its opener and whoever replied),
 * each about the replies of others only; nobody whose only news is their own words.
 */
export function replyDigests(
  participants: readonly Participant[],
  newReplies: readonly ThreadComment[],
): { to: Participant; replies: ThreadComment[] }[] {
  const seen = new Set<string>()
  return participants.flatMap((person) => {
    const key = String(person.id)
    if (seen.has(key)) return []
    seen.add(key)
    const replies = newReplies.filter((reply) => !same(reply.authorId, person.id))
    return replies.length > 0 ? [{ to: person, replies }] : []
  })
}
