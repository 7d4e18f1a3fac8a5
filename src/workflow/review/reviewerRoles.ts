/**
 * Reviewer roles (e.g. 'claims-reviewer'): which collections' documents a reviewer may approve
 * when a collection names an approver role in the workflow's options. Added to the accounts
 * collection only when some collection names one; only admins give or take them.
 */
import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { isAdminUser } from '../../access/roles'

const sameRoles = (a: unknown, b: unknown) =>
  JSON.stringify([...((a as string[] | null) ?? [])].sort()) ===
  JSON.stringify([...((b as string[] | null) ?? [])].sort())

const onlyAdminsGiveReviewerRoles: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // System calls (seed, tests' fixtures) carry no user.
  if (!req.user || data.reviewerRoles === undefined || isAdminUser(req.user)) return data
  if (sameRoles(data.reviewerRoles, originalDoc?.reviewerRoles)) return data
  throw new APIError('Only admins give or take reviewer roles.', 403, undefined, true)
}

export function withReviewerRoles(users: CollectionConfig, roles: string[]): CollectionConfig {
  if (roles.length === 0) return users
  return {
    ...users,
    hooks: { ...users.hooks, beforeChange: [...(users.hooks?.beforeChange ?? []), onlyAdminsGiveReviewerRoles] },
    fields: [
      ...users.fields,
      {
        name: 'reviewerRoles',
        type: 'select',
        hasMany: true,
        options: roles,
        admin: { description: 'What this reviewer may also approve, e.g. claims-reviewer: myths.' },
      },
    ],
  }
}
