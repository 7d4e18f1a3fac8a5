import type { CollectionConfig } from 'payload'

import { contentAccess } from '../src/access/content'
import { transitionEndpoint, workflowStatusEndpoint } from '../src/workflow/endpoints'
import { enforceWorkflowOnWrite, guardLiveVersion } from '../src/workflow/enforce'
import { workflowFields } from '../src/workflow/fields'
import { authorField, setAuthorOnCreate, stampFirstPublication } from '../src/content/authorship'
import { contentEditor } from '../src/content/editor'
import { importArticleEndpoint } from '../src/content/importEndpoint'
import { hideUnpublishedRelationsFromFilters, relatedContentField } from '../src/content/relations'
import { ensureValidUniqueSlug, slugField } from '../src/content/slug'

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'workflowStage', 'publishedAt', 'updatedAt'],
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
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 100 },
  defaultSort: '-publishedAt',
  defaultPopulate: { title: true, slug: true, excerpt: true, heroImage: true, publishedAt: true },
  endpoints: [importArticleEndpoint, transitionEndpoint('articles'), workflowStatusEndpoint('articles')],
  hooks: {
    beforeOperation: [hideUnpublishedRelationsFromFilters({ techniques: 'techniques', faqs: 'faqs', myths: 'myths' })],
    beforeValidate: [ensureValidUniqueSlug('articles')],
    beforeChange: [enforceWorkflowOnWrite, setAuthorOnCreate, stampFirstPublication],
    afterChange: [guardLiveVersion],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 160 },
    slugField('title'),
    {
      name: 'excerpt',
      type: 'textarea',
      // Drafts are saved without validation, so this is enforced when publishing.
      required: true,
      maxLength: 300,
      admin: { description: 'A teaser of at most 300 characters for lists and social cards. Required to publish.' },
    },
    { name: 'content', type: 'richText', editor: contentEditor },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    relatedContentField('techniques', 'techniques', 'Massage techniques this article covers.'),
    relatedContentField('faqs', 'faqs', 'FAQs to show with the article.'),
    relatedContentField('myths', 'myths', 'Myths the article sets straight.'),
    authorField,
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'First publication.' },
    },
    {
      name: 'seo',
      label: 'SEO',
      type: 'group',
      fields: [
        { name: 'metaTitle', type: 'text', maxLength: 60 },
        { name: 'metaDescription', type: 'textarea', maxLength: 160 },
      ],
    },
    ...workflowFields,
  ],
}
