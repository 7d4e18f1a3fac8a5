import type { CollectionConfig } from 'payload'

import { stampFirstPublication } from '../src/content/authorship'
import { contentEditor } from '../src/content/editor'
import { importArticleEndpoint } from '../src/content/importEndpoint'
import { dropUnpopulatedRelations, relatedContentField } from '../src/content/relations'

/**
 * Editorial: the workflow plugin (payload.config.ts) adds drafts, the slug, the author and the
 * workflow; the seoFields plugin its `seo` group.
 */
export const Articles: CollectionConfig<'articles'> = {
  slug: 'articles',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'workflowStage', 'publishedAt', 'updatedAt'] },
  defaultSort: '-publishedAt',
  // Front ends list the newest published articles: one index answers that without sorting.
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  defaultPopulate: { title: true, slug: true, excerpt: true, heroImage: true, publishedAt: true },
  endpoints: [importArticleEndpoint],
  hooks: {
    beforeChange: [stampFirstPublication],
    afterRead: [dropUnpopulatedRelations],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 160 },
    {
      name: 'excerpt',
      type: 'textarea',
      // Drafts are saved without validation, so this is enforced when publishing.
      required: true,
      maxLength: 300,
      admin: { description: 'A teaser of at most 300 characters for lists and social cards. Required to publish.' },
    },
    { name: 'content', type: 'richText', editor: contentEditor },
    { name: 'heroImage', label: 'Hero image', type: 'upload', relationTo: 'media' },
    relatedContentField('techniques', 'techniques', 'Massage techniques this article covers.'),
    relatedContentField('faqs', 'faqs', 'FAQs to show with the article.'),
    relatedContentField('myths', 'myths', 'Myths the article sets straight.'),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'First publication.' },
    },
  ],
}
