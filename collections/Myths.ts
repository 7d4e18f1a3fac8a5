import type { CollectionConfig } from 'payload'

import { contentEditor } from '../src/content/editor'
import { ensureSafeSourceLinks } from '../src/content/validation'

/** Editorial: the workflow plugin (payload.config.ts) adds drafts, the slug, the author and the workflow. */
export const Myths: CollectionConfig<'myths'> = {
  slug: 'myths',
  admin: { useAsTitle: 'myth', defaultColumns: ['myth', 'slug', 'workflowStage', 'updatedAt'] },
  defaultPopulate: { myth: true, slug: true },
  hooks: { beforeValidate: [ensureSafeSourceLinks] },
  fields: [
    {
      name: 'myth',
      type: 'text',
      required: true,
      maxLength: 200,
      admin: { description: 'The misconception, as people say it: "A good massage has to hurt".' },
    },
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
