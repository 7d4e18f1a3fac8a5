/**
 * Limits on what REST and GraphQL clients may ask of a collection, checked before Payload runs
 * the query: page size, population depth, no NUL characters in filters, and no filtering or
 * sorting on rich-text or JSON fields (their values are whole documents: comparing them is slow,
 * and Postgres errors on operators it cannot apply to jsonb). System calls (overrideAccess) are not limited:
 * a local-API call handed the REST request still says `payloadAPI: 'REST'`, so that is no guide.
 */
import { APIError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

import { containsNulCharacter } from './nulCharacters'

/** Documents per page; `limit=0` ("all") is served as a page of this size. */
export const MAX_PAGE_SIZE = 100
/** Also Payload's `maxDepth`, which caps population wherever a depth is not checked here. */
export const MAX_DEPTH = 3

type WhereNode = Record<string, unknown>

interface QueryArgs {
  where?: WhereNode
  sort?: string | string[]
  limit?: unknown
  page?: unknown
  depth?: unknown
  pagination?: boolean
}

const refuse = (message: string) => new APIError(message, 400, undefined, true)

type FieldsOf = (collection: string) => FlattenedField[] | undefined

/**
 * Dotted paths of the rich-text and JSON fields, in groups (`workflow.checklist`) and through
 * relationships (`techniques.description`); each related collection is followed once.
 */
export function documentValuedPaths(
  fields: FlattenedField[],
  fieldsOf: FieldsOf,
  prefix = '',
  followed = new Set<string>(),
): string[] {
  return fields.flatMap((field) => {
    if (field.type === 'richText' || field.type === 'json') return [prefix + field.name]
    if (field.type === 'group')
      return documentValuedPaths(field.flattenedFields, fieldsOf, `${prefix}${field.name}.`, followed)
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string' &&
      !followed.has(field.relationTo)
    ) {
      const related = fieldsOf(field.relationTo) ?? []
      return documentValuedPaths(related, fieldsOf, `${prefix}${field.name}.`, new Set([...followed, field.relationTo]))
    }
    return []
  })
}

/** Payload reads `and`/`or` in any case (GraphQL sends `AND`/`OR`). */
const isCombinator = (key: string) => ['and', 'or'].includes(key.toLowerCase())

function whereKeys(where: WhereNode): string[] {
  return Object.entries(where).flatMap(([key, condition]) =>
    isCombinator(key) && Array.isArray(condition)
      ? condition.flatMap((child: WhereNode) => whereKeys(child ?? {}))
      : [key],
  )
}

const sortKeys = (sort: QueryArgs['sort']) =>
  (Array.isArray(sort) ? sort : String(sort ?? '').split(','))
    .map((key) => key.trim().replace(/^-/, ''))
    .filter(Boolean)

const touches = (key: string, path: string) => key === path || key.startsWith(`${path}.`)

/**
 * REST hands over whatever the query string said (`abc`, `-1`, NaN from `1abc`) and GraphQL any
 * Int; Postgres reads a negative or missing limit as "no limit" and a negative page as a 500.
 */
function wholeNumberAtLeast(name: string, value: unknown, minimum: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw refuse(`${name} must be a whole number of at least ${minimum}, not "${String(value)}".`)
  }
  return value
}

/**
 * How many documents `where` can match at most because it names them by id, as Payload's own
 * lookups do (`id in [...]` when it populates relationships); undefined when it does not.
 */
function idsNamed(where: WhereNode | undefined): number | undefined {
  const id = where?.id as { in?: unknown } | undefined
  return id && typeof id === 'object' && Array.isArray(id.in) ? id.in.length : undefined
}

function checkPageSize(query: QueryArgs): void {
  const limit = wholeNumberAtLeast('limit', query.limit, 0)
  if (limit !== undefined && limit > MAX_PAGE_SIZE) {
    throw refuse(`limit may be at most ${MAX_PAGE_SIZE}. Ask for the next documents with page=2, page=3 and so on.`)
  }
  wholeNumberAtLeast('page', query.page, 1)
  // Naming at most a page of documents by id (Payload populating relationships) is bounded already:
  // turned into pages, each such lookup cost a count query too (a quarter of an uncached article read).
  if (query.pagination === false && limit === undefined && (idsNamed(query.where) ?? Infinity) <= MAX_PAGE_SIZE) return
  // "Everything" becomes pages; pagination=false with a limit is kept: bounded, and no count query.
  if (limit === 0 || (query.pagination === false && limit === undefined)) {
    query.limit = MAX_PAGE_SIZE
    query.pagination = true
  }
}

function checkDepth(query: QueryArgs): void {
  const depth = wholeNumberAtLeast('depth', query.depth, 0)
  if (depth !== undefined && depth > MAX_DEPTH) {
    throw refuse(`depth may be at most ${MAX_DEPTH}. Ask for related documents separately if you need more.`)
  }
}

function checkFilterValues(query: QueryArgs): void {
  if (containsNulCharacter(query.where)) throw refuse('Filter values cannot contain NUL characters (\\u0000).')
}

function checkFilterAndSortPaths(query: QueryArgs, documentPaths: string[]): void {
  const keys = [...(query.where ? whereKeys(query.where) : []), ...sortKeys(query.sort)]
  const offending = keys.find((key) => documentPaths.some((path) => touches(key, path)))
  if (offending) throw refuse(`"${offending}" is rich text or JSON and cannot be used to filter or sort.`)
}

/** The config does not change while the server runs: each collection's paths are worked out once (they were 1 % of a read's CPU). */
const forbiddenPathsByCollection = new WeakMap<object, string[]>()

function forbiddenPaths(
  collection: Parameters<CollectionBeforeOperationHook>[0]['collection'],
  fieldsOf: FieldsOf,
): string[] {
  let paths = forbiddenPathsByCollection.get(collection)
  if (!paths) {
    const own = documentValuedPaths(collection.flattenedFields, fieldsOf, '', new Set([collection.slug]))
    // Queries of the version history address the same fields under `version.`.
    paths = [...own, ...own.map((path) => `version.${path}`)]
    forbiddenPathsByCollection.set(collection, paths)
  }
  return paths
}

export const limitClientQueries: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  // What the system asks for itself (overrideAccess) is never cut; REST and GraphQL never override access.
  if ((args as { overrideAccess?: boolean }).overrideAccess) return args
  const query = args as QueryArgs
  checkPageSize(query)
  checkDepth(query)
  const fieldsOf: FieldsOf = (slug) =>
    req.payload.collections[slug as keyof typeof req.payload.collections]?.config.flattenedFields
  checkFilterAndSortPaths(query, forbiddenPaths(collection, fieldsOf))
  checkFilterValues(query)
  return args
}
