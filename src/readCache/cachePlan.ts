/**
 * Which requests the read cache may answer, under what key, and what the answer depends on.
 * Only anonymous reads of published content qualify: REST GETs of the content collections and
 * GraphQL queries whose every root field reads one of them. Everything else goes straight through.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { Kind, OperationTypeNode, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql'

import { publicContent, type PublicContent } from './publicContent'
import { collectionTag, documentTag } from './tags'

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
  const tags = id ? [documentTag(collection, id)] : [collectionTag(collection)]
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

/** The collections the operation reads, or undefined when any root field is not a plain public read. */
function collectionsRead(
  operation: OperationDefinitionNode,
  { collectionOfRootField }: PublicContent,
): string[] | undefined {
  const collections = new Set<string>()
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return undefined
    if (selection.name.value === '__typename') continue
    const collection = collectionOfRootField.get(selection.name.value)
    const asksForDrafts = selection.arguments?.some((argument) => argument.name.value === 'draft')
    if (!collection || asksForDrafts) return undefined
    collections.add(collection)
  }
  return [...collections]
}

function analyseQuery(query: string, operationName: unknown, content: PublicContent): string[] | undefined {
  const document = parseQuery(query)
  const operation = document && chosenOperation(document, operationName)
  if (!operation || operation.operation !== OperationTypeNode.QUERY) return undefined
  const collections = collectionsRead(operation, content)
  return collections?.length ? collections : undefined
}

/**
 * Remembers up to `limit` answers of a pure `compute`, by `keyOf` its arguments, starting over when
 * full: front ends send the same few requests over and over, and what others send cannot make it grow.
 */
export function boundedMemo<A extends unknown[], V>(
  limit: number,
  keyOf: (...args: A) => string,
  compute: (...args: A) => V,
): (...args: A) => V {
  const answers = new Map<string, V>()
  return (...args) => {
    const key = keyOf(...args)
    if (answers.has(key)) return answers.get(key) as V
    if (answers.size >= limit) answers.clear()
    const answer = compute(...args)
    answers.set(key, answer)
    return answer
  }
}

/** Parses each query text once. */
const collectionsQueried = boundedMemo(
  1_000,
  (query: string, operationName: unknown, content: PublicContent) =>
    `${content.generation}\n${String(operationName ?? '')}\n${query}`,
  analyseQuery,
)

export function planGraphqlRequest(method: string, params: GraphqlParams): CachePlan {
  if (!isRead(method) && method !== 'POST') return PASS
  const content = publicContent()
  if (typeof params.query !== 'string' || !content) return PASS
  const collections = collectionsQueried(params.query, params.operationName, content)
  if (!collections) return PASS
  const key = `graphql ${JSON.stringify([params.query, params.variables ?? null, params.operationName ?? null])}`
  return { cache: true, key, tags: collections.map(collectionTag) }
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
