/**
 * Review threads (`workflow-comments`): a comment on one version of an editorial document,
 * optionally about one of its fields, with replies and a resolved state. One row per comment:
 * a thread's first comment carries the document, version, field and resolved state; replies
 * point to it. Staff read them; only the workflow writes them (threadApi.ts), as the system.
 */
import type { CollectionConfig, CollectionSlug, PayloadRequest } from 'payload'

import type { WorkflowComment } from '../../../payload-types'
import { isStaff } from '../../access/roles'
import type { OpenThread } from '../effects'

export const THREADS = 'workflow-comments'

const nobody = () => false

export const threadsCollection = (editorialCollections: string[]): CollectionConfig => ({
  slug: THREADS,
  labels: { singular: 'Review thread', plural: 'Review threads' },
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'document', 'field', 'resolved', 'authorName', 'createdAt'],
    description: 'Review comments on versions of the content, with their replies. Written from the review drawer.',
    group: 'Workflow',
  },
  defaultSort: '-createdAt',
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'document', type: 'relationship', relationTo: editorialCollections as CollectionSlug[], index: true },
    // Kept for good, like the audit trail's: the link above empties when its document is deleted.
    { name: 'documentCollection', type: 'text', required: true, index: true },
    { name: 'documentId', type: 'number', required: true, index: true },
    { name: 'versionId', type: 'text', index: true, admin: { description: 'The version the thread is about.' } },
    { name: 'field', type: 'text', admin: { description: 'The field the thread is about, if one.' } },
    { name: 'body', type: 'textarea', required: true },
    { name: 'author', type: 'relationship', relationTo: 'users' },
    { name: 'authorName', type: 'text', required: true },
    {
      name: 'thread',
      type: 'relationship',
      relationTo: THREADS as CollectionSlug,
      index: true,
      admin: { description: 'The thread this comment replies to; empty for the comment that opened it.' },
    },
    { name: 'replies', type: 'join', collection: THREADS as CollectionSlug, on: 'thread', defaultSort: 'createdAt' },
    { name: 'resolved', type: 'checkbox', defaultValue: false, index: true },
    { name: 'resolvedBy', type: 'relationship', relationTo: 'users' },
    { name: 'resolvedAt', type: 'date' },
    // Reply mails go out at most once a minute per thread (threadMail.ts).
    { name: 'mailQueued', type: 'checkbox', defaultValue: false, admin: { hidden: true } },
    { name: 'lastMailedAt', type: 'date', admin: { hidden: true } },
  ],
})

type ThreadRow = Pick<WorkflowComment, 'id' | 'body' | 'field' | 'versionId' | 'authorName' | 'resolved'>

export const openThreadOf = (thread: ThreadRow): OpenThread => ({
  id: thread.id,
  body: thread.body,
  field: thread.field ?? null,
  versionId: thread.versionId ?? null,
  author: thread.authorName,
})

/** The threads of a document nobody resolved yet, oldest first. */
export async function openThreadsOf(
  req: PayloadRequest,
  collection: string,
  documentId: number,
): Promise<OpenThread[]> {
  const { docs } = await req.payload.find({
    collection: THREADS as 'workflow-comments',
    where: {
      and: [
        { documentCollection: { equals: collection } },
        { documentId: { equals: documentId } },
        { thread: { exists: false } },
        { resolved: { not_equals: true } },
      ],
    },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { body: true, field: true, versionId: true, authorName: true, resolved: true },
  })
  return docs.map(openThreadOf)
}

export interface NewComment {
  collection: string
  documentId: number
  versionId: string | null
  field?: string | null
  body: string
  author: { id: number; name?: string | null; email: string }
  /** The thread replied to; none for a new thread. */
  thread?: number
}

export async function writeComment(req: PayloadRequest, comment: NewComment): Promise<WorkflowComment> {
  return req.payload.create({
    collection: THREADS as 'workflow-comments',
    data: {
      document: { relationTo: comment.collection, value: comment.documentId } as WorkflowComment['document'],
      documentCollection: comment.collection,
      documentId: comment.documentId,
      versionId: comment.versionId,
      field: comment.field ?? null,
      body: comment.body.trim(),
      author: comment.author.id,
      authorName: comment.author.name?.trim() || comment.author.email,
      thread: comment.thread ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
