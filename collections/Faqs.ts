import type { CollectionConfig } from 'payload'

import { contentAccess } from '../src/access/content'
import { authorField, setAuthorOnCreate } from '../src/content/authorship'
import { transitionEndpoint, workflowStatusEndpoint } from '../src/workflow/endpoints'
import { enforceWorkflowOnWrite, guardLiveVersion } from '../src/workflow/enforce'
import { workflowFields } from '../src/workflow/fields'
import { contentEditor } from '../src/content/editor'
import { ensureValidUniqueSlug, slugField } from '../src/content/slug'

export const FAQ_CATEGORIES = ['general', 'booking', 'session', 'health'] as const

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'category', 'order', 'workflowStage'],
    components: {
      edit: {
        beforeDocumentControls: ['/src/components/WorkflowActionBar#WorkflowActionBar'],
        // Documents go live only through the workflow's Publish and Unpublish actions.
        PublishButton: '/src/components/NoDirectPublishing#NoDirectPublishing',
        UnpublishButton: '/src/components/NoDirectPublishing#NoDirectPublishing',
      },
    },
  },
  access: contentAccess,
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  defaultSort: 'order',
  defaultPopulate: { question: true, slug: true, category: true },
  endpoints: [transitionEndpoint('faqs'), workflowStatusEndpoint('faqs')],
  hooks: {
    beforeValidate: [ensureValidUniqueSlug('faqs')],
    beforeChange: [enforceWorkflowOnWrite, setAuthorOnCreate],
    afterChange: [guardLiveVersion],
  },
  fields: [
    { name: 'question', type: 'text', required: true, unique: true, maxLength: 200 },
    slugField('question'),
    { name: 'answer', type: 'richText', required: true, editor: contentEditor },
    {
      name: 'category',
      type: 'select',
      defaultValue: 'general',
      options: FAQ_CATEGORIES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
    },
    {
      name: 'order',
      type: 'number',
      index: true,
      admin: { description: 'Position in FAQ lists: 1 comes first.' },
    },
    authorField,
    ...workflowFields,
  ],
}
