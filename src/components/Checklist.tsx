import React from 'react'

import type { ChecklistItem } from './workflowApi'

/** What the server's content checks found when the document was submitted. */
export function Checklist({ items }: { items: ChecklistItem[] }) {
  if (items.length === 0) return <p className="workflow-muted">The content checks found nothing to look at.</p>
  return (
    <ul className="workflow-checklist" data-testid="workflow-checklist">
      {items.map((item, index) => (
        <li
          key={index}
          className={`workflow-checklist__item workflow-checklist__item--${item.kind}${item.unsourced ? ' workflow-checklist__item--unsourced' : ''}`}
        >
          {item.message}
        </li>
      ))}
    </ul>
  )
}
