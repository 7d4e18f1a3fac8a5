/**
 * Relationship fields between content collections, and the rule that keeps drafts out of
 * published content: an anonymous reader of a published article never sees a related technique,
 * FAQ or myth that is not published itself — neither populated nor as a bare id.
 */
import type { CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'

import { isStaffUser } from '../access/roles'
import { recordRelatedDocuments } from '../readCache/payloadHooks'

type RelatedValue = number | string | { id: number | string }

const idOf = (value: RelatedValue) => (typeof value === 'object' ? value.id : value)

/** One lookup per collection and request, however many documents and fields ask. */
async function publishedIds(req: PayloadRequest, collection: CollectionSlug, ids: (number | string)[]): Promise<Set<string>> {
  const cache = ((req.context.publishedIds as Map<string, Promise<Set<string>>> | undefined) ??= new Map())
  const key = `${collection}:${[...ids].sort().join(',')}`
  if (!cache.has(key)) {
    cache.set(
      key,
      req.payload
        .find({
          collection,
          where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
          depth: 0,
          limit: 0,
          pagination: false,
          select: {},
          overrideAccess: true, // a system check of status; what the reader gets is filtered below
          req,
        })
        .then(({ docs }) => new Set(docs.map((doc) => String(doc.id)))),
    )
  }
  return cache.get(key) as Promise<Set<string>>
}

const keepPublishedRelations =
  (collection: CollectionSlug): FieldHook =>
  async ({ value, req }) => {
    if (isStaffUser(req.user) || !Array.isArray(value) || value.length === 0) return value
    const related = value as RelatedValue[]
    recordRelatedDocuments(collection, related.map(idOf))
    const visible = await publishedIds(req, collection, related.map(idOf))
    return related.filter((item) => visible.has(String(idOf(item))))
  }

export function relatedContentField(name: string, relationTo: CollectionSlug, description: string): Field {
  return {
    name,
    type: 'relationship',
    relationTo,
    hasMany: true,
    admin: { description },
    hooks: { afterRead: [keepPublishedRelations(relationTo)] },
  }
}
