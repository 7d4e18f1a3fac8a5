/**
 * GraphQL requests as the guards see them, from the parsed query: the guards that count logins
 * and password resets must see `loginUser` however the JSON spells it (`\u006coginUser`) and
 * however it is aliased or spread through fragments.
 */
import type { Request, RequestHandler } from 'express'
import { Kind, parse, visit, type DocumentNode } from 'graphql'

import { sendApiError } from './apiError'
import { jsonBodyOf } from './requestBodies'

const parsedQueries = new WeakMap<Request, DocumentNode | null>()

function queryText(req: Request): unknown {
  if (req.method === 'POST') return (jsonBodyOf(req) as { query?: unknown } | undefined)?.query
  return new URL(req.url, 'http://localhost').searchParams.get('query')
}

/** The request's GraphQL document; undefined when it sent none or one that does not parse (Payload refuses those). */
function graphqlDocumentOf(req: Request): DocumentNode | undefined {
  if (!parsedQueries.has(req)) {
    const text = queryText(req)
    let document: DocumentNode | null = null
    try {
      if (typeof text === 'string') document = parse(text, { noLocation: true })
    } catch {
      document = null
    }
    parsedQueries.set(req, document)
  }
  return parsedQueries.get(req) ?? undefined
}

/** How often the document names `field`, in operations and fragments alike (an upper bound of how often it runs). */
export function graphqlFieldUses(req: Request, field: string): number {
  const document = graphqlDocumentOf(req)
  if (!document) return 0
  let uses = 0
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === field) uses += 1
    },
  })
  return uses
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
    (spreads.get(from) ?? []).some((next) => next === target || (!seen.has(next) && reaches(next, target, seen.add(next))))
  return [...spreads.keys()].find((name) => reaches(name, name, new Set()))
}

/**
 * Fields one query may name, aliases included. graphql's own validation compares fields pairwise
 * (OverlappingFieldsCanBeMerged), so a few hundred aliases hold the event loop for seconds before
 * any cost limit can answer; front-end queries name a few dozen.
 */
export const MAX_GRAPHQL_FIELDS = 250

function documentProblem(document: DocumentNode): string | undefined {
  let fields = 0
  visit(document, { [Kind.FIELD]: () => void (fields += 1) })
  if (fields > MAX_GRAPHQL_FIELDS) return `This query names ${fields} fields (aliases included); at most ${MAX_GRAPHQL_FIELDS} are allowed. Split it into several queries.`
  const fragment = fragmentInCycle(document)
  // graphql reports a cycle itself, but Payload's complexity rule walks the fragments first and overflows the stack.
  if (fragment) return `The fragment "${fragment}" spreads itself (directly or through other fragments); fragments must not form a cycle.`
  return undefined
}

/** Refuses, before graphql validates anything, documents whose validation alone would stall or crash the server. */
export function refuseUnsafeGraphqlDocuments(): RequestHandler {
  return (req, res, next) => {
    const document = graphqlDocumentOf(req)
    const problem = document && documentProblem(document)
    if (!problem) return next()
    sendApiError(res, 400, problem)
  }
}
