/**
 * GraphQL: `workflowTransition(collection, id, action, comment, acknowledgeClaims, confirmOpenThreads, at)`,
 * same rules as REST; with `at` the action is scheduled (the result's `scheduled`) instead of taken.
 * Review threads and assignments: `workflowStartThread`, `workflowReply`, `workflowResolveThread`,
 * `workflowAssign`, through the same functions as their REST endpoints. Threads are read with
 * Payload's own `WorkflowComments` query (staff only).
 */
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { isWorkflowCollection, workflowCollections, type WorkflowCollection } from './options'
import { fail, performTransition } from './perform'
import { assignReviewers } from './review/assignments'
import { replyToThread, setThreadResolved, startThread } from './review/threadApi'
import { scheduleTransition } from './scheduling'

type Context = { req: PayloadRequest }

function editorialCollection(req: PayloadRequest, collection: string): WorkflowCollection {
  if (!isWorkflowCollection(req.payload, collection))
    throw fail(400, `"${collection}" has no workflow. Use one of: ${workflowCollections(req.payload).join(', ')}.`)
  return collection
}

function documentNumber(id: string): number {
  if (!/^\d+$/.test(id)) throw fail(404, `"${id}" is not a document id.`)
  return Number(id)
}

export const workflowMutations: GraphQLExtension = (graphQL) => {
  const { GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } =
    graphQL
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
  const ThreadType = new GraphQLObjectType({
    name: 'WorkflowThread',
    fields: {
      id: { type: GraphQLID },
      body: { type: GraphQLString },
      field: { type: GraphQLString },
      versionId: { type: GraphQLString },
      author: {
        type: GraphQLString,
        resolve: (thread: { authorName?: string; author?: string }) => thread.authorName ?? thread.author,
      },
      resolved: { type: GraphQLBoolean },
    },
  })
  const ApprovalsType = new GraphQLObjectType({
    name: 'WorkflowApprovals',
    fields: { count: { type: GraphQLInt }, required: { type: GraphQLInt } },
  })
  const WorkflowResultType = new GraphQLObjectType({
    name: 'WorkflowResult',
    fields: {
      id: { type: GraphQLID },
      workflowStage: { type: GraphQLString },
      event: { type: WorkflowEventType },
      scheduled: { type: ScheduledActionType },
      openThreads: { type: new GraphQLList(ThreadType) },
      approvals: { type: ApprovalsType },
    },
  })
  const AssignmentType = new GraphQLObjectType({
    name: 'WorkflowAssignment',
    fields: {
      id: { type: GraphQLID },
      assignees: {
        type: new GraphQLList(GraphQLID),
        resolve: ({ assignees }: { assignees: { id: number }[] }) => assignees.map((one) => one.id),
      },
      dueDate: { type: GraphQLString },
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
        confirmOpenThreads: { type: GraphQLBoolean },
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
          confirmOpenThreads?: boolean
          at?: string | null
        },
        context: Context,
      ) => {
        const collection = editorialCollection(context.req, args.collection)
        if (args.at != null) {
          const id = documentNumber(args.id)
          const scheduled = await scheduleTransition(context.req, { collection, id, action: args.action, at: args.at })
          return { id, scheduled }
        }
        const result = await performTransition(context.req, { ...args, collection, id: documentNumber(args.id) })
        return { ...result, event: { ...result.event, createdAt: result.event.createdAt } }
      },
    },
    workflowStartThread: {
      type: ThreadType,
      args: {
        collection: { type: new GraphQLNonNull(GraphQLString) },
        id: { type: new GraphQLNonNull(GraphQLID) },
        body: { type: new GraphQLNonNull(GraphQLString) },
        field: { type: GraphQLString },
      },
      resolve: (
        _root: unknown,
        args: { collection: string; id: string; body: string; field?: string },
        { req }: Context,
      ) =>
        startThread(req, {
          collection: editorialCollection(req, args.collection),
          id: documentNumber(args.id),
          body: args.body,
          field: args.field,
        }),
    },
    workflowReply: {
      type: ThreadType,
      args: { thread: { type: new GraphQLNonNull(GraphQLID) }, body: { type: new GraphQLNonNull(GraphQLString) } },
      resolve: (_root: unknown, args: { thread: string; body: string }, { req }: Context) =>
        replyToThread(req, args.thread, args.body),
    },
    workflowResolveThread: {
      type: ThreadType,
      args: { thread: { type: new GraphQLNonNull(GraphQLID) }, resolved: { type: GraphQLBoolean } },
      resolve: (_root: unknown, args: { thread: string; resolved?: boolean | null }, { req }: Context) =>
        setThreadResolved(req, args.thread, args.resolved ?? true),
    },
    workflowAssign: {
      type: AssignmentType,
      args: {
        collection: { type: new GraphQLNonNull(GraphQLString) },
        id: { type: new GraphQLNonNull(GraphQLID) },
        reviewers: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLID))) },
        due: { type: GraphQLString },
      },
      resolve: (
        _root: unknown,
        args: { collection: string; id: string; reviewers: string[]; due?: string | null },
        { req }: Context,
      ) =>
        assignReviewers(req, {
          collection: editorialCollection(req, args.collection),
          id: documentNumber(args.id),
          reviewers: args.reviewers,
          due: args.due,
        }),
    },
  }
}
