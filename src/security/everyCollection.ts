/**
 * Protections that hold in Payload's core for every collection, Payload's own included
 * (preferences, locked documents, jobs), whatever path a request took to get there: REST,
 * GraphQL, the admin, bulk `where=` writes or the local API on a user's behalf.
 */
import {
  APIError,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type SanitizedConfig,
} from 'payload'

import { hideUnreadableDocumentsFromAccessChecks } from './documentAccess'
import { EDIT_LOCKS, ownEditLocksOnly } from './editLocks'
import { limitClientQueries } from './queryGuards'
import { isSerialId } from './serialIds'
import { hideUnreadableRelationsFromQueries } from './relationshipFilters'

const hasSerialIds = (fields: { name: string }[]) => !fields.some((field) => field.name === 'id')

export const refuseMalformedIds: CollectionBeforeOperationHook = ({ args, collection }) => {
  const { id } = args as { id?: unknown }
  if (id === undefined || !hasSerialIds(collection.flattenedFields)) return args
  if (isSerialId(id)) return args
  throw new APIError(
    `There is no ${collection.slug} document with that id: ids are whole numbers from 1 up.`,
    404,
    undefined,
    true,
  )
}

interface BulkResult {
  docs?: unknown[]
  errors?: { id?: unknown; message?: string }[]
}

/**
 * Payload writes the documents of a bulk update or delete that passed and reports the others
 * as errors, committing both. A refusal of any one must leave everything as it was: throwing
 * here, before Payload commits, rolls the whole operation back.
 */
export const bulkWritesAllOrNothing: CollectionAfterOperationHook = ({ collection, operation, result }) => {
  const { errors, docs } = (result ?? {}) as BulkResult
  if ((operation !== 'update' && operation !== 'delete') || !Array.isArray(errors) || errors.length === 0) return result
  const verb = operation === 'update' ? 'updated' : 'deleted'
  const reasons = [...new Set(errors.map((error) => error.message ?? 'refused'))].join(' ')
  const total = errors.length + (docs?.length ?? 0)
  throw new APIError(
    `Nothing was ${verb}: ${errors.length} of the ${total} ${collection.slug} documents could not be ${verb}. ${reasons}`,
    400,
    { errors },
    true,
  )
}

/** Payload's own globals that only Payload itself reads and writes (its job scheduling's bookkeeping). */
const SYSTEM_GLOBALS = new Set(['payload-jobs-stats'])
const nobody = () => false

export function protectEveryCollection(config: SanitizedConfig): SanitizedConfig {
  // Payload's default would let any logged-in writer rewrite when scheduled jobs last ran.
  for (const global of config.globals ?? [])
    if (SYSTEM_GLOBALS.has(global.slug)) global.access = { ...global.access, read: nobody, update: nobody }
  for (const collection of config.collections) {
    // Without endpoints Payload answers 501 naming the server's internal URL; now a plain 404.
    if (collection.endpoints === false) collection.endpoints = []
    if (collection.slug === EDIT_LOCKS) ownEditLocksOnly(collection)
    collection.hooks.beforeOperation = [
      refuseMalformedIds,
      limitClientQueries,
      hideUnreadableRelationsFromQueries,
      ...(collection.hooks.beforeOperation ?? []),
    ]
    collection.hooks.afterOperation = [...(collection.hooks.afterOperation ?? []), bulkWritesAllOrNothing]
  }
  hideUnreadableDocumentsFromAccessChecks(config)
  return config
}
