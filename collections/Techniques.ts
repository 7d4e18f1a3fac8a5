import type { CollectionConfig } from 'payload'

import { contentAccess } from '../src/access/content'
import { authorField, setAuthorOnCreate } from '../src/content/authorship'
import { transitionEndpoint, workflowStatusEndpoint } from '../src/workflow/endpoints'
import { enforceWorkflowOnWrite, guardLiveVersion } from '../src/workflow/enforce'
import { workflowFields } from '../src/workflow/fields'
import { ensureValidUniqueSlug, slugField } from '../src/content/slug'
import { contentEditor } from '../src/content/editor'

export const Techniques: CollectionConfig = {
  slug: 'techniques',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'pressure', 'slug', 'workflowStage', 'updatedAt'],
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
  defaultPopulate: { name: true, slug: true, summary: true, pressure: true },
  endpoints: [transitionEndpoint('techniques'), workflowStatusEndpoint('techniques')],
  hooks: {
    beforeValidate: [ensureValidUniqueSlug('techniques')],
    beforeChange: [enforceWorkflowOnWrite, setAuthorOnCreate],
    afterChange: [guardLiveVersion],
  },
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
    authorField,
    ...workflowFields,
  ],
}
