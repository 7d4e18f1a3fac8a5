import type { CollectionConfig, CollectionSlug } from 'payload'

import { isStaff } from '../access/roles'
import { ACTIONS, ACTION_LABELS, STAGE_LABELS, STAGES } from './transitions'

const nobody = () => false

export const AUDIT_TRAIL = 'workflow-events'

/**
 * The audit trail: one row per workflow transition, written only by the workflow itself. Its
 * `document` may be any of the editorial collections.
 */
export const auditTrailCollection = (editorialCollections: string[]): CollectionConfig => ({
  slug: AUDIT_TRAIL,
  labels: { singular: 'Workflow event', plural: 'Workflow events' },
  admin: {
    defaultColumns: ['action', 'document', 'from', 'to', 'actor', 'createdAt'],
    description: 'Every submission, review, approval and publication, as it happened. Read-only.',
  },
  defaultSort: '-createdAt',
  access: {
    read: isStaff,
    // No API may write the audit trail, admins included; the workflow writes it as the system.
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'document',
      type: 'relationship',
      relationTo: editorialCollections as CollectionSlug[],
      required: true,
      index: true,
    },
    // The link above is emptied when its document is deleted; what the event was about is kept here for good.
    { name: 'documentCollection', type: 'text', required: true, index: true, admin: { readOnly: true } },
    { name: 'documentId', type: 'number', required: true, index: true, admin: { readOnly: true } },
    { name: 'versionId', type: 'text', admin: { description: 'The version the transition produced.' } },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: ACTIONS.map((value) => ({ label: ACTION_LABELS[value], value })),
    },
    {
      name: 'from',
      type: 'select',
      required: true,
      options: STAGES.map((value) => ({ label: STAGE_LABELS[value], value })),
    },
    {
      name: 'to',
      type: 'select',
      required: true,
      options: STAGES.map((value) => ({ label: STAGE_LABELS[value], value })),
    },
    // Not required: the event must survive the deletion of the account that acted.
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    {
      name: 'actorEmail',
      type: 'email',
      required: true,
      admin: { description: 'Who acted, kept even if the account is deleted later.' },
    },
    { name: 'comment', type: 'textarea' },
    { name: 'checklist', type: 'json' },
  ],
})
