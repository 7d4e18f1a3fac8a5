/**
 * releases(): campaigns that go live together. Adds the `releases` collection (its fields:
 * collections/Releases.ts) over the editorial workflow's collections, with its actions
 * (endpoints.ts), its scheduled run in the workflow's schedule queue (scheduling.ts), and its
 * place in the workflow's audit trail (each item's event names its release; the release has its
 * own). Goes after editorialWorkflow in the plugin list.
 */
import type { CollectionConfig, CollectionSlug, Config, Field } from 'payload'

import { releasesCollection } from '../../collections/Releases'
import { bothExtensions } from '../workflow'
import { AUDIT_TRAIL } from '../workflow/auditTrail'
import { releaseMutations } from './graphql'
import { RELEASES } from './releaseActions'
import { releaseEndpoints } from './endpoints'
import { onlyReleaseActionsWrite, releaseAccess } from './guards'
import { releaseTask } from './scheduling'

export interface ReleasesOptions {
  /** The collections a release may hold: the editorial workflow's. */
  collections: CollectionSlug[]
}

/** The audit trail's events may be about a release, and an item's event names the release it went live with. */
function withReleasesInAuditTrail(auditTrail: CollectionConfig): CollectionConfig {
  const fields = auditTrail.fields.map((field): Field =>
    'name' in field && field.name === 'document' && field.type === 'relationship'
      ? ({ ...field, relationTo: [...(field.relationTo as CollectionSlug[]), RELEASES as CollectionSlug] } as Field)
      : field,
  )
  return {
    ...auditTrail,
    fields: [
      ...fields,
      {
        name: 'release',
        type: 'relationship',
        relationTo: RELEASES as CollectionSlug,
        index: true,
        admin: { description: 'The release this happened with.' },
      },
    ],
  }
}

export const releases =
  ({ collections }: ReleasesOptions) =>
  (config: Config): Config => {
    const collection = releasesCollection(collections)
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((existing) =>
          existing.slug === AUDIT_TRAIL ? withReleasesInAuditTrail(existing) : existing,
        ),
        {
          ...collection,
          access: releaseAccess,
          hooks: { ...collection.hooks, beforeChange: [onlyReleaseActionsWrite] },
          endpoints: releaseEndpoints,
        },
      ],
      graphQL: { ...config.graphQL, mutations: bothExtensions(config.graphQL?.mutations, releaseMutations) },
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), releaseTask] },
    }
  }
