import React from 'react'

import { STAGE_LABELS, STAGES, type Stage } from '../workflow/transitions'
import './workflow.scss'

const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage)

/** The workflow stage as a coloured pill. */
export function StageBadge({ stage, testId }: { stage: unknown; testId?: string }) {
  if (!isStage(stage)) return null
  return (
    <span className={`stage-badge stage-badge--${stage}`} data-testid={testId} data-stage={stage}>
      {STAGE_LABELS[stage]}
    </span>
  )
}
