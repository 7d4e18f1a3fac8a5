import type { CollectionConfig } from 'payload'

import { contentAccess } from '../src/access/content'
import { authorField, setAuthorOnCreate } from '../src/content/authorship'
import { transitionEndpoint, workflowStatusEndpoint } from '../src/workflow/endpoints'
import { enforceWorkflowOnWrite, guardLiveVersion } from '../src/workflow/enforce'
import { workflowFields } from '../src/workflow/fields'
import { contentEditor } from '../src/content/editor'
import { ensureValidUniqueSlug, slugField } from '../src/content/slug'
import { ensureSafeSourceLinks } from '../src/content/validation'

export const Myths: CollectionConfig = {
  slug: 'myths',
  admin: {
    useAsTitle: 'myth',
    defaultColumns: ['myth', 'slug', 'workflowStage', 'updatedAt'],
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
  defaultPopulate: { myth: true, slug: true },
  endpoints: [transitionEndpoint('myths'), workflowStatusEndpoint('myths')],
  hooks: {
    beforeValidate: [ensureValidUniqueSlug('myths'), ensureSafeSourceLinks],
    beforeChange: [enforceWorkflowOnWrite, setAuthorOnCreate],
    afterChange: [guardLiveVersion],
  },
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
    authorField,
    ...workflowFields,
  ],
}
