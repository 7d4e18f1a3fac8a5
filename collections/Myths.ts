import type { CollectionConfig } from 'payload'

import { contentAccess } from '../src/access/content'
import { contentEditor } from '../src/content/editor'
import { ensureValidUniqueSlug, slugField } from '../src/content/slug'
import { ensureSafeSourceLinks } from '../src/content/validation'

export const Myths: CollectionConfig = {
  slug: 'myths',
  admin: { useAsTitle: 'myth', defaultColumns: ['myth', 'slug', '_status', 'updatedAt'] },
  access: contentAccess,
  versions: { drafts: true, maxPerDoc: 50 },
  defaultPopulate: { myth: true, slug: true },
  hooks: { beforeValidate: [ensureValidUniqueSlug('myths'), ensureSafeSourceLinks] },
  fields: [
    {
      name: 'myth',
      type: 'text',
      required: true,
      maxLength: 200,
      admin: { description: 'The misconception, as people say it: "A good massage has to hurt".' },
    },
    slugField('myth'),
    {
      name: 'fact',
      type: 'richText',
      required: true,
      editor: contentEditor,
      admin: { description: 'What is actually true.' },
    },
    {
      name: 'sources',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'url', type: 'text', required: true },
      ],
    },
  ],
}
