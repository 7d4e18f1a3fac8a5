/**
 * Who may do what to a release through Payload's own API (REST, GraphQL, the admin's form):
 * staff read and create releases and rename them; everything else about a release (its state,
 * items, schedule, outcome) changes only through its actions (endpoints.ts).
 */
import { APIError, type Access, type CollectionBeforeChangeHook } from 'payload'

import { isAdminUser, isStaff } from '../access/roles'
import { RELEASE_WRITE } from './releaseActions'

/** Fields a client may write: the rest belong to the release's actions. */
const CLIENT_FIELDS = new Set(['title', 'description'])
const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt'])

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** A relationship as the admin sends it (an id) or as it was read (an object): compared by id. */
const normalised = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(normalised)
    : value && typeof value === 'object'
      ? 'id' in value && Object.keys(value).length > 2
        ? (value as { id: unknown }).id
        : Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalised(inner)]))
      : value

export const onlyReleaseActionsWrite: CollectionBeforeChangeHook = ({ context, data, operation, originalDoc, req }) => {
  if (context[RELEASE_WRITE]) return data
  const kept = Object.fromEntries(Object.entries(data).filter(([key]) => CLIENT_FIELDS.has(key)))
  if (operation === 'create') return { ...kept, state: 'open', items: [], createdBy: req.user?.id ?? null }
  const changed = Object.keys(data).filter(
    (key) =>
      !CLIENT_FIELDS.has(key) &&
      !SYSTEM_FIELDS.has(key) &&
      !same(normalised(data[key]), normalised(originalDoc?.[key])),
  )
  if (changed.length > 0)
    throw new APIError(
      `A release's ${changed.join(', ')} change only through its actions (add or remove items, publish, schedule, roll back, cancel: POST /api/releases/<id>/…).`,
      403,
      undefined,
      true,
    )
  return { ...originalDoc, ...kept }
}

/** Staff rename releases; admins alone delete them, and never one that is live. */
export const releaseAccess = {
  read: isStaff,
  create: isStaff,
  update: isStaff,
  delete: (({ req }) => (isAdminUser(req.user) ? { state: { not_equals: 'published' } } : false)) as Access,
}
