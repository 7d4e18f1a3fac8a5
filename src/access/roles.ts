/**
 * Who is who. Every role check in the project goes through these predicates,
 * so a rule about roles is changed in one place.
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const ROLES = ['admin', 'reviewer', 'writer'] as const
export type Role = (typeof ROLES)[number]

/** The part of a user that access rules look at; works for Payload's user and our generated type. */
export interface RoleHolder {
  id: number | string
  role?: Role | string | null
  collection?: string
}

type MaybeUser = RoleHolder | null | undefined

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role)

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user && isRole(user.role) && roles.includes(user.role))

export const isAdminUser = (user: MaybeUser): boolean => hasRole(user, 'admin')

/** Staff: anyone with a role, i.e. every logged-in user of the admin. */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'reviewer', 'writer')

export const isAdmin: Access = ({ req }) => isAdminUser(req.user)

/** Also usable as `access.admin`, which must answer with a plain boolean. */
export const isStaff = ({ req }: { req: PayloadRequest }): boolean => isStaffUser(req.user)

/** Admins see every account; everyone else sees only their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (!req.user) return false
  return { id: { equals: req.user.id } }
}

/**
 * Admins and reviewers see the team (authors, submitters); writers see their own account and
 * who reviews their work, not a directory of everyone.
 */
export const teamVisibleTo: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'reviewer')) return true
  if (!hasRole(req.user, 'writer')) return false
  const ownAccount: Where = { id: { equals: req.user!.id } }
  const reviewers: Where = { role: { in: ['reviewer', 'admin'] } }
  return { or: [ownAccount, reviewers] }
}

/**
 * Email addresses: admins, reviewers and the account's owner; for writers, reviewers are names.
 * Without a user it is Payload's own login, first-user and password forms that read the field:
 * the public reads no account at all (collection access).
 */
export const emailVisibleTo: FieldAccess = ({ req, id, doc }) =>
  !req.user || hasRole(req.user, 'admin', 'reviewer') || String(doc?.id ?? id) === String(req.user.id)
