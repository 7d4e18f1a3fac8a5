/**
 * Preview links, shaped like Payload's own plugins: `previewLinks(options) => (config) => config`.
 *
 * For each collection in `options.collections` it adds
 * - read access for the bearer of a valid preview token: that one document's latest draft, by id
 *   (grant.ts), with its relations as the public sees them; a bad token gets 401 with its reason;
 * - `POST`/`DELETE /api/<collection>/<id>/preview-link` (endpoints.ts);
 * - with `siteUrl`: the admin's Preview button and Live Preview, opening the front end's draft
 *   route with a fresh token for the document being edited;
 * - with `uploads`: read access of that collection to the images the previewed draft shows;
 * and once: `DELETE /api/preview-links` (revoke all), `GET /api/preview-links/current`, and the
 * hidden collection of revocation generations (revocations.ts).
 */
import type { CollectionConfig, Config, PayloadRequest } from 'payload'

import { documentPreviewEndpoints, rootPreviewEndpoints } from './endpoints'
import { previewReadsOnlyItsDraft, readUploadsWithPreviewGrant, readWithPreviewGrant } from './grant'
import { issuePreviewLink } from './links'
import { PreviewLinkRevocations } from './revocations'
import { resolveOptions, type PreviewLinksOptions, type ResolvedPreviewLinksOptions } from './types'

export type { PreviewLinksOptions } from './types'
export { PREVIEW_TOKEN_HEADER } from './grant'

/** The admin's own preview address for a document: a link valid for the configured time. */
async function adminPreviewUrl(
  req: PayloadRequest,
  collection: string,
  id: unknown,
  options: ResolvedPreviewLinksOptions,
): Promise<string | null> {
  if (!options.siteUrl || typeof id !== 'number') return null // a document not saved yet has nothing to preview
  // Expiry rounded to the hour: the same address while the writer types, so Live Preview's iframe is not reloaded.
  const link = await issuePreviewLink(
    req.payload,
    { collection, id },
    { seconds: options.ttlSeconds, roundToHour: true },
    options.siteUrl,
  )
  return link.url ?? null
}

function withPreviewLinks(collection: CollectionConfig, options: ResolvedPreviewLinksOptions): CollectionConfig {
  const { slug } = collection
  const ownRead = collection.access?.read
  if (!ownRead) throw new Error(`previewLinks: collection "${slug}" has no read access rule to extend.`)
  return {
    ...collection,
    access: { ...collection.access, read: readWithPreviewGrant(slug, options.collections, ownRead) },
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        previewReadsOnlyItsDraft(slug, options.collections),
        ...(collection.hooks?.beforeOperation ?? []),
      ],
    },
    endpoints: [
      ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
      ...documentPreviewEndpoints(slug, options),
    ],
    admin: {
      ...collection.admin,
      ...(options.siteUrl
        ? {
            preview: (doc, { req }) => adminPreviewUrl(req, slug, doc.id, options),
            livePreview: { url: ({ data, req }) => adminPreviewUrl(req, slug, data?.id, options) },
          }
        : {}),
    },
  }
}

export const previewLinks =
  (pluginOptions: PreviewLinksOptions) =>
  (config: Config): Config => {
    if (pluginOptions.disabled) return config
    const options = resolveOptions(pluginOptions)
    const known = new Set((config.collections ?? []).map((collection) => collection.slug))
    for (const slug of options.collections) {
      if (!known.has(slug)) throw new Error(`previewLinks: there is no collection "${slug}".`)
    }
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) => {
          if (options.collections.includes(collection.slug as never)) return withPreviewLinks(collection, options)
          if (collection.slug === options.uploads && collection.access?.read)
            return {
              ...collection,
              access: {
                ...collection.access,
                read: readUploadsWithPreviewGrant(collection.slug, options.collections, collection.access.read),
              },
            }
          return collection
        }),
        PreviewLinkRevocations,
      ],
      endpoints: [...(config.endpoints ?? []), ...rootPreviewEndpoints(options)],
    }
  }
