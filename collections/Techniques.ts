import type { CollectionConfig } from 'payload'

import { contentAccess } from '../src/access/content'
import { ensureValidUniqueSlug, slugField } from '../src/content/slug'
import { contentEditor } from '../src/content/editor'

export const Techniques: CollectionConfig = {
  slug: 'techniques',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'pressure', 'slug', '_status', 'updatedAt'] },
  access: contentAccess,
  versions: { drafts: true, maxPerDoc: 50 },
  defaultPopulate: { name: true, slug: true, summary: true, pressure: true },
  hooks: { beforeValidate: [ensureValidUniqueSlug('techniques')] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 80 },
    slugField('name'),
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
}
