/**
 * GraphQL requests as the guards see them, from the parsed query: the guards that count logins
 * and password resets must see `loginUser` however the JSON spells it (`\u006coginUser`) and
 * however it is aliased or spread through fragments.
 */
import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from 'express'
import { Kind, parse, visit, type DocumentNode } from 'graphql'

import { boundedMemo } from '../../readCache/cachePlan'
import { sendApiError } from './apiError'
import { jsonBodyOf } from './requestBodies'

function queryText(req: IncomingMessage): unknown {
  if (req.method === 'POST') return (jsonBodyOf(req) as { query?: unknown } | undefined)?.query
  return new URL(req.url ?? '', 'http://localhost').searchParams.get('query')
}

/** What the guards need to know of one query text. */
interface QueryFacts {
  /** How often each field name occurs, in operations and fragments alike (aliases count as the field). */
  fieldUses: Map<string, number>
  /** Why the document is refused before graphql validates it, if it is. */
  problem?: string
}

const NO_QUERY: QueryFacts = { fieldUses: new Map() }

/** The facts of a query text; a text that does not parse has none (Payload refuses it). */
function factsOf(text: string): QueryFacts {
  let document: DocumentNode
  try {
    document = parse(text, { noLocation: true })
  } catch {
    return NO_QUERY
  }
  const fieldUses = new Map<string, number>()
  let fields = 0
  visit(document, {
    [Kind.FIELD]: (node) => {
      fields += 1
      fieldUses.set(node.name.value, (fieldUses.get(node.name.value) ?? 0) + 1)
    },
  })
  return { fieldUses, problem: documentProblem(document, fields) }
}

/**
 * Front ends send the same few queries over and over: each text is parsed and walked once. Only
 * texts up to this size are remembered, so that 1,000 remembered texts stay a few megabytes.
 */
const REMEMBERED_QUERY_CHARS = 8_000
const rememberedFacts = boundedMemo(1_000, (text: string) => text, factsOf)

const factsByRequest = new WeakMap<IncomingMessage, QueryFacts>()

const factsOfText = (text: unknown): QueryFacts =>
  typeof text !== 'string' ? NO_QUERY : text.length <= REMEMBERED_QUERY_CHARS ? rememberedFacts(text) : factsOf(text)

function queryFactsOf(req: IncomingMessage): QueryFacts {
  let facts = factsByRequest.get(req)
  if (!facts) {
    facts = factsOfText(queryText(req))
    factsByRequest.set(req, facts)
  }
  return facts
}

/** How often the document names `field`, in operations and fragments alike (an upper bound of how often it runs). */
export function graphqlFieldUses(req: IncomingMessage, field: string): number {
  return queryFactsOf(req).fieldUses.get(field) ?? 0
}

/** The first fragment that spreads itself, directly or through others. */
function fragmentInCycle(document: DocumentNode): string | undefined {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue
    const names: string[] = []
    visit(definition, { [Kind.FRAGMENT_SPREAD]: (node) => void names.push(node.name.value) })
    spreads.set(definition.name.value, names)
  }
  const reaches = (from: string, target: string, seen: Set<string>): boolean =>
    (spreads.get(from) ?? []).some(
      (next) => next === target || (!seen.has(next) && reaches(next, target, seen.add(next))),
    )
  return [...spreads.keys()].find((name) => reaches(name, name, new Set()))
}

/**
 * Fields one query may name, aliases included. graphql's own validation compares fields pairwise
 * (OverlappingFieldsCanBeMerged), so a few hundred aliases hold the event loop for seconds before
 * any cost limit can answer; front-end queries name a few dozen.
 */
export const MAX_GRAPHQL_FIELDS = 250

function documentProblem(document: DocumentNode, fields: number): string | undefined {
  if (fields > MAX_GRAPHQL_FIELDS)
    return `This query names ${fields} fields (aliases included); at most ${MAX_GRAPHQL_FIELDS} are allowed. Split it into several queries.`
  const fragment = fragmentInCycle(document)
  // graphql reports a cycle itself, but Payload's complexity rule walks the fragments first and overflows the stack.
  if (fragment)
    return `The fragment "${fragment}" spreads itself (directly or through other fragments); fragments must not form a cycle.`
  return undefined
}

/** Why a GraphQL query text is refused (below), if it is: the read cache gives such a query no key. */
export const graphqlQueryProblem = (text: unknown): string | undefined => factsOfText(text).problem

/** Refuses, before graphql validates anything, documents whose validation alone would stall or crash the server. */
export function refuseUnsafeGraphqlDocuments(): RequestHandler {
  return (req, res, next) => {
    const { problem } = queryFactsOf(req)
    if (!problem) return next()
    sendApiError(res, 400, problem)
  }
}
