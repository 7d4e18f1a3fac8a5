/**
 * Reading the CMS over GraphQL with typed documents (src/gql, made by `npm run codegen`).
 *
 * Published reads are GETs (`/api/graphql?query=…`), which the CMS answers from its read cache
 * and a CDN may keep; Next keeps them in its data cache under tags named like the CMS's own
 * (`list:articles`, …), so a publish webhook can mark exactly those stale (api/revalidate).
 * Preview reads send the preview token and are never cached anywhere.
 */
import { mergeData } from '@payloadcms/live-preview'

import type { TypedDocumentString } from '@/gql/graphql'

export const CMS_URL = (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/+$/, '')

/**
 * The CMS's origin as browsers know it (CMS_PUBLIC_URL when the site reaches the CMS by another
 * address, e.g. inside Docker): Live Preview's messages come from the admin there.
 */
export const cmsPublicOrigin = () => new URL(process.env.CMS_PUBLIC_URL ?? CMS_URL).origin

/** The tag every cached CMS read carries, besides its collections' tags: "revalidate everything". */
export const EVERYTHING_TAG = 'cms'

export type CmsCollection = 'articles' | 'techniques' | 'faqs' | 'myths'

/** The CMS's tag for a collection's lists and everything that embeds its documents (src/readCache/tags.ts). */
export const collectionTag = (collection: CmsCollection) => `list:${collection}`

export class CmsError extends Error {
  constructor(
    message: string,
    /** The CMS's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message)
  }
}

interface GraphqlAnswer<T> {
  data?: T
  errors?: { message: string; extensions?: { statusCode?: number } }[]
}

interface ReadOptions {
  /** The collections whose changes make this answer stale (every one the query reads, embedded ones too). */
  reads: CmsCollection[]
  /** A preview token: read as its bearer, uncached. */
  previewToken?: string
}

export async function cmsQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: ReadOptions,
): Promise<TResult> {
  const query = document.toString()
  let response: Response
  if (options.previewToken) {
    response = await fetch(`${CMS_URL}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview-token': options.previewToken },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
    })
  } else {
    const search = new URLSearchParams({ query, variables: JSON.stringify(variables ?? {}) })
    response = await fetch(`${CMS_URL}/api/graphql?${search}`, {
      cache: 'force-cache',
      next: { tags: [EVERYTHING_TAG, ...options.reads.map(collectionTag)] },
    })
  }
  const answer = (await response.json().catch(() => ({}))) as GraphqlAnswer<TResult>
  if (!response.ok || answer.errors?.length || !answer.data) {
    const reason = answer.errors?.map((error) => error.message).join('; ') || `HTTP ${response.status}`
    throw new CmsError(`The CMS refused a query: ${reason}`)
  }
  return answer.data
}

/**
 * Where a page that moved went: the CMS records a published document's old slugs and answers the
 * current one (GET /api/redirects/resolve), or 404 when the slug never led anywhere public. Cached
 * under the collection's tag like any read, so a publish there makes the answer stale.
 */
export async function movedTo(collection: CmsCollection, slug: string): Promise<string | undefined> {
  const search = new URLSearchParams({ collection, slug })
  const response = await fetch(`${CMS_URL}/api/redirects/resolve?${search}`, {
    cache: 'force-cache',
    next: { tags: [EVERYTHING_TAG, collectionTag(collection)] },
  })
  if (response.status === 404) return undefined
  const answer = (await response.json().catch(() => ({}))) as { to?: string; errors?: { message: string }[] }
  if (!response.ok || !answer.to)
    throw new CmsError(
      `The CMS could not look up "${slug}": ${answer.errors?.[0]?.message ?? `HTTP ${response.status}`}`,
    )
  return answer.to
}

/** Media URLs from the CMS are absolute when it knows its SERVER_URL; relative ones are made absolute. */
export const mediaUrl = (url: string | null | undefined): string | undefined =>
  url ? (url.startsWith('/') ? `${CMS_URL}${url}` : url) : undefined

/** What a preview token opens, as the CMS says (GET /api/preview-links/current). */
export interface PreviewTarget {
  collection: CmsCollection
  id: number
  slug: string | null
  expiresAt: string
}

export async function previewTargetOf(
  token: string,
): Promise<{ ok: true; target: PreviewTarget } | { ok: false; status: number; message: string }> {
  const response = await fetch(`${CMS_URL}/api/preview-links/current`, {
    headers: { 'x-preview-token': token },
    cache: 'no-store',
  })
  const body = (await response.json().catch(() => ({}))) as PreviewTarget & { errors?: { message: string }[] }
  if (!response.ok)
    return {
      ok: false,
      status: response.status,
      message: body.errors?.[0]?.message ?? `The CMS answered ${response.status}.`,
    }
  return { ok: true, target: body }
}

/**
 * What a page shows of the documents a previewed one relates to, beyond their default fields
 * (the CMS's `defaultPopulate`): the FAQs under an article show their answers, as in ArticleDraft.
 */
const LIVE_POPULATE: Partial<Record<CmsCollection, Record<string, Record<string, true>>>> = {
  articles: { faqs: { question: true, slug: true, answer: true } },
}

/**
 * Live Preview: the writer's unsaved values of the previewed document (what the admin posts to
 * its frame on every change) merged by the CMS as `@payloadcms/live-preview`'s mergeData asks it
 * to, with the preview token: the CMS answers with those values, relations and images populated as
 * the preview may show them (published ones, and the images the saved draft shows), nothing saved.
 * The answer is the CMS's REST document at depth 1: the fields of the draft queries, by the same
 * names; unpublished related documents are left out, and an image the preview may not show yet
 * comes back as its bare id (shownImage).
 */
export async function mergeIntoPreviewedDraft(
  preview: { token: string; collection: CmsCollection; id: number },
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return mergeData({
    collectionSlug: preview.collection,
    depth: 1,
    incomingData: values,
    initialData: { id: preview.id },
    serverURL: CMS_URL,
    requestHandler: async ({ apiPath, data, endpoint, serverURL }) => {
      const response = await fetch(`${serverURL}${apiPath}/${endpoint}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // Payload's read of one document, with a body (mergeData's request).
          'x-payload-http-method-override': 'GET',
          'x-preview-token': preview.token,
        },
        body: JSON.stringify({ ...data, populate: LIVE_POPULATE[preview.collection] }),
        cache: 'no-store',
      })
      if (!response.ok) {
        const answer = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
        throw new CmsError(answer.errors?.[0]?.message ?? `The CMS answered ${response.status}.`, response.status)
      }
      return response
    },
  })
}
