/**
 * Relationship fields between content collections, and the rule that keeps drafts out of
 * published content: an anonymous reader of a published article never sees a related technique,
 * FAQ or myth that is not published itself — neither populated nor as a bare id.
 */
import type { CollectionBeforeOperationHook, CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'

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

/** Operators whose values are ids of related documents. */
const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'contains', 'all'])
/** No document has id 0, so a condition on it matches as if nothing unpublished were linked. */
const NO_DOCUMENT = 0

type WhereNode = Record<string, unknown>

/**
 * Filters on relationship ids would otherwise tell anonymous readers which unpublished documents
 * an article links (`where[techniques][equals]=<draft id>`). For them, unpublished ids in such
 * conditions are replaced as if they were not linked at all.
 */
export const hideUnpublishedRelationsFromFilters =
  (relationFields: Record<string, CollectionSlug>): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    const query = args as { where?: WhereNode }
    if ((operation !== 'read' && operation !== 'count') || isStaffUser(req.user) || !query.where) return args
    query.where = await rewriteWhere(query.where, relationFields, req)
    return args
  }

async function rewriteWhere(where: WhereNode, relationFields: Record<string, CollectionSlug>, req: PayloadRequest): Promise<WhereNode> {
  const rewritten: WhereNode = {}
  for (const [key, condition] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      rewritten[key] = await Promise.all(condition.map((child: WhereNode) => rewriteWhere(child, relationFields, req)))
      continue
    }
    const relationTo = relationFields[key.replace(/\.id$/, '')]
    rewritten[key] = relationTo && condition && typeof condition === 'object'
      ? await onlyPublishedIds(condition as WhereNode, relationTo, req)
      : condition
  }
  return rewritten
}

async function onlyPublishedIds(condition: WhereNode, collection: CollectionSlug, req: PayloadRequest): Promise<WhereNode> {
  const result: WhereNode = {}
  for (const [operator, value] of Object.entries(condition)) {
    if (!ID_OPERATORS.has(operator)) {
      result[operator] = value
      continue
    }
    const ids = (Array.isArray(value) ? value : String(value).split(',')).map(String).filter(Boolean)
    const published = ids.length ? await publishedIds(req, collection, ids) : new Set<string>()
    const kept = ids.filter((id) => published.has(id))
    result[operator] = Array.isArray(value) || operator === 'in' || operator === 'not_in' || operator === 'all'
      ? (kept.length ? kept : [NO_DOCUMENT])
      : (kept[0] ?? NO_DOCUMENT)
  }
  return result
}
