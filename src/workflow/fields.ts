/** The fields every content collection carries for the workflow. Only workflow actions change them. */
import type { Field } from 'payload'

import { isStaff } from '../access/roles'
import { STAGE_LABELS, STAGES } from './transitions'

export const workflowFields: Field[] = [
  {
    name: 'workflowStage',
    type: 'select',
    defaultValue: 'draft',
    index: true,
    options: STAGES.map((stage) => ({ label: STAGE_LABELS[stage], value: stage })),
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: 'Changes only through the workflow actions.',
      components: { Cell: '/src/components/StageCell#StageCell' },
    },
  },
  {
    // Public, so that a front end may choose to hide stale health advice.
    name: 'reviewBy',
    label: 'Review by',
    type: 'date',
    index: true,
    admin: {
      readOnly: true,
      position: 'sidebar',
      description: 'Set when published, for collections with a review interval; "Still correct" renews it.',
    },
  },
  {
    name: 'reviewDue',
    label: 'Review due',
    type: 'checkbox',
    defaultValue: false,
    index: true,
    admin: { readOnly: true, position: 'sidebar', description: 'Past its review date: a reviewer should check it.' },
  },
  {
    // On the live row only (knockOn.ts): what changed in the documents this one embeds.
    name: 'knockOn',
    label: 'Check: embedded content changed',
    type: 'json',
    access: { read: isStaff },
    admin: { hidden: true },
  },
  {
    name: 'workflow',
    type: 'group',
    // Who submitted and reviewed what is the team's business, not the public's.
    access: { read: isStaff },
    admin: { readOnly: true, position: 'sidebar' },
    fields: [
      { name: 'submittedBy', type: 'relationship', relationTo: 'users' },
      { name: 'submittedAt', type: 'date' },
      {
        name: 'submittedVersion',
        type: 'text',
        admin: { description: 'The version in review: its threads and approvals are about it.' },
      },
      { name: 'lastEditedBy', type: 'relationship', relationTo: 'users' },
      {
        name: 'editors',
        type: 'relationship',
        relationTo: 'users',
        hasMany: true,
        admin: { description: 'Who changed the content since it was last approved: none of them may approve it.' },
      },
      {
        name: 'approvals',
        type: 'json',
        admin: { description: 'The approvals of the version in review: reviewer, time, version.' },
      },
      { name: 'assignees', label: 'Assigned reviewers', type: 'relationship', relationTo: 'users', hasMany: true },
      { name: 'dueDate', label: 'Assigned review due by', type: 'date' },
      { name: 'approvedBy', type: 'relationship', relationTo: 'users' },
      { name: 'approvedAt', type: 'date' },
      {
        name: 'approvedVersion',
        type: 'text',
        admin: { description: 'The version that was approved; publish makes exactly this one live.' },
      },
      { name: 'reviewComment', type: 'textarea' },
      { name: 'checklist', type: 'json', admin: { description: 'Content checks computed on submission.' } },
    ],
  },
  {
    // The audit trail of this document, newest first, as a list on its edit view.
    name: 'workflowHistory',
    label: 'Workflow history',
    type: 'join',
    collection: 'workflow-events',
    on: 'document',
    defaultSort: '-createdAt',
    defaultLimit: 20,
    access: { read: isStaff },
    admin: { defaultColumns: ['action', 'from', 'to', 'actorEmail', 'comment', 'createdAt'], allowCreate: false },
  },
]
