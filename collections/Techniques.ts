import { contentEditor } from '../src/content/editor'
import { editorialCollection } from '../src/content/editorialCollection'

export const Techniques = editorialCollection({
  slug: 'techniques',
  titleField: { name: 'name', type: 'text', required: true, unique: true, maxLength: 80 },
  admin: { defaultColumns: ['name', 'pressure', 'slug', 'workflowStage', 'updatedAt'] },
  defaultPopulate: { name: true, slug: true, summary: true, pressure: true },
  fields: [
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
      options: ['light', 'medium', 'firm', 'deep'].map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
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
})
