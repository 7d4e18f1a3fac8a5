import type { CollectionConfig } from 'payload'

import { isStaff } from '../src/access/roles'
import { protectImagesOfLivePages } from '../src/content/mediaInUse'
import { answerUnknownFilesWith404 } from '../src/content/unknownFiles'
import { neverFetchExternalFiles, refuseFilesByUrl } from '../src/security/uploadSources'

/**
 * Image files are public and rarely change: browsers and CDNs keep them a day, then revalidate
 * with the ETag. Not `immutable`: a file name can come back after its image is deleted.
 */
const MEDIA_FILE_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800'

/** Raster images only: SVG can carry scripts, so it is refused like any other type. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

/** Images, kept in `staticDir` on this machine unless the S3 storage plugin takes them over. */
export const mediaCollection = (staticDir: string): CollectionConfig<'media'> => ({
  slug: 'media',
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: {
    // Images are public assets of the website; only staff add or change them, and those shown on
    // live pages only reviewers and admins (protectImagesOfLivePages).
    read: () => true,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  upload: {
    staticDir,
    mimeTypes: IMAGE_MIME_TYPES,
    // Never fetch files from URLs given by a client.
    pasteURL: false,
    externalFileHeaderFilter: neverFetchExternalFiles,
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 800, height: undefined },
      { name: 'hero', width: 1600, height: undefined },
    ],
    adminThumbnail: 'thumbnail',
    handlers: [answerUnknownFilesWith404],
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', MEDIA_FILE_CACHE_CONTROL)
      return headers
    },
  },
  hooks: {
    beforeOperation: [refuseFilesByUrl, protectImagesOfLivePages],
  },
  defaultPopulate: { alt: true, url: true, width: true, height: true, sizes: true, filename: true },
  fields: [
    {
      name: 'alt',
      label: 'Alternative text',
      type: 'text',
      required: true,
      maxLength: 200,
      admin: { description: 'What the image shows, for screen readers and search engines.' },
    },
  ],
})
