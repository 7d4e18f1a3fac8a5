import type { CollectionConfig } from 'payload'

import { isStaff } from '../src/access/roles'
import { protectImagesOfLivePages } from '../src/content/mediaInUse'
import { answerUnknownFilesWith404 } from '../src/content/unknownFiles'
import { neverFetchExternalFiles, refuseFilesByUrl } from '../src/security/uploadSources'

/** Raster images only: SVG can carry scripts, so it is refused like any other type. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

/** A page's image widths: small screens, cards and columns, full-width heroes. */
const SRCSET_WIDTHS = [
  { name: 'small', width: 480 },
  { name: 'card', width: 800 },
  { name: 'hero', width: 1600 },
]
const WEBP = { format: 'webp', options: { quality: 80 } } as const
// Effort 2 of 9: AVIF encoding is slow, and these are made while the upload request waits.
const AVIF = { format: 'avif', options: { quality: 55, effort: 2 } } as const

/** Images, kept in `staticDir` on this machine unless the S3 storage plugin takes them over. */
export const mediaCollection = (staticDir: string): CollectionConfig<'media'> => ({
  slug: 'media',
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: {
    // Only staff add or change images, and those shown on live pages only reviewers and admins
    // (protectImagesOfLivePages). Who reads which image is the imagesOfLivePages plugin's rule.
    read: isStaff,
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
    // The widths of a page's `srcset`, each in the original format and as WebP and AVIF.
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      ...SRCSET_WIDTHS.flatMap(({ name, width }) => [
        { name, width, height: undefined },
        { name: `${name}Webp`, width, height: undefined, formatOptions: WEBP },
        { name: `${name}Avif`, width, height: undefined, formatOptions: AVIF },
      ]),
    ],
    adminThumbnail: 'thumbnail',
    handlers: [answerUnknownFilesWith404],
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
