/**
 * What the editorial workflow tells people and systems after each successful transition:
 * mails to reviewers and submitters, and webhooks to the sites that show published content.
 * Nothing here can fail a transition: mail errors are logged, webhooks go through the jobs queue.
 */
import type { Payload } from 'payload'

import { queueCdnPurge } from '../cdnPurge'
import { collectionOptions, workflowOptions } from './options'
import { STAGE_LABELS, type Action, type Stage } from './transitions'
import { tagsMadeStaleBy } from '../readCache/tags'
import { kickWebhookQueue, queueWebhooks, type WebhookBody } from './webhooks'

export type NoticeAction = Action

export interface NoticePerson {
  id: number
  email: string
  name?: string | null
}

export const personOf = (user: NoticePerson): NoticePerson => ({
  id: user.id,
  email: user.email,
  name: user.name ?? null,
})

/** The event the workflow emits after each successful transition. */
export interface WorkflowNotice {
  collection: string
  /** How one document of the collection is called: "article", "FAQ". */
  noun: string
  /** Where the document opens in the admin. */
  adminUrl: string
  documentId: number
  /** The document's title (articles), name (techniques), question (faqs) or myth (myths). */
  title: string
  slug?: string | null
  action: NoticeAction
  from: string
  to: string
  actor: NoticePerson
  /** Who submitted the version under review. */
  submitter?: NoticePerson | null
  comment?: string | null
  /** After an approval: how many the version has, of how many it needs. */
  approvals?: { count: number; required: number }
}

export interface Mail {
  to: string
  subject: string
  text: string
}

const stageLabel = (stage: string) => STAGE_LABELS[stage as Stage] ?? stage.replace(/_/g, ' ')
const personName = (person: Pick<NoticePerson, 'email' | 'name'>) => person.name?.trim() || person.email
/** Keeps a title on one line in a subject. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim() || '(untitled)'

/** Where a document opens in the admin, and how one of its collection is called. */
export function documentReference(
  payload: Payload,
  collection: string,
  documentId: number,
): Pick<WorkflowNotice, 'noun' | 'adminUrl'> {
  return {
    noun: collectionOptions(payload, collection).noun,
    adminUrl: `${workflowOptions(payload).serverUrl}/admin/collections/${collection}/${documentId}`,
  }
}

/** Who hears about a transition by mail; never the person who took it. */
export async function mailRecipients(payload: Payload, notice: WorkflowNotice): Promise<NoticePerson[]> {
  let people: NoticePerson[]
  switch (notice.action) {
    case 'submit':
      people = await usersWithRole(payload, 'reviewer')
      if (people.length === 0) people = await usersWithRole(payload, 'admin')
      break
    case 'request_changes':
    case 'approve':
    case 'publish':
    case 'roll_back':
      people = notice.submitter ? [notice.submitter] : []
      break
    default:
      people = []
  }
  const actorEmail = notice.actor.email.toLowerCase()
  const seen = new Set<string>()
  return people.filter((person) => {
    const email = person.email.toLowerCase()
    if (person.id === notice.actor.id || email === actorEmail || seen.has(email)) return false
    seen.add(email)
    return true
  })
}

