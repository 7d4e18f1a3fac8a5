/**
 * What every editorial collection (articles, techniques, faqs, myths) shares, in one place:
 * public read rules, drafts and versions, a slug from its title field, its author, and the
 * workflow (fields, enforcement hooks, endpoints, admin controls). A collection file adds
 * only its own fields and rules.
 */
import type { CollectionConfig, Field } from 'payload'

import { contentAccess } from '../access/content'
import { serialiseSavesOfOneDocument } from '../db/documentLock'
import { recordDocumentRead, recordPublicChange, recordPublicDelete } from '../readCache/payloadHooks'
import { transitionEndpoint, workflowStatusEndpoint } from '../workflow/endpoints'
import { enforceWorkflowOnWrite, guardLiveVersion } from '../workflow/enforce'
import { workflowFields } from '../workflow/fields'
import type { WorkflowCollection } from '../workflow/perform'
import { authorField, setAuthorOnCreate } from './authorship'
import { ensureValidUniqueSlug, slugField } from './slug'
import { ensureSafeRichTextLinks } from './validation'

type Hooks = NonNullable<CollectionConfig['hooks']>

export interface EditorialCollectionConfig extends Omit<CollectionConfig, 'slug' | 'access' | 'versions' | 'fields'> {
  slug: WorkflowCollection
  /** The field that titles a document; the slug is generated from it and follows it in the form. */
  titleField: Field & { name: string }
  /** The collection's other fields, after the title and slug. */
  fields: Field[]
  autosave?: boolean
}

export function editorialCollection({ slug, titleField, fields, autosave, admin, hooks, endpoints, ...rest }: EditorialCollectionConfig): CollectionConfig {
  const own: Hooks = hooks ?? {}
  return {
    ...rest,
    slug,
    admin: {
      useAsTitle: titleField.name,
      ...admin,
      components: {
        ...admin?.components,
        edit: {
          beforeDocumentControls: ['/src/components/WorkflowActionBar#WorkflowActionBar'],
          // Documents go live only through the workflow's Publish and Unpublish actions.
          PublishButton: '/src/components/NoDirectPublishing#NoDirectPublishing',
          UnpublishButton: '/src/components/NoDirectPublishing#NoDirectPublishing',
        },
      },
    },
    access: contentAccess,
    // No schedulePublish: scheduling goes through the workflow (src/workflow/scheduling.ts).
    versions: { drafts: { ...(autosave ? { autosave: { interval: 2000 } } : {}) }, maxPerDoc: 100 },
    endpoints: [...(Array.isArray(endpoints) ? endpoints : []), transitionEndpoint(slug), workflowStatusEndpoint(slug)],
    hooks: {
      ...own,
      beforeOperation: [serialiseSavesOfOneDocument, ...(own.beforeOperation ?? [])],
      beforeValidate: [ensureValidUniqueSlug(slug), ensureSafeRichTextLinks, ...(own.beforeValidate ?? [])],
      beforeChange: [enforceWorkflowOnWrite, setAuthorOnCreate, ...(own.beforeChange ?? [])],
      afterChange: [guardLiveVersion, ...(own.afterChange ?? []), recordPublicChange],
      afterDelete: [...(own.afterDelete ?? []), recordPublicDelete],
      afterRead: [...(own.afterRead ?? []), recordDocumentRead],
    },
    fields: [titleField, slugField(titleField.name), ...fields, authorField, ...workflowFields],
  }
}
