/**
 * Filters and sorts on relationships, for readers who may not see every related document (the
 * public sees only published techniques, FAQs and myths). Postgres evaluates `where[techniques]…`
 * and `sort=techniques.name` against every linked row, drafts included, so the answer would tell
 * an article that links an unpublished technique from one that does not, and sorting by its name
 * is an oracle on draft titles. Here each such condition is replaced by "links one of these
 * documents", the documents being those the reader may see that match the condition: the answer is
 * then exactly what it would be if the unreadable documents did not exist. What cannot be
 * rewritten that way (negations, sorting) is refused with 400.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FlattenedField,
  type PayloadRequest,
  type Where,
} from 'payload'

import { MAX_PAGE_SIZE } from './queryGuards'

/** No document has id 0: "links one of none". */
const NO_DOCUMENT = 0
/** Conditions whose answer depends on what a document does not link: not expressible as "links one of". */
const NEGATIONS = new Set(['not_equals', 'not_in', 'not_like'])

const refuse = (message: string) => new APIError(message, 400, undefined, true)

interface RelationOnPath {
  /** The path up to the relationship field itself (`techniques`, `seo.image`). */
  field: string
  relationTo: CollectionSlug | CollectionSlug[]
  /** The rest of the path, inside the related collection (`name`, `id`, or empty). */
  rest: string
}

/** The first relationship a dotted path goes through, following groups, arrays and tabs. */
export function relationOnPath(fields: FlattenedField[], path: string): RelationOnPath | undefined {
  const segments = path.split('.')
  let current = fields
  for (const [index, segment] of segments.entries()) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) return undefined
    if (field.type === 'relationship' || field.type === 'upload') {
      return {
        field: segments.slice(0, index + 1).join('.'),
        relationTo: field.relationTo as RelationOnPath['relationTo'],
        rest: segments.slice(index + 1).join('.'),
      }
    }
    if (!('flattenedFields' in field)) return undefined
    current = field.flattenedFields
  }
  return undefined
}

const isCombinator = (key: string) => ['and', 'or'].includes(key.toLowerCase())

type Visibility = 'all' | 'none' | 'some'

/** How much of `collection` the reader may see, from its read access (true, false or a filter). */
async function visibility(req: PayloadRequest, collection: CollectionSlug): Promise<Visibility> {
  const memo = ((req.context.relationVisibility as Map<string, Promise<Visibility>> | undefined) ??= new Map())
  if (!memo.has(collection)) {
    const read = req.payload.collections[collection]?.config.access.read
    const decide = (result: unknown): Visibility => (result === true ? 'all' : result ? 'some' : 'none')
    memo.set(collection, Promise.resolve(read ? read({ req }) : false).then(decide))
  }
  return memo.get(collection) as Promise<Visibility>
}

async function hides(req: PayloadRequest, relationTo: RelationOnPath['relationTo']): Promise<boolean> {
  for (const target of [relationTo].flat()) if ((await visibility(req, target)) !== 'all') return true
  return false
}

/** Ids of the related documents the reader may see that satisfy `where`; their own access rules and this hook apply. */
async function visibleMatches(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  path: string,
): Promise<(number | string)[]> {
  if ((await visibility(req, collection)) === 'none') return []
  const { docs } = await req.payload.find({
    collection,
    where,
    depth: 0,
    limit: MAX_PAGE_SIZE,
    pagination: false,
    select: {},
    overrideAccess: false,
    req,
  })
  if (docs.length >= MAX_PAGE_SIZE) {
    throw refuse(
      `The filter on "${path}" matches too many ${collection} to look up (${MAX_PAGE_SIZE} or more): narrow it down.`,
    )
  }
  return docs.map((doc) => doc.id)
}

const isNegation = (operator: string, value: unknown) =>
  NEGATIONS.has(operator) || (operator === 'exists' && [false, 'false'].includes(value as never))

async function rewriteCondition(
  req: PayloadRequest,
  path: string,
  relation: RelationOnPath & { relationTo: CollectionSlug },
  condition: unknown,
): Promise<Where> {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition))
    throw refuse(`The filter on "${path}" needs an operator, e.g. where[${path}][equals]=…`)
  const target = relation.rest || 'id'
  const parts: Where[] = []
  for (const [operator, value] of Object.entries(condition)) {
    if (target === 'id' && isNegation(operator, value)) {
      throw refuse(
        `Filtering on "${path}" with "${operator}${operator === 'exists' ? '=false' : ''}" is not available here: filter on what is linked (equals, in, exists=true).`,
      )
    }
    const ids = await visibleMatches(req, relation.relationTo, { [target]: { [operator]: value } }, path)
    parts.push({ [relation.field]: { in: ids.length ? ids : [NO_DOCUMENT] } })
  }
  return parts.length === 1 ? parts[0] : { and: parts }
}

