/**
 * Read and write rules shared by the content collections (articles, techniques, faqs, myths).
 * Anonymous readers (front ends) see published documents only; staff see drafts too.
 */
import type { Access } from 'payload'

import { hasRole, isStaff, isStaffUser } from './roles'

export const PUBLISHED_ONLY = { _status: { equals: 'published' } } as const

/** Staff read everything, including drafts; everyone else reads published documents only. */
export const publishedOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : PUBLISHED_ONLY)

/** Version history (drafts and old published versions) is for staff only. */
export const staffReadVersions: Access = ({ req }) => isStaffUser(req.user)

export const reviewerOrAdmin: Access = ({ req }) => hasRole(req.user, 'reviewer', 'admin')

/** The access rules of every content collection (articles, techniques, faqs, myths). */
export const contentAccess = {
  read: publishedOrStaff,
  readVersions: staffReadVersions,
  create: isStaff,
  update: isStaff,
  delete: reviewerOrAdmin,
}
