/**
 * What the workflow adds to each editorial collection: published-only reads, drafts and versions,
 * a slug made from the title, an author, the workflow fields, the hooks that make the workflow the
 * only way to go live, its endpoints and its admin controls. The collection's own file declares
 * only its fields and rules; its own hooks run after these.
 */
import type { CollectionConfig, Field } from 'payload'

import { contentAccess } from '../access/content'
import { authorField, setAuthorOnCreate } from '../content/authorship'
import { noteDraftSaves } from '../content/liveRows'
import { ensureValidUniqueSlug, slugField } from '../content/slug'
import { ensureSafeRichTextLinks } from '../content/validation'
import { serialiseSavesOfOneDocument } from '../db/documentLock'
import { transitionEndpoint, workflowStatusEndpoint } from './endpoints'
import { enforceWorkflowOnWrite, guardLiveVersion } from './enforce'
import { workflowFields } from './fields'
import type { WorkflowCollection } from './options'
import { assignEndpoint } from './review/assignments'
import { changesEndpoint } from './review/changes'
import { presenceEndpoints } from './review/presence'
import { documentThreadEndpoints } from './review/threadApi'
import type { EditorialCollectionOptions, ResolvedCollectionOptions } from './types'

/** The title field, then the slug made from it, then the rest. */
function withSlugAfterTitle(fields: Field[], titleField: string): Field[] {
  const at = fields.findIndex((field) => 'name' in field && field.name === titleField)
  if (at === -1) throw new Error(`editorialWorkflow: the title field "${titleField}" is not a top-level field.`)
  return [...fields.slice(0, at + 1), slugField(titleField), ...fields.slice(at + 1)]
}

export function withWorkflow(
  collection: CollectionConfig,
  resolved: ResolvedCollectionOptions,
  options: EditorialCollectionOptions,
): CollectionConfig {
  const slug = resolved.slug as WorkflowCollection
  const { titleField } = resolved
  const own = collection.hooks ?? {}
  return {
    ...collection,
    admin: {
      useAsTitle: titleField,
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...collection.admin?.components?.edit,
          // Rendered with the document's workflow status (a server component), so that the actions
          // show with the page instead of after a request of their own.
          beforeDocumentControls: [
            { path: '/src/components/WorkflowControls#WorkflowControls', serverProps: { collection: slug } },
          ],
          // Documents go live only through the workflow's Publish and Unpublish actions.
          PublishButton: '/src/components/NoDirectPublishing#NoDirectPublishing',
          UnpublishButton: '/src/components/NoDirectPublishing#NoDirectPublishing',
        },
      },
    },
    access: contentAccess,
    // No schedulePublish: scheduling goes through the workflow (scheduling.ts).
    // Every version is kept (maxPerDoc 0): approvals, audit events and releases point at versions
    // by id, and a release rolls back to the one that was live before it, however old. Pruning
    // would break those links, and costs a query on every save.
    versions: { drafts: { ...(options.autosave ? { autosave: { interval: 2000 } } : {}) }, maxPerDoc: 0 },
    endpoints: [
      ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
      transitionEndpoint(slug),
      workflowStatusEndpoint(slug),
      ...documentThreadEndpoints(slug),
      assignEndpoint(slug),
      changesEndpoint(slug),
      ...presenceEndpoints(slug),
    ],
    hooks: {
      ...own,
      // Last: it notes the write as the collection's own hooks leave it.
      beforeOperation: [serialiseSavesOfOneDocument, ...(own.beforeOperation ?? []), noteDraftSaves],
      beforeValidate: [ensureValidUniqueSlug(slug), ensureSafeRichTextLinks, ...(own.beforeValidate ?? [])],
      beforeChange: [enforceWorkflowOnWrite, setAuthorOnCreate, ...(own.beforeChange ?? [])],
      afterChange: [guardLiveVersion, ...(own.afterChange ?? [])],
    },
    fields: [...withSlugAfterTitle(collection.fields, titleField), authorField, ...workflowFields],
  }
}
