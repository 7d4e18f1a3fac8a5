/**
 * "What may I do with document N?" (`POST /api/<collection>/access/<id>`, GraphQL
 * `docAccess<Name>`) answered 404 for a missing id but 200 with empty permissions for an
 * unpublished one, which told the public which ids are drafts. A reader who cannot read the
 * document now gets the same 404 as for one that does not exist.
 */
import {
  NotFound,
  type CollectionSlug,
  type Endpoint,
  type PayloadHandler,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

import { isSerialId } from './serialIds'

async function refuseUnreadable(req: PayloadRequest, collection: CollectionSlug, id: unknown): Promise<void> {
  if (id === undefined || id === null || id === '') return // permissions of the collection, not of a document
  const readable =
    isSerialId(id) &&
    (await req.payload.count({ collection, where: { id: { equals: Number(id) } }, overrideAccess: false, req }))
      .totalDocs > 0
  if (!readable) throw new NotFound(req.t)
}

const isDocAccessEndpoint = (endpoint: Endpoint) => endpoint.method === 'post' && endpoint.path === '/access/:id?'

/** Wraps each collection's REST document-access endpoint (Payload shares one endpoint object between collections: each gets its own copy). */
export function hideUnreadableDocumentsFromAccessChecks(config: SanitizedConfig): void {
  for (const collection of config.collections) {
    if (!Array.isArray(collection.endpoints)) continue
    collection.endpoints = collection.endpoints.map((endpoint): Endpoint => {
      if (!isDocAccessEndpoint(endpoint)) return endpoint
      const answer: PayloadHandler = endpoint.handler
      return {
        ...endpoint,
        handler: async (req) => {
          await refuseUnreadable(req, collection.slug as CollectionSlug, req.routeParams?.id)
          return answer(req)
        },
      }
    })
  }
}

interface QueryField {
  resolve?: (source: unknown, args: { id?: unknown }, context: { req: PayloadRequest }, info: unknown) => unknown
  [key: string]: unknown
}

/** What Payload's GraphQL builder hands `graphQL.queries`: each collection with its generated object type. */
type GraphqlCollections = Record<string, { graphQL?: { type?: { name: string } } }>

/** For `graphQL.queries`: the generated `docAccess<Type>` queries, each with the same check first. */
export function docAccessQueriesHidingUnreadable(
  collections: GraphqlCollections,
  generated: Record<string, QueryField>,
): Record<string, QueryField> {
  const wrapped: Record<string, QueryField> = {}
  for (const [slug, collection] of Object.entries(collections)) {
    const name = `docAccess${collection.graphQL?.type?.name}`
    const resolve = generated[name]?.resolve
    if (!resolve) continue
    wrapped[name] = {
      ...generated[name],
      resolve: async (source, args, context, info) => {
        await refuseUnreadable(context.req, slug as CollectionSlug, args.id)
        return resolve(source, args, context, info)
      },
    }
  }
  return wrapped
}
