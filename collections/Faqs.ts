import { contentEditor } from '../src/content/editor'
import { editorialCollection } from '../src/content/editorialCollection'

export const FAQ_CATEGORIES = ['general', 'booking', 'session', 'health'] as const

export const Faqs = editorialCollection({
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  titleField: { name: 'question', type: 'text', required: true, unique: true, maxLength: 200 },
  admin: { defaultColumns: ['question', 'category', 'order', 'workflowStage'] },
  defaultSort: 'order',
  defaultPopulate: { question: true, slug: true, category: true },
  fields: [
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
})
