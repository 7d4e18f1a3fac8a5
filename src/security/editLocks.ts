/**
 * Payload's edit locks (`payload-locked-documents`) say who is editing a document; the admin
 * creates, moves (take over) and removes them through REST. Its default access let any logged-in
 * user write a lock in another user's name and keep reviewers out of a document (423). A lock
 * written by a user is always that user's own, and only its owner or an admin removes it.
 */
import type { Access, CollectionBeforeChangeHook, SanitizedCollectionConfig } from 'payload'

import { isAdminUser, isStaff } from '../access/roles'

export const EDIT_LOCKS = 'payload-locked-documents'

const lockedByRequester: CollectionBeforeChangeHook = ({ data, req }) =>
  req.user ? { ...data, user: { relationTo: req.user.collection, value: req.user.id } } : data

const ownLockOrAdmin: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  return req.user ? { 'user.value': { equals: req.user.id } } : false
}

export function ownEditLocksOnly(locks: SanitizedCollectionConfig): void {
  locks.access = { ...locks.access, read: isStaff, create: isStaff, update: isStaff, delete: ownLockOrAdmin }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), lockedByRequester]
}
