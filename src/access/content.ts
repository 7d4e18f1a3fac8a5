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

/** Reviewers and admins edit any content; writers only what they authored. */
export const ownContentOrReviewer: Access = ({ req }) => {
  if (hasRole(req.user, 'reviewer', 'admin')) return true
  if (hasRole(req.user, 'writer')) return { author: { equals: req.user!.id } }
  return false
}

/** The access rules of every content collection (articles, techniques, faqs, myths). */
export const contentAccess = {
  read: publishedOrStaff,
  readVersions: staffReadVersions,
  create: isStaff,
  update: ownContentOrReviewer,
  delete: reviewerOrAdmin,
}