async function usersWithRole(payload: Payload, role: 'reviewer' | 'admin'): Promise<NoticePerson[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { role: { equals: role } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((user) => ({
    id: Number(user.id),
    email: user.email,
    name: (user as { name?: string | null }).name ?? null,
  }))
}

/** An approval: the last one needed makes the document ready; earlier ones count towards it. */
function approvalNews(notice: WorkflowNotice, actor: string, kind: string, title: string) {
  const { count, required } = notice.approvals ?? { count: 1, required: 1 }
  if (count >= required)
    return {
      subject: `Approved: "${title}"`,
      line: `${actor} approved the ${kind} "${title}". It is ready to be published.`,
    }
  return {
    subject: `Approval ${count} of ${required}: "${title}"`,
    line: `${actor} approved the ${kind} "${title}": ${count} of the ${required} approvals it needs. It stays in review until another reviewer approves it.`,
  }
}

/** The mail one recipient gets about a transition, in plain English. */
export function composeMail(notice: WorkflowNotice, recipient: NoticePerson): Mail {
  const kind = notice.noun
  const title = oneLine(notice.title)
  const actor = personName(notice.actor)
  const stages = `It moved from "${stageLabel(notice.from)}" to "${stageLabel(notice.to)}".`
  const what: Record<NoticeAction, { subject: string; line: string }> = {
    submit: { subject: `Review requested: "${title}"`, line: `${actor} submitted the ${kind} "${title}" for review.` },
    withdraw: {
      subject: `Withdrawn from review: "${title}"`,
      line: `${actor} withdrew the ${kind} "${title}" from review.`,
    },
    request_changes: {
      subject: `Changes requested: "${title}"`,
      line: `${actor} reviewed the ${kind} "${title}" and asked for changes.`,
    },
    approve: approvalNews(notice, actor, kind, title),
    publish: { subject: `Published: "${title}"`, line: `${actor} published the ${kind} "${title}". It is now live.` },
    unpublish: { subject: `Unpublished: "${title}"`, line: `${actor} took the ${kind} "${title}" offline.` },
    confirm_current: {
      subject: `Still correct: "${title}"`,
      line: `${actor} checked the live ${kind} "${title}" and confirmed it is still correct.`,
    },
    roll_back: {
      subject: `Rolled back: "${title}"`,
      line: `${actor} rolled back a release: the ${kind} "${title}" shows the version that was live before it again.`,
    },
  }
  const comment = notice.comment?.trim()
  const text = [
    `Hello ${personName(recipient)},`,
    '',
    `${what[notice.action].line} ${stages}`,
    ...(comment ? ['', `${actor} wrote:`, ...comment.split(/\r?\n/).map((line) => `  ${line}`)] : []),
    '',
    `Open it in spa-cms: ${notice.adminUrl}`,
    '',
    '-- ',
    'spa-cms editorial workflow',
  ].join('\n')
  return { to: recipient.email, subject: what[notice.action].subject, text }
}

/** A workflow mail to one person: the greeting, what happened, the link into the admin, the signature. */
export function workflowMail(
  to: Pick<NoticePerson, 'email' | 'name'>,
  subject: string,
  lines: string[],
  adminUrl: string,
): Mail {
  const text = [
    `Hello ${personName(to)},`,
    '',
    ...lines,
    '',
    `Open it in spa-cms: ${adminUrl}`,
    '',
    '-- ',
    'spa-cms editorial workflow',
  ].join('\n')
  return { to: to.email, subject, text }
}

/** One mail per person, so nobody sees the others' addresses; one failure does not stop the rest. */
export async function sendEach(payload: Payload, mails: Mail[], context: Record<string, unknown>): Promise<void> {
  const results = await Promise.allSettled(mails.map((mail) => payload.sendEmail(mail)))
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      payload.logger.error(
        { err: result.reason, ...context, mail: { to: mails[index].to } },
        'workflow mail could not be sent',
      )
    }
  })
}

async function sendMails(payload: Payload, notice: WorkflowNotice): Promise<void> {
  const recipients = await mailRecipients(payload, notice)
  const workflow = { collection: notice.collection, id: notice.documentId, action: notice.action }
  await sendEach(
    payload,
    recipients.map((recipient) => composeMail(notice, recipient)),
    { workflow },
  )
}

/** A scheduled action that did not happen when its time came. */
export interface ScheduleFailureNotice extends Pick<WorkflowNotice, 'noun' | 'adminUrl'> {
  collection: string
  documentId: number
  title: string
  action: 'publish' | 'unpublish'
  /** The time it was scheduled for (ISO). */
  at: string
  scheduledBy: NoticePerson | null
  submitter: NoticePerson | null
  /** Why it did not happen, as the workflow said it. */
  reason: string
}

