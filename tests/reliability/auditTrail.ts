/**
 * What the reliability tests check after every race and crash: a document's audit trail is one
 * unbroken chain of transitions (each starts where the previous one ended, or where an edit of
 * approved or live content sent it back: see STAGE_AFTER_EDIT) that ends at the document's
 * current stage.
 */
import type { Payload } from 'payload'

import { STAGE_AFTER_EDIT, type Stage } from '../../src/workflow/transitions'
import type { ContentCollection } from '../helpers/content'

export interface AuditedTransition {
  action: string
  from: string
  to: string
}

/** The document's workflow events in the order they were written. */
export async function auditTrailOf(
  payload: Payload,
  collection: ContentCollection,
  id: number,
): Promise<AuditedTransition[]> {
  const { docs } = await payload.find({
    collection: 'workflow-events',
    where: { and: [{ 'document.relationTo': { equals: collection } }, { 'document.value': { equals: id } }] },
    sort: 'id',
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map(({ action, from, to }) => ({ action, from, to }))
}

export async function currentStageOf(payload: Payload, collection: ContentCollection, id: number): Promise<string> {
  const doc = await payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true })
  return doc.workflowStage ?? 'draft'
}

/** Where a document can be after `stage` without another transition: there, or where an edit sends it. */
function reachableByEditing(stage: string): string[] {
  const afterEdit = STAGE_AFTER_EDIT[stage as Stage]
  return afterEdit === 'frozen' || afterEdit === stage ? [stage] : [stage, afterEdit]
}

/** Fails (via expect) unless the trail is one chain from draft to the document's current stage. */
export async function expectStageMatchesAuditTrail(
  payload: Payload,
  collection: ContentCollection,
  id: number,
): Promise<AuditedTransition[]> {
  const trail = await auditTrailOf(payload, collection, id)
  trail.forEach((event, index) =>
    expect(reachableByEditing(index === 0 ? 'draft' : trail[index - 1].to)).toContain(event.from),
  )
  const stage = await currentStageOf(payload, collection, id)
  expect(reachableByEditing(trail.at(-1)?.to ?? 'draft')).toContain(stage)
  return trail
}
