/**
 * Which requests the read cache may answer, under what key, and what the answer depends on.
 * Only anonymous reads of published content qualify: REST GETs of the content collections and
 * GraphQL queries whose every root field reads one of them. Everything else goes straight through.
 */
import type { IncomingHttpHeaders } from 'node:http'
import {
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql'

import { publicContent, type PublicContent } from './publicContent'
import { collectionTag, documentTag, isTaggableSlug, slugLookupTags } from './tags'

const isPublicCollection = (name: string): boolean => Boolean(publicContent()?.rootFields.has(name))

export const GRAPHQL_PATH = '/api/graphql'

export type CachePlan =
  | { cache: true; key: string; tags: string[] }
  /** `personal`: the request carries credentials, so its response must never be stored anywhere. */
  | { cache: false; personal: boolean }

export interface GraphqlParams {
  query?: unknown
  variables?: unknown
  operationName?: unknown
}

const PASS: CachePlan = { cache: false, personal: false }

/**
 * A cookie or an Authorization header may make Payload answer as somebody; a preview token
 * (src/preview) opens a draft. Such answers are personal: never stored, here or by a CDN.
 */
export const carriesCredentials = (headers: IncomingHttpHeaders): boolean =>
  Boolean(headers.cookie || headers.authorization || headers['x-preview-token'])

/** Payload answers HEAD with 404, so only GET (and GraphQL's POST) can be answered from memory. */
const isRead = (method: string) => method === 'GET'

/** `/api/<collection>` (a list) or `/api/<collection>/<numeric id>` (one document). */
const REST_PATH = /^\/api\/([a-z-]+)(?:\/(\d+))?$/

/** The sitemap (src/sitemap) lists every public collection: any change to one makes it stale. */
const SITEMAP = '/api/sitemap.xml'

/** Old-slug lookups (src/redirects) change only when a document of the collection asked about is published or unpublished. */
const REDIRECT_LOOKUP = '/api/redirects/resolve'

/** REST list parameters that shape an answer without changing which documents it holds. */
const SHAPING_PARAMETERS = new Set(['depth', 'limit', 'page', 'pagination', 'sort', 'locale', 'fallback-locale'])
const SHAPING_PARAMETER = /^(?:select|populate)(?:\[[\w-]+\])+$/
const SLUG_FILTER = 'where[slug][equals]'

/**
 * The slug a REST list looks up when `where[slug][equals]` is its one filter, every parameter
 * given once; undefined for any other list. (Payload reads the same parameters: a second
 * `where…` or a repeated one could widen what the answer holds beyond that slug.)
 */
export function slugLookedUp(search: URLSearchParams): string | undefined {
  const seen = new Set<string>()
  for (const name of search.keys()) {
    if (seen.has(name)) return undefined
    seen.add(name)
    if (name !== SLUG_FILTER && !SHAPING_PARAMETERS.has(name) && !SHAPING_PARAMETER.test(name)) return undefined
  }
  const slug = search.get(SLUG_FILTER)
  return isTaggableSlug(slug) ? slug : undefined
}

function restListTags(collection: string, search: URLSearchParams): string[] {
  const slug = slugLookedUp(search)
  return slug ? slugLookupTags(collection, slug) : [collectionTag(collection)]
}

export function planRestRequest(method: string, path: string, search: URLSearchParams): CachePlan {
  if (path === REDIRECT_LOOKUP) {
    const collection = search.get('collection') ?? ''
    if (!isRead(method) || !isPublicCollection(collection)) return PASS
    return { cache: true, key: `rest ${path}?${search.toString()}`, tags: [collectionTag(collection)] }
  }
  if (path === SITEMAP) {
    const content = publicContent()
    if (!isRead(method) || !content) return PASS
    return { cache: true, key: `rest ${path}`, tags: [...content.rootFields.keys()].map(collectionTag) }
  }
  const match = REST_PATH.exec(path)
  if (!isRead(method) || !match || !isPublicCollection(match[1]) || search.has('draft')) return PASS
  const [, collection, id] = match
  const tags = id ? [documentTag(collection, id)] : restListTags(collection, search)
  return { cache: true, key: `rest ${path}?${search.toString()}`, tags }
}

function parseQuery(source: string): DocumentNode | undefined {
  try {
    return parse(source, { noLocation: true })
  } catch {
    return undefined // Payload answers the syntax error itself
  }
}

function chosenOperation(document: DocumentNode, operationName: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
  if (typeof operationName === 'string') return operations.find((operation) => operation.name?.value === operationName)
  return operations.length === 1 ? operations[0] : undefined
}

/** A root field's reading: its collection, and the slug it looks up, if that is all it filters on. */
interface RootRead {
  collection: string
  slug?: { literal: string } | { variable: string }
}

/** GraphQL list arguments that shape an answer without changing which documents it holds. */
const SHAPING_ARGUMENTS = new Set(['limit', 'page', 'pagination', 'sort', 'locale', 'fallbackLocale', 'select'])

/** The single field of an input object written `{ <name>: value }`, or undefined. */
function onlyField(value: ValueNode | undefined, name: string): ValueNode | undefined {
  if (value?.kind !== Kind.OBJECT || value.fields.length !== 1 || value.fields[0].name.value !== name) return undefined
  return value.fields[0].value
}

/** `where: { slug: { equals: "…" or $variable } }` as the field's one filter, or undefined. */
function slugFilterOf(field: FieldNode): RootRead['slug'] {
  const where = field.arguments?.find((argument) => argument.name.value === 'where')
  const others = field.arguments?.filter((argument) => argument !== where) ?? []
  if (!where || others.some((argument) => !SHAPING_ARGUMENTS.has(argument.name.value))) return undefined
  const equals = onlyField(onlyField(where.value, 'slug'), 'equals')
  if (equals?.kind === Kind.STRING) return { literal: equals.value }
  if (equals?.kind === Kind.VARIABLE) return { variable: equals.name.value }
  return undefined
}

/** What each root field reads, or undefined when any root field is not a plain public read. */
function rootReads(
  operation: OperationDefinitionNode,
  { collectionOfRootField }: PublicContent,
): RootRead[] | undefined {
  const reads: RootRead[] = []
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return undefined
    if (selection.name.value === '__typename') continue
    const collection = collectionOfRootField.get(selection.name.value)
    const asksForDrafts = selection.arguments?.some((argument) => argument.name.value === 'draft')
    if (!collection || asksForDrafts) return undefined
    reads.push({ collection, slug: slugFilterOf(selection) })
  }
  return reads
}

