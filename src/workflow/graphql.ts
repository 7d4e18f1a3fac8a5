/** GraphQL: `workflowTransition(collection, id, action, comment, acknowledgeClaims): WorkflowResult`, same rules as REST. */
import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { isWorkflowCollection, performTransition, WORKFLOW_COLLECTIONS } from './perform'

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
  const WorkflowResultType = new GraphQLObjectType({
    name: 'WorkflowResult',
    fields: {
      id: { type: GraphQLID },
      workflowStage: { type: GraphQLString },
      event: { type: WorkflowEventType },
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
      },
      resolve: async (
        _root: unknown,
        args: { collection: string; id: string; action: string; comment?: string; acknowledgeClaims?: boolean },
        context: { req: PayloadRequest },
      ) => {
        if (!isWorkflowCollection(args.collection)) {
          throw new APIError(`"${args.collection}" has no workflow. Use one of: ${WORKFLOW_COLLECTIONS.join(', ')}.`, 400, undefined, true)
        }
        const result = await performTransition(context.req, { ...args, collection: args.collection })
        return { ...result, event: { ...result.event, createdAt: result.event.createdAt } }
      },
    },
  }
}
