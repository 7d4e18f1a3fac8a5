import type { CollectionConfig } from 'payload'

import { contentEditor } from '../src/content/editor'

export const FAQ_CATEGORIES = ['general', 'booking', 'session', 'health'] as const

/** Editorial: the workflow plugin (payload.config.ts) adds drafts, the slug, the author and the workflow. */
export const Faqs: CollectionConfig<'faqs'> = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: { useAsTitle: 'question', defaultColumns: ['question', 'category', 'order', 'workflowStage'] },
  defaultSort: 'order',
  defaultPopulate: { question: true, slug: true, category: true },
  fields: [
    { name: 'question', type: 'text', required: true, unique: true, maxLength: 200 },
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
  ],
}
