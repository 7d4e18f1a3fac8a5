/**
 * seoFields(options): what a search engine and a social card need of each page, on every
 * collection in `options.collections`, in one `seo` group: the page title and description, a
 * sharing image, the canonical address and "keep out of search results". The group is part of
 * the document, so it follows the workflow like any field (drafts, review, published-only reads).
 *
 * Not @payloadcms/plugin-seo: it names its group `meta` (articles already keep `seo.metaTitle` and
 * `seo.metaDescription`, which the workflow's checklist, the importer and the site read), has no
 * canonical or noindex field, and adds anonymous POST endpoints for generators we do not use.
 */
import type { CollectionConfig, CollectionSlug, Config, GroupField, TextFieldSingleValidation } from 'payload'

export interface SeoFieldsOptions {
  /** The collections whose documents are pages of the site (the editorial ones). */
  collections: CollectionSlug[]
  /** Where sharing images come from. */
  uploadsCollection: CollectionSlug
}

export const SEO_TITLE_MAX = 60
/** The group's "Hide from search engines" checkbox, as a query path (the sitemap leaves such pages out). */
export const NOINDEX_PATH = 'seo.noindex'
export const SEO_DESCRIPTION_MAX = 160

/** An absolute http(s) address: anything else (`javascript:`, a relative path) is no canonical. */
export const validateCanonicalUrl: TextFieldSingleValidation = (value) => {
  if (!value) return true
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return true
  } catch {
    // Reported below.
  }
  return 'The canonical address must be a full http(s) URL, such as https://www.example-spa.com/articles/hot-stone.'
}

const seoGroup = (uploadsCollection: CollectionSlug): GroupField => ({
  name: 'seo',
  label: 'SEO',
  type: 'group',
  // One `Seo` type in payload-types.ts and schema.graphql, shared by every collection.
  interfaceName: 'Seo',
  fields: [
    {
      name: 'metaTitle',
      type: 'text',
      maxLength: SEO_TITLE_MAX,
      admin: { description: 'The title in search results and browser tabs. Empty: the page title.' },
    },
    {
      name: 'metaDescription',
      type: 'textarea',
      maxLength: SEO_DESCRIPTION_MAX,
      admin: { description: 'The snippet under the title in search results and social cards.' },
    },
    {
      name: 'image',
      label: 'Sharing image',
      type: 'upload',
      relationTo: uploadsCollection,
      admin: { description: 'Shown when the page is shared (og:image). Empty: the page’s own image, if any.' },
    },
    {
      name: 'canonical',
      label: 'Canonical URL',
      type: 'text',
      maxLength: 2000,
      validate: validateCanonicalUrl,
      admin: { description: 'Only when the same text lives at another address that should rank instead.' },
    },
    {
      name: 'noindex',
      label: 'Hide from search engines',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'The page stays on the site but asks search engines not to list it.' },
    },
  ],
})

export const seoFields =
  (options: SeoFieldsOptions) =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection): CollectionConfig =>
      options.collections.includes(collection.slug as CollectionSlug)
        ? { ...collection, fields: [...collection.fields, seoGroup(options.uploadsCollection)] }
        : collection,
    ),
  })
