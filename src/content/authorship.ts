import type { CollectionBeforeChangeHook, Field } from 'payload'

import type { Article } from '../../payload-types'

/** The author is whoever creates the document; nobody can claim or reassign authorship later. */
export const setAuthorOnCreate: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, author: req.user?.id ?? data.author ?? null }
  return { ...data, author: originalDoc?.author ?? null }
}

/** publishedAt records the first publication and then stays put. */
export const stampFirstPublication: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status !== 'published' || originalDoc?.publishedAt || data.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}

/** Read-only in the admin: set by setAuthorOnCreate. Writers may edit only what they authored. */
export const authorField: Field = {
  name: 'author',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  admin: { position: 'sidebar', readOnly: true, description: 'Set to whoever creates the document.' },
}
