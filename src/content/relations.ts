/**
 * Relationship fields between content collections, and the rule that keeps drafts out of
 * published content: an anonymous reader of a published article never sees a related technique,
 * FAQ or myth that is not published itself — neither populated nor as a bare id. A collection
 * with such fields also runs `dropUnpopulatedRelations` after reading.
 */
import type { CollectionAfterReadHook, CollectionSlug, Field, FieldHook, FieldHookArgs, PayloadRequest } from 'payload'

import { isStaffUser } from '../access/roles'
import { recordRelatedDocuments } from '../readCache/payloadHooks'

type RelatedValue = number | string | { id: number | string }

const idOf = (value: RelatedValue) => (typeof value === 'object' ? value.id : value)

/** The related documents of one collection that a request still has to look up, and their answer. */
interface PendingLookup {
  ids: (number | string)[]
  published: Promise<Set<string>>
}

interface PublishedLookups {
  /** Whether each document asked about is published, by collection and id. */
  known: Map<string, Promise<boolean>>
  pending: Map<string, PendingLookup>
}

/**
 * One query per collection for every document read in the same pass (a list of 12 articles asked
 * one per article and field before), straight to the database adapter: a system check of status,
 * without the hooks, access rules and guards a local-API find runs, and each id once per request.
 */
function lookUpPublished(req: PayloadRequest, collection: CollectionSlug, lookups: PublishedLookups): PendingLookup {
  let pending = lookups.pending.get(collection)
  if (pending) return pending
  const ids: (number | string)[] = []
  const published = new Promise<Set<string>>((resolve, reject) => {
    // Run once the documents read together have all asked (as DataLoader batches).
    void Promise.resolve().then(() =>
      process.nextTick(() => {
        lookups.pending.delete(collection)
        req.payload.db
          .find({
            collection,
            where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
            limit: 0,
            pagination: false,
            select: { id: true },
            req,
          })
          .then(({ docs }) => resolve(new Set(docs.map((doc) => String(doc.id)))), reject)
      }),
    )
  })
  pending = { ids, published }
  lookups.pending.set(collection, pending)
  return pending
}

function isPublished(req: PayloadRequest, collection: CollectionSlug, id: number | string): Promise<boolean> {
  const lookups = ((req.context.publishedLookups as PublishedLookups | undefined) ??= {
    known: new Map(),
    pending: new Map(),
  })
  const key = `${collection}:${String(id)}`
  let answer = lookups.known.get(key)
  if (!answer) {
    const pending = lookUpPublished(req, collection, lookups)
    pending.ids.push(id)
    answer = pending.published.then((published) => published.has(String(id)))
    lookups.known.set(key, answer)
  }
  return answer
}

/** Fields whose bare ids are judged after population, by the document that holds them. */
const judgedAfterPopulation = new WeakMap<object, Set<string>>()

/**
 * After population under the reader's own access, a related document the reader may not see is
 * left as a bare id (Payload: "ids are visible regardless of access controls"): drop those.
 */
export const dropUnpopulatedRelations: CollectionAfterReadHook = ({ doc }) => {
  for (const name of judgedAfterPopulation.get(doc) ?? []) {
    const related = doc[name] as unknown[]
    doc[name] = related.filter((item) => typeof item === 'object' && item !== null)
  }
  return doc
}

/**
 * Whether Payload populates this field for this read under the reader's own access rules (which
 * show anonymous readers published documents only), and the collection drops what it could not
 * populate: the populating query then answers what a lookup of the ids' status would.
 */
const judgedByPopulation = ({ collection, currentDepth, depth, draft, overrideAccess }: FieldHookArgs) =>
  overrideAccess === false &&
  !draft &&
  Boolean(depth) &&
  (currentDepth ?? 1) <= (depth ?? 0) &&
  Boolean(collection?.hooks?.afterRead?.includes(dropUnpopulatedRelations))

const keepPublishedRelations =
  (collection: CollectionSlug): FieldHook =>
  async (args) => {
    const { value, req, siblingData, field } = args
    if (isStaffUser(req.user) || !Array.isArray(value) || value.length === 0) return value
    const related = value as RelatedValue[]
    recordRelatedDocuments(collection, related.map(idOf))
    const name = 'name' in field ? field.name : undefined
    if (name && judgedByPopulation(args)) {
      const fields = judgedAfterPopulation.get(siblingData) ?? new Set<string>()
      judgedAfterPopulation.set(siblingData, fields.add(name))
      return value
    }
    const visible = await Promise.all(related.map((item) => isPublished(req, collection, idOf(item))))
    return related.filter((_, index) => visible[index])
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