/** The mail about a scheduled action that failed, to one of the people involved. */
export function composeScheduleFailureMail(notice: ScheduleFailureNotice, recipient: NoticePerson): Mail {
  const kind = notice.noun
  const title = oneLine(notice.title)
  const verb = notice.action === 'publish' ? 'publish' : 'unpublish'
  const by = notice.scheduledBy ? ` that ${personName(notice.scheduledBy)} scheduled` : ''
  const text = [
    `Hello ${personName(recipient)},`,
    '',
    `The ${verb} of the ${kind} "${title}"${by} for ${new Date(notice.at).toUTCString()} did not happen:`,
    `  ${notice.reason}`,
    '',
    `Open it in spa-cms to see where it stands and schedule it again: ${notice.adminUrl}`,
    '',
    '-- ',
    'spa-cms editorial workflow',
  ].join('\n')
  return { to: recipient.email, subject: `Scheduled ${verb} failed: "${title}"`, text }
}

/**
 * Tells whoever scheduled the action and whoever submitted the document that it failed.
 * Never rejects: failures are logged.
 */
export async function notifyScheduleFailure(payload: Payload, notice: ScheduleFailureNotice): Promise<void> {
  const seen = new Set<string>()
  const recipients = [notice.scheduledBy, notice.submitter].filter((person): person is NoticePerson => {
    if (!person || seen.has(person.email.toLowerCase())) return false
    seen.add(person.email.toLowerCase())
    return true
  })
  const workflow = { collection: notice.collection, id: notice.documentId, scheduled: notice.action }
  await sendEach(
    payload,
    recipients.map((recipient) => composeScheduleFailureMail(notice, recipient)),
    { workflow },
  ).catch((err: unknown) => payload.logger.error({ err, workflow }, 'workflow mails could not be sent'))
}

/** Which webhook event an action that changes the public site sends; none for the others. */
const PUBLIC_EVENTS: Partial<Record<NoticeAction, WebhookBody['event']>> = {
  publish: 'publish',
  roll_back: 'publish',
  unpublish: 'unpublish',
}

/**
 * Queues the webhooks and the CDN purge of one public change (it travels in the webhooks' queue,
 * with their tags) and starts delivering them in the background: a slow or failing receiver never
 * holds up the change.
 */
export async function announcePublicChange(payload: Payload, body: Omit<WebhookBody, 'tags'>, tags: string[]) {
  const purges = await queueCdnPurge(payload, tags)
  const webhooks = await queueWebhooks(payload, { ...body, tags })
  if (webhooks + purges > 0) kickWebhookQueue(payload)
}

async function sendWebhooks(payload: Payload, notice: WorkflowNotice): Promise<void> {
  const event = PUBLIC_EVENTS[notice.action]
  if (!event) return
  await announcePublicChange(
    payload,
    {
      event,
      collection: notice.collection,
      id: notice.documentId,
      slug: notice.slug ?? null,
      title: notice.title,
      at: new Date().toISOString(),
    },
    // A page that left its old slug holds the document itself: its own tag drops it.
    tagsMadeStaleBy(notice.collection, notice.documentId, notice.slug ? [notice.slug] : undefined),
  )
}

/**
 * Mails and webhooks for one transition. Resolves once the webhooks are queued and the mails
 * are handed to the mail server; never rejects (every failure is logged), so callers may `void` it.
 * A release sends one webhook for all its items, so it asks for the mails only.
 */
export async function notifyWorkflowTransition(
  payload: Payload,
  notice: WorkflowNotice,
  { webhooks: withWebhooks = true }: { webhooks?: boolean } = {},
): Promise<void> {
  const context = { workflow: { collection: notice.collection, id: notice.documentId, action: notice.action } }
  const [webhooks, mails] = await Promise.allSettled([
    withWebhooks ? sendWebhooks(payload, notice) : undefined,
    sendMails(payload, notice),
  ])
  if (webhooks.status === 'rejected')
    payload.logger.error({ err: webhooks.reason, ...context }, 'workflow webhooks could not be queued')
  if (mails.status === 'rejected')
    payload.logger.error({ err: mails.reason, ...context }, 'workflow mails could not be sent')
}
