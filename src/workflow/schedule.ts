/**
 * Payload's scheduled publish and unpublish (versions.drafts.schedulePublish) run as jobs that
 * would write `_status` directly. Here the job's handler is replaced so that, when the job runs,
 * it takes the workflow action as the person who scheduled it: content that is not approved by
 * then is not published, and the attempt fails the job with the reason.
 */
import { createLocalReq, type PayloadRequest, type SanitizedConfig } from 'payload'

import type { User } from '../../payload-types'
import { isWorkflowCollection, performTransition } from './perform'

interface ScheduleInput {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo: string; value: string | number }
  user?: { relationTo: string; value: string | number } | null
}

async function scheduledTransition({ input, req }: { input: unknown; req: PayloadRequest }) {
  const { doc, type, user } = input as ScheduleInput
  if (!doc || !isWorkflowCollection(doc.relationTo)) return { output: {} }
  if (!user) throw new Error('A scheduled workflow action needs the person who scheduled it.')
  const actor = (await req.payload.findByID({ collection: 'users', id: user.value, depth: 0, overrideAccess: true })) as User
  const actingReq = await createLocalReq({ user: { ...actor, collection: 'users' } }, req.payload)
  await performTransition(actingReq, { collection: doc.relationTo, id: Number(doc.value), action: type === 'unpublish' ? 'unpublish' : 'publish' })
  return { output: {} }
}

export function routeScheduledPublishingThroughWorkflow(config: SanitizedConfig): SanitizedConfig {
  const task = config.jobs.tasks?.find((candidate) => candidate.slug === 'schedulePublish')
  if (task) task.handler = scheduledTransition as unknown as typeof task.handler
  return config
}
