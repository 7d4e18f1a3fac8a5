/**
 * A page's metadata from its SEO fields (the CMS's `seo` group), with the page's own title,
 * description and image as fallbacks: title, description, canonical address, robots noindex and
 * the Open Graph image.
 */
import type { Metadata } from 'next'

import { mediaUrl } from '@/lib/cms'

interface SeoLike {
  metaTitle?: string | null
  metaDescription?: string | null
  canonical?: string | null
  noindex?: boolean | null
  image?: { url?: string | null; alt?: string | null; width?: number | null; height?: number | null } | null
}

interface PageFallbacks {
  title?: string | null
  description?: string | null
  image?: SeoLike['image']
}

/** Only a full http(s) address is a canonical (the CMS checks on publish; drafts are not checked). */
const httpUrl = (value: string | null | undefined) => (value && /^https?:\/\//i.test(value) ? value : undefined)

export function metadataOf(seo: SeoLike | null | undefined, page: PageFallbacks): Metadata {
  const title = seo?.metaTitle || page.title || undefined
  const description = seo?.metaDescription || page.description || undefined
  const image = seo?.image?.url ? seo.image : page.image
  const imageUrl = mediaUrl(image?.url)
  return {
    title,
    description,
    alternates: httpUrl(seo?.canonical) ? { canonical: httpUrl(seo?.canonical) } : undefined,
    robots: seo?.noindex ? { index: false, follow: true } : undefined,
    openGraph: {
      title,
      description,
      images: imageUrl
        ? [
            {
              url: imageUrl,
              alt: image?.alt ?? undefined,
              width: image?.width ?? undefined,
              height: image?.height ?? undefined,
            },
          ]
        : undefined,
    },
  }
}
