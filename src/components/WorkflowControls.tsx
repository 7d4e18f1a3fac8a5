import { headers } from 'next/headers'
import { APIError, createLocalReq, type BeforeDocumentControlsServerProps } from 'payload'
import React from 'react'

import type { WorkflowCollection } from '../workflow/options'
import { workflowStatusOf, type WorkflowStatus } from '../workflow/status'
import { WorkflowActionBar } from './WorkflowActionBar'

type Props = BeforeDocumentControlsServerProps & { collection: WorkflowCollection }

/**
 * The status as GET /api/<collection>/<id>/workflow would answer it to the person viewing the
 * page, read while the page renders; null when that answer is a refusal or a failure, which the
 * action bar then asks for and shows itself.
 */
async function statusForViewer({ collection, id, payload }: Props): Promise<WorkflowStatus | null> {
  try {
    // The full principal, as the endpoint sees it: the `user` prop has field read access applied.
    const { user } = await payload.auth({ headers: await headers() })
    const req = await createLocalReq({ user: user ?? undefined }, payload)
    return await workflowStatusOf(req, collection, Number(id))
  } catch (error) {
    if (!(error instanceof APIError))
      payload.logger.error({ err: error }, 'reading the workflow status for the edit view')
    return null
  }
}

/**
 * The edit view's workflow controls (beforeDocumentControls of each editorial collection): the
 * action bar, given the document's workflow status with the page rather than fetching it after
 * the page has loaded.
 */
export async function WorkflowControls(props: Props) {
  // A document being created has no status yet: the bar asks for it once the document is saved.
  return <WorkflowActionBar initialStatus={props.id === undefined ? null : await statusForViewer(props)} />
}
