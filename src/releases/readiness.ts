/**
 * Whether one item of a release can go live now, and if not, why (in words for the release's
 * view and its failure record). Pure: the caller loads the document.
 */
import { STAGE_LABELS, type Stage } from '../workflow/transitions'

export interface ItemFacts {
  /** The document now (its latest draft), or null when it was deleted. */
  doc: { stage: Stage; approvedVersion: string | null } | null
  /** The approved version pinned when the item was added (null: it was not approved then). */
  pinnedVersion: string | null
  /** The document's content is exactly the approved version's. */
  approvedContentUnchanged: boolean
}

export type Readiness = { ready: true; version: string } | { ready: false; reason: string }

export function readinessOf({ doc, pinnedVersion, approvedContentUnchanged }: ItemFacts, noun: string): Readiness {
  if (!doc) return { ready: false, reason: `The ${noun} was deleted: remove it from the release.` }
  if (doc.stage === 'published')
    return { ready: false, reason: `The ${noun} is already live (published on its own): remove it from the release.` }
  if (doc.stage !== 'approved' || !doc.approvedVersion)
    return {
      ready: false,
      reason: `The ${noun} is ${STAGE_LABELS[doc.stage].toLowerCase()}: it needs an approval before the release can publish it.`,
    }
  if (!approvedContentUnchanged)
    return { ready: false, reason: `The ${noun} was edited after it was approved: it needs a new review.` }
  if (pinnedVersion && pinnedVersion !== doc.approvedVersion)
    return {
      ready: false,
      reason: `The ${noun} was changed and approved again after it was added: add it again to take the new version.`,
    }
  return { ready: true, version: doc.approvedVersion }
}
