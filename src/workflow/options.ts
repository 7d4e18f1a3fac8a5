/**
 * The workflow's options: resolved once from the plugin's arguments and the collections they
 * name, kept in the config (`custom.editorialWorkflow`), and read back through these accessors.
 * Every list of editorial collections in the project comes from here.
 */
import { APIError, type CollectionConfig, type CollectionSlug, type Field, type Payload } from 'payload'

import type { Config as GeneratedTypes } from '../../payload-types'
import { isRole } from '../access/roles'
import type { ChecklistRules, LabelledField } from './claims'
import type { ReviewPolicy } from './machine'
import type {
  EditorialCollectionOptions,
  EditorialWorkflowOptions,
  ResolvedCollectionOptions,
  ResolvedWorkflowOptions,
} from './types'

type Collections = GeneratedTypes['collections']

/**
 * A slug of an editorial collection: in the generated types, the collections with a workflow
 * stage (the plugin adds it), so this type follows the options too.
 */
export type WorkflowCollection = {
  [Slug in keyof Collections]: 'workflowStage' extends keyof Collections[Slug] ? Slug : never
}[keyof Collections] &
  CollectionSlug

const CONFIG_KEY = 'editorialWorkflow'

const defaultRoleOf: ResolvedWorkflowOptions['roleOf'] = (user) => (isRole(user.role) ? user.role : undefined)

type NamedField = Field & { name: string; label?: unknown; type: string }

const named = (fields: Field[]): NamedField[] =>
  fields.filter((field): field is NamedField => 'name' in field && typeof field.name === 'string')

/** "heroImage" → "Hero image", unless the field has a label of its own. */
export function labelOf(field: NamedField): string {
  if (typeof field.label === 'string') return field.label
  const words = field.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words[0].toUpperCase() + words.slice(1)
}

const labelled = (field: NamedField): LabelledField => ({ field: field.name, label: labelOf(field) })

/** What the checklist reads when the options do not say: derived from the collection's own fields. */
function defaultChecklist(collection: CollectionConfig, titleField: string): ChecklistRules {
  const fields = named(collection.fields)
  const image = fields.find((field) => field.type === 'upload')
  return {
    required: [],
    image: image ? labelled(image) : undefined,
    richText: fields.filter((field) => field.type === 'richText').map(labelled),
    texts: [
      titleField,
      ...fields
        .filter((field) => ['text', 'textarea', 'richText'].includes(field.type) && field.name !== titleField)
        .map((field) => field.name),
    ],
  }
}

function nounOf(collection: CollectionConfig): string {
  const singular = collection.labels?.singular
  if (typeof singular === 'string') return singular === singular.toUpperCase() ? singular : singular.toLowerCase()
  return collection.slug.replace(/s$/, '')
}

function reviewPolicyOf(
  slug: string,
  { approvals = 1, approverRole, reviewEvery }: EditorialCollectionOptions,
): ReviewPolicy {
  if (!Number.isInteger(approvals) || approvals < 1)
    throw new Error(`editorialWorkflow: "${slug}" needs a whole number of approvals, 1 or more (got ${approvals}).`)
  if (reviewEvery && (!Number.isInteger(reviewEvery.months) || reviewEvery.months < 1))
    throw new Error(`editorialWorkflow: "${slug}" reviewEvery needs a whole number of months, 1 or more.`)
  return {
    approvals,
    ...(approverRole ? { approverRole } : {}),
    ...(reviewEvery ? { reviewEveryMonths: reviewEvery.months } : {}),
  }
}

/** Every reviewer role the options name: the choices of a user's `reviewerRoles`. */
export const reviewerRolesIn = (options: EditorialWorkflowOptions): string[] => [
  ...new Set(Object.values(options.collections).flatMap((collection) => collection.approverRole ?? [])),
]

export function resolveCollectionOptions(
  collection: CollectionConfig,
  options: EditorialCollectionOptions,
): ResolvedCollectionOptions {
  const titleField = options.titleField ?? collection.admin?.useAsTitle
  if (!titleField)
    throw new Error(
      `editorialWorkflow: say which field titles a ${collection.slug} document (titleField, or admin.useAsTitle).`,
    )
  return {
    slug: collection.slug,
    titleField,
    noun: nounOf(collection),
    checklist: { ...defaultChecklist(collection, titleField), ...options.checklist },
    requiredToSubmit: options.requiredToSubmit ?? [],
    review: reviewPolicyOf(collection.slug, options),
  }
}

export function resolveWorkflowOptions(
  options: EditorialWorkflowOptions,
  collections: CollectionConfig[],
): ResolvedWorkflowOptions {
  const bySlug = new Map(collections.map((collection) => [collection.slug, collection]))
  return {
    collections: Object.entries(options.collections).map(([slug, collectionOptions]) => {
      const collection = bySlug.get(slug)
      if (!collection) throw new Error(`editorialWorkflow: there is no collection "${slug}" in the config.`)
      return resolveCollectionOptions(collection, collectionOptions)
    }),
    roleOf: options.roleOf ?? defaultRoleOf,
    serverUrl: options.serverUrl,
    webhooks: { urls: options.webhooks?.urls ?? [], secret: options.webhooks?.secret },
    runJobs: options.runJobs ?? true,
    scheduleCheckSeconds: options.scheduleCheckSeconds ?? 10,
  }
}

export const keepWorkflowOptions = (
  custom: Record<string, unknown> | undefined,
  resolved: ResolvedWorkflowOptions,
) => ({ ...custom, [CONFIG_KEY]: resolved })

export function workflowOptions(payload: Payload): ResolvedWorkflowOptions {
  const resolved = payload.config.custom?.[CONFIG_KEY] as ResolvedWorkflowOptions | undefined
  if (!resolved) throw new Error('the editorialWorkflow plugin is not in this config')
  return resolved
}

/** The editorial collections, in the order the options list them. */
export const workflowCollections = (payload: Payload): WorkflowCollection[] =>
  workflowOptions(payload).collections.map((collection) => collection.slug as WorkflowCollection)

export const isWorkflowCollection = (payload: Payload, value: unknown): value is WorkflowCollection =>
  workflowOptions(payload).collections.some((collection) => collection.slug === value)

export function collectionOptions(payload: Payload, collection: string): ResolvedCollectionOptions {
  const found = workflowOptions(payload).collections.find((candidate) => candidate.slug === collection)
  if (!found)
    throw new APIError(
      `"${collection}" has no workflow. Use one of: ${workflowCollections(payload).join(', ')}.`,
      400,
      undefined,
      true,
    )
  return found
}

/** The field that titles a document of `collection`. */
export const titleFieldOf = (payload: Payload, collection: string): string =>
  collectionOptions(payload, collection).titleField

/** A document's title (its collection's title field), as mails, webhooks and messages name it. */
export const titleIn = (payload: Payload, collection: string, doc: Record<string, unknown>): string =>
  String(doc[titleFieldOf(payload, collection)] ?? '')