async function rewriteWhere(req: PayloadRequest, fields: FlattenedField[], where: Where): Promise<Where> {
  const rewritten: Where = {}
  for (const [key, condition] of Object.entries(where)) {
    if (isCombinator(key) && Array.isArray(condition)) {
      rewritten[key] = await Promise.all(condition.map((child: Where) => rewriteWhere(req, fields, child ?? {})))
      continue
    }
    const relation = relationOnPath(fields, key)
    // Links to several kinds of documents exist only in staff collections (audit trail, edit locks).
    if (!relation || Array.isArray(relation.relationTo) || !(await hides(req, relation.relationTo))) {
      rewritten[key] = condition
      continue
    }
    // Several conditions may rewrite to the same field: each keeps its own `and` entry.
    const { and = [], ...rest } = rewritten as { and?: Where[] }
    Object.assign(rewritten, rest, {
      and: [
        ...and,
        await rewriteCondition(req, key, { ...relation, relationTo: relation.relationTo as CollectionSlug }, condition),
      ],
    })
  }
  return rewritten
}

const sortKeys = (sort: unknown) =>
  (Array.isArray(sort) ? sort : String(sort ?? '').split(','))
    .map((key) => String(key).trim().replace(/^-/, ''))
    .filter(Boolean)

async function refuseHiddenSorts(req: PayloadRequest, fields: FlattenedField[], sort: unknown): Promise<void> {
  for (const key of sortKeys(sort)) {
    const relation = relationOnPath(fields, key)
    if (relation && !Array.isArray(relation.relationTo) && (await hides(req, relation.relationTo))) {
      throw refuse(`Sorting by "${key}" (a field of linked documents) is not available here.`)
    }
  }
}

const QUERY_OPERATIONS = new Set(['read', 'count', 'readDistinct'])

/** What an id can be compared with; `like` or `contains` on a relationship's ids was a database error (500). */
const ID_OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

function refuseNonIdOperators(fields: FlattenedField[], where: Where): void {
  for (const [key, condition] of Object.entries(where)) {
    if (isCombinator(key) && Array.isArray(condition)) {
      condition.forEach((child: Where) => refuseNonIdOperators(fields, child ?? {}))
      continue
    }
    const relation = relationOnPath(fields, key)
    if (!relation || (relation.rest !== '' && relation.rest !== 'id') || !condition || typeof condition !== 'object')
      continue
    const operator = Object.keys(condition).find((candidate) => !ID_OPERATORS.has(candidate))
    if (operator)
      throw refuse(
        `"${key}" holds ids of linked documents: "${operator}" does not apply to ids. Use equals or in, or a field of the linked documents such as "${relation.field}.slug".`,
      )
  }
}

export const hideUnreadableRelationsFromQueries: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const query = args as { where?: Where; sort?: unknown; field?: string; overrideAccess?: boolean }
  if (query.overrideAccess || !QUERY_OPERATIONS.has(operation)) return args
  if (query.where && typeof query.where === 'object') refuseNonIdOperators(collection.flattenedFields, query.where)
  if (await readsEverythingRelated(req, collection.flattenedFields)) return args
  if (operation === 'readDistinct' && query.field && relationOnPath(collection.flattenedFields, query.field)) {
    throw refuse(`Distinct values of "${query.field}" (linked documents) are not available here.`)
  }
  await refuseHiddenSorts(req, collection.flattenedFields, query.sort)
  if (query.where && typeof query.where === 'object')
    query.where = await rewriteWhere(req, collection.flattenedFields, query.where)
  return args
}

/** Staff see every related document: nothing to hide, no lookups. */
async function readsEverythingRelated(req: PayloadRequest, fields: FlattenedField[]): Promise<boolean> {
  const targets = relationTargets(fields)
  for (const target of targets) if ((await visibility(req, target)) !== 'all') return false
  return true
}

function relationTargets(fields: FlattenedField[]): CollectionSlug[] {
  return fields.flatMap((field): CollectionSlug[] => {
    if (field.type === 'relationship' || field.type === 'upload') return [field.relationTo].flat() as CollectionSlug[]
    return 'flattenedFields' in field ? relationTargets(field.flattenedFields) : []
  })
}