function analyseQuery(query: string, operationName: unknown, content: PublicContent): RootRead[] | undefined {
  const document = parseQuery(query)
  const operation = document && chosenOperation(document, operationName)
  if (!operation || operation.operation !== OperationTypeNode.QUERY) return undefined
  const reads = rootReads(operation, content)
  return reads?.length ? reads : undefined
}

/** A root field's tags: its slug's, when it looks one up (a variable's value decides), else its collection's. */
function tagsOfRead({ collection, slug }: RootRead, variables: unknown): string[] {
  const value =
    slug && ('literal' in slug ? slug.literal : (variables as Record<string, unknown> | null)?.[slug.variable])
  return isTaggableSlug(value) ? slugLookupTags(collection, value) : [collectionTag(collection)]
}

/**
 * Remembers up to `limit` answers of a pure `compute`, by `keyOf` its arguments, starting over when
 * full: front ends send the same few requests over and over, and what others send cannot make it grow.
 * With `epoch`, it also starts over whenever that value changes (what the answers were worked out from).
 */
export function boundedMemo<A extends unknown[], V>(
  limit: number,
  keyOf: (...args: A) => string,
  compute: (...args: A) => V,
  epoch: () => unknown = () => undefined,
): (...args: A) => V {
  const answers = new Map<string, V>()
  let answersOf = epoch()
  return (...args) => {
    const now = epoch()
    if (now !== answersOf) {
      answers.clear()
      answersOf = now
    }
    const key = keyOf(...args)
    if (answers.has(key)) return answers.get(key) as V
    if (answers.size >= limit) answers.clear()
    const answer = compute(...args)
    answers.set(key, answer)
    return answer
  }
}

/** Parses each query text once. */
const readsOfQuery = boundedMemo(
  1_000,
  (query: string, operationName: unknown, content: PublicContent) =>
    `${content.generation}\n${String(operationName ?? '')}\n${query}`,
  analyseQuery,
)

export function planGraphqlRequest(method: string, params: GraphqlParams): CachePlan {
  if (!isRead(method) && method !== 'POST') return PASS
  const content = publicContent()
  if (typeof params.query !== 'string' || !content) return PASS
  const reads = readsOfQuery(params.query, params.operationName, content)
  if (!reads) return PASS
  const key = `graphql ${JSON.stringify([params.query, params.variables ?? null, params.operationName ?? null])}`
  const tags = [...new Set(reads.flatMap((read) => tagsOfRead(read, params.variables)))]
  return { cache: true, key, tags }
}

/** GraphQL's parameters from a GET query string (variables arrive as JSON text). */
export function graphqlParamsFromSearch(search: URLSearchParams): GraphqlParams | undefined {
  const variables = search.get('variables')
  try {
    return {
      query: search.get('query') ?? undefined,
      variables: variables ? JSON.parse(variables) : undefined,
      operationName: search.get('operationName') ?? undefined,
    }
  } catch {
    return undefined // malformed variables: Payload explains
  }
}
