'use client'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { StageBadge } from './StageBadge'

/** List-view cell of the `workflowStage` field. */
export function StageCell({ cellData }: DefaultCellComponentProps) {
  return <StageBadge stage={cellData} />
}
