/**
 * Role assignment rules for the users collection:
 * - the very first account (Payload's create-first-user flow) becomes an admin;
 * - only admins assign roles, and nobody changes their own role.
 */
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeValidateHook } from 'payload'

import type { User } from '../../payload-types'

import { isAdminUser, type RoleHolder } from '../access/roles'

/** The first user has nobody to ask for a role, so they administer the CMS. */
export const makeFirstUserAdmin: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}

export function roleChangeRefusal(
  actor: RoleHolder | null | undefined,
  target: { id: RoleHolder['id']; role?: unknown },
  requestedRole: unknown,
): string | undefined {
  if (requestedRole === undefined || requestedRole === target.role) return undefined
  if (!actor) return undefined // system calls (seed, migrations) carry no user
  if (String(actor.id) === String(target.id)) return 'You cannot change your own role.'
  if (!isAdminUser(actor)) return 'Only admins can change roles.'
  return undefined
}

export const guardRoleChanges: CollectionBeforeChangeHook<User> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const refusal = roleChangeRefusal(req.user, originalDoc, data.role)
  if (refusal) throw new APIError(refusal, 403, undefined, true)
  return data
}
