/**
 * Who is who. Every role check in the project goes through these predicates,
 * so a rule about roles is changed in one place.
 */
import type { Access, PayloadRequest } from 'payload'

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
