/**
 * The admin's side of the releases HTTP contract (src/releases/endpoints.ts). The server says
 * which actions a person may take and whether each item is ready; nothing here decides either.
 */
import type { ItemReport } from '../releases/releaseActions'
import type { ReleaseAction } from '../releases/states'
import { request } from './workflowApi'

export type { ItemReport, ReleaseAction }

export interface ReleaseView {
  id: number
  title: string
  state: string
  publishAt: string | null
  items: (Partial<ItemReport> & { collection: string; id: number })[]
  actions: ReleaseAction[]
  collections: { slug: string; noun: string; titleField: string }[]
}

export interface ReleaseSummary {
  id: number
  title: string
  state: string
}

const releasePath = (apiRoute: string, id: number | string) => `${apiRoute}/releases/${id}`

export const fetchReleaseView = (apiRoute: string, id: number | string) =>
  request<ReleaseView>(`${releasePath(apiRoute, id)}/readiness`)

/** Releases that still take items (open, or failed and being mended), newest first. */
export const fetchOpenReleases = async (apiRoute: string) =>
  (
    await request<{ docs: ReleaseSummary[] }>(
      `${apiRoute}/releases?where[state][in]=open,failed&sort=-updatedAt&limit=50&depth=0&select[title]=true&select[state]=true`,
    )
  ).docs

export const addToRelease = (apiRoute: string, release: number | string, collection: string, id: number | string) =>
  request<ReleaseView>(`${releasePath(apiRoute, release)}/items`, {
    method: 'POST',
    body: JSON.stringify({ collection, id: Number(id) }),
  })

export const removeFromRelease = (apiRoute: string, release: number | string, collection: string, id: number) =>
  request<ReleaseView>(`${releasePath(apiRoute, release)}/items/${collection}/${id}`, { method: 'DELETE' })

/** Publish, unschedule, roll back or cancel; schedule sends `at` (a moment, in UTC). */
export const takeReleaseAction = (
  apiRoute: string,
  release: number | string,
  action: Exclude<ReleaseAction, 'add_item' | 'remove_item'>,
  at?: Date,
) =>
  request<ReleaseView>(`${releasePath(apiRoute, release)}/${action.replace('_', '-')}`, {
    method: 'POST',
    body: JSON.stringify(at ? { at: at.toISOString() } : {}),
  })

/** Documents of one collection whose title contains `text`, newest first (their latest drafts). */
export const searchDocuments = async (apiRoute: string, collection: ReleaseView['collections'][number], text: string) =>
  (
    await request<{ docs: Record<string, unknown>[] }>(
      `${apiRoute}/${collection.slug}?draft=true&depth=0&limit=10&sort=-updatedAt` +
        `&where[${collection.titleField}][like]=${encodeURIComponent(text)}&select[${collection.titleField}]=true&select[workflowStage]=true`,
    )
  ).docs.map((doc) => ({
    id: Number(doc.id),
    title: String(doc[collection.titleField] ?? ''),
    stage: String(doc.workflowStage ?? ''),
  }))
