import { contentEditor } from '../src/content/editor'
import { editorialCollection } from '../src/content/editorialCollection'
import { ensureSafeSourceLinks } from '../src/content/validation'

export const Myths = editorialCollection({
  slug: 'myths',
  titleField: {
    name: 'myth',
    type: 'text',
    required: true,
    maxLength: 200,
    admin: { description: 'The misconception, as people say it: "A good massage has to hurt".' },
  },
  admin: { defaultColumns: ['myth', 'slug', 'workflowStage', 'updatedAt'] },
  defaultPopulate: { myth: true, slug: true },
  hooks: { beforeValidate: [ensureSafeSourceLinks] },
  fields: [
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
})
