/**
 * GraphQL: `workflowTransition(collection, id, action, comment, acknowledgeClaims, at): WorkflowResult`,
 * same rules as REST; with `at` the action is scheduled (the result's `scheduled`) instead of taken.
 */
import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { isWorkflowCollection, workflowCollections } from './options'
import { performTransition } from './perform'
import { scheduleTransition } from './scheduling'

export const workflowMutations: GraphQLExtension = (graphQL) => {
  const { GraphQLBoolean, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const WorkflowEventType = new GraphQLObjectType({
    name: 'WorkflowTransitionEvent',
    fields: {
      id: { type: GraphQLID },
      action: { type: GraphQLString },
      from: { type: GraphQLString },
      to: { type: GraphQLString },
      comment: { type: GraphQLString },
      versionId: { type: GraphQLString },
      createdAt: { type: GraphQLString },
    },
  })
  const ScheduledActionType = new GraphQLObjectType({
    name: 'WorkflowScheduledAction',
    fields: {
      id: { type: GraphQLID },
      action: { type: GraphQLString },
      at: { type: GraphQLString },
      state: { type: GraphQLString },
    },
  })
  const WorkflowResultType = new GraphQLObjectType({
    name: 'WorkflowResult',
    fields: {
      id: { type: GraphQLID },
      workflowStage: { type: GraphQLString },
      event: { type: WorkflowEventType },
      scheduled: { type: ScheduledActionType },
    },
  })
  return {
    workflowTransition: {
      type: WorkflowResultType,
      args: {
        collection: { type: new GraphQLNonNull(GraphQLString) },
        id: { type: new GraphQLNonNull(GraphQLID) },
        action: { type: new GraphQLNonNull(GraphQLString) },
        comment: { type: GraphQLString },
        acknowledgeClaims: { type: GraphQLBoolean },
        at: {
          type: GraphQLString,
          description: 'Schedule the action for this time (ISO 8601 with offset) instead of taking it now.',
        },
      },
      resolve: async (
        _root: unknown,
        args: {
          collection: string
          id: string
          action: string
          comment?: string
          acknowledgeClaims?: boolean
          at?: string | null
        },
        context: { req: PayloadRequest },
      ) => {
        if (!isWorkflowCollection(context.req.payload, args.collection)) {
          throw new APIError(
            `"${args.collection}" has no workflow. Use one of: ${workflowCollections(context.req.payload).join(', ')}.`,
            400,
            undefined,
            true,
          )
        }
        if (args.at != null) {
          const id = Number(args.id)
          if (!Number.isInteger(id)) throw new APIError(`"${args.id}" is not a document id.`, 404, undefined, true)
          const scheduled = await scheduleTransition(context.req, {
            collection: args.collection,
            id,
            action: args.action,
            at: args.at,
          })
          return { id, scheduled }
        }
        const result = await performTransition(context.req, { ...args, collection: args.collection })
        return { ...result, event: { ...result.event, createdAt: result.event.createdAt } }
      },
    },
  }
}
