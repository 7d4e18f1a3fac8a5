'use client'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { StageBadge } from './StageBadge'

/** List-view cell of the `workflowStage` field, with "Review due" once live content passed its review date. */
export function StageCell({ cellData, rowData }: DefaultCellComponentProps) {
  const row = (rowData as { reviewBy?: string | null; reviewDue?: boolean | null }) ?? {}
  const due = row.reviewDue || (cellData === 'published' && row.reviewBy && Date.parse(row.reviewBy) <= Date.now())
  return (
    <>
      <StageBadge stage={cellData} />
      {due && <span className="workflow-review-due"> Review due</span>}
    </>
  )
}
