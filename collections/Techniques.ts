import type { CollectionConfig } from 'payload'

import { contentEditor } from '../src/content/editor'

/** Editorial: the workflow plugin (payload.config.ts) adds drafts, the slug, the author and the workflow. */
export const Techniques: CollectionConfig<'techniques'> = {
  slug: 'techniques',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'pressure', 'slug', 'workflowStage', 'updatedAt'] },
  defaultPopulate: { name: true, slug: true, summary: true, pressure: true },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 80 },
    {
      name: 'summary',
      type: 'text',
      maxLength: 160,
      admin: { description: 'One line, e.g. "Long strokes, kneading and tapping to promote relaxation".' },
    },
    { name: 'description', type: 'richText', editor: contentEditor },
    {
      name: 'pressure',
      type: 'select',
      options: ['light', 'medium', 'firm', 'deep'].map((value) => ({
        label: value[0].toUpperCase() + value.slice(1),
        value,
      })),
    },
    {
      name: 'bestFor',
      type: 'text',
      hasMany: true,
      maxLength: 40,
      admin: { description: 'Short tags such as "relaxation" or "athletes".' },
    },
    { name: 'image', type: 'upload', relationTo: 'media' },
  ],
}
