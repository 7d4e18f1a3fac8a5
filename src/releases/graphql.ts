/**
 * GraphQL: `releaseAction(id, action, at, collection, document)` takes any release action
 * (states.ts) through the same functions as REST (RUN_RELEASE_ACTION), with the same rules.
 * Releases themselves are read with Payload's own `Releases` query (staff only).
 */
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { fail } from '../workflow/perform'
import { RUN_RELEASE_ACTION } from './endpoints'
import { RELEASE_ACTIONS, type ReleaseAction } from './states'

const isReleaseAction = (value: string): value is ReleaseAction => RELEASE_ACTIONS.includes(value as ReleaseAction)

export const releaseMutations: GraphQLExtension = (graphQL) => {
  const { GraphQLID, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const ReleaseResultType = new GraphQLObjectType({
    name: 'ReleaseActionResult',
    fields: {
      id: { type: GraphQLID },
      title: { type: GraphQLString },
      state: { type: GraphQLString },
      publishAt: { type: GraphQLString },
      items: { type: GraphQLInt, description: 'How many documents the release holds.' },
    },
  })
  return {
    releaseAction: {
      type: ReleaseResultType,
      args: {
        id: { type: new GraphQLNonNull(GraphQLID) },
        action: { type: new GraphQLNonNull(GraphQLString), description: RELEASE_ACTIONS.join(', ') },
        at: { type: GraphQLString, description: 'schedule: when (ISO 8601 with offset).' },
        collection: { type: GraphQLString, description: 'add_item, remove_item: the document’s collection.' },
        document: { type: GraphQLID, description: 'add_item, remove_item: the document’s id.' },
      },
      resolve: async (
        _root: unknown,
        args: { id: string; action: string; at?: string | null; collection?: string | null; document?: string | null },
        { req }: { req: PayloadRequest },
      ) => {
        if (!isReleaseAction(args.action))
          throw fail(400, `Unknown release action "${args.action}". Use one of: ${RELEASE_ACTIONS.join(', ')}.`)
        const release = await RUN_RELEASE_ACTION[args.action](req, args.id, {
          body: { at: args.at, collection: args.collection, id: args.document },
          itemCollection: args.collection,
          itemId: args.document,
        })
        return { ...release, items: (release.items ?? []).length }
      },
    },
  }
}
