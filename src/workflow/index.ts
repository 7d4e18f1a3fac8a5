/**
 * editorialWorkflow(options): the editorial workflow as a Payload plugin. Given the editorial
 * collections (and how each takes part), it adds everything the workflow needs: per collection
 * the workflow fields, access, hooks, endpoints and admin controls (collection.ts); and once the
 * audit trail, the review queue and scheduled-action endpoints, the GraphQL mutation, the jobs and
 * their runner, and the review dashboard. Nothing else in the project names the collections.
 */
import type { Config, GraphQLExtension } from 'payload'

import { auditTrailCollection } from './auditTrail'
import { withWorkflow } from './collection'
import { queueEndpoint } from './endpoints'
import { workflowMutations } from './graphql'
import { keepWorkflowOptions, resolveWorkflowOptions, reviewerRolesIn } from './options'
import { reviewDatesTask } from './reviewDates'
import { withReviewerRoles } from './review/reviewerRoles'
import { threadEndpoints } from './review/threadApi'
import { threadMailTask } from './review/threadMail'
import { threadsCollection } from './review/threads'
import {
  cancelScheduledEndpoint,
  scheduledActionsAutoRun,
  scheduledActionTask,
  scheduledListEndpoint,
} from './scheduling'
import type { EditorialWorkflowOptions } from './types'
import { webhookAutoRun, webhookTask } from './webhooks'

export type { EditorialCollectionOptions, EditorialWorkflowOptions } from './types'

/** Both the project's own GraphQL extensions and a plugin's. */
export const bothExtensions =
  (first: GraphQLExtension | undefined, second: GraphQLExtension): GraphQLExtension =>
  (graphQL, context) => ({ ...first?.(graphQL, context), ...second(graphQL, context) })

type AutoRun = Extract<NonNullable<NonNullable<Config['jobs']>['autoRun']>, unknown[]>

export const editorialWorkflow =
  (options: EditorialWorkflowOptions) =>
  (config: Config): Config => {
    const collections = config.collections ?? []
    const resolved = resolveWorkflowOptions(options, collections)
    const slugs = resolved.collections.map((collection) => collection.slug)
    const ownAutoRun = config.jobs?.autoRun
    const workflowAutoRun: AutoRun = resolved.runJobs
      ? [scheduledActionsAutoRun(resolved.scheduleCheckSeconds), ...webhookAutoRun(resolved.webhooks.urls)]
      : []
    return {
      ...config,
      collections: [
        ...collections.map((collection) => {
          const own = resolved.collections.find((candidate) => candidate.slug === collection.slug)
          if (own) return withWorkflow(collection, own, options.collections[collection.slug])
          return collection.slug === 'users' ? withReviewerRoles(collection, reviewerRolesIn(options)) : collection
        }),
        auditTrailCollection(slugs),
        { ...threadsCollection(slugs), endpoints: threadEndpoints },
      ],
      endpoints: [...(config.endpoints ?? []), queueEndpoint, scheduledListEndpoint, cancelScheduledEndpoint],
      graphQL: { ...config.graphQL, mutations: bothExtensions(config.graphQL?.mutations, workflowMutations) },
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          webhookTask,
          scheduledActionTask(slugs),
          threadMailTask,
          reviewDatesTask,
        ],
        autoRun: async (payload) => [
          ...(typeof ownAutoRun === 'function' ? await ownAutoRun(payload) : (ownAutoRun ?? [])),
          ...workflowAutoRun,
        ],
      },
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [
            ...(config.admin?.components?.beforeDashboard ?? []),
            '/src/components/ReviewDashboard#ReviewDashboard',
          ],
        },
      },
      custom: keepWorkflowOptions(config.custom, resolved),
    }
  }
