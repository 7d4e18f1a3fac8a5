/**
 * An image of the CMS with every width it has (its thumbnail, card and hero variants and the
 * original) in `srcset`, so the browser downloads the smallest that fills its slot.
 */
import { mediaUrl } from '@/lib/cms'

interface Variant {
  url?: string | null
  width?: number | null
  height?: number | null
}

export interface MediaLike extends Variant {
  alt?: string | null
  sizes?: { thumbnail?: Variant | null; card?: Variant | null; hero?: Variant | null } | null
}

export function srcSetOf(media: MediaLike): string {
  const variants = [media.sizes?.thumbnail, media.sizes?.card, media.sizes?.hero, media].filter(
    (variant): variant is Variant & { url: string; width: number } => Boolean(variant?.url && variant.width),
  )
  const byWidth = new Map(variants.map((variant) => [variant.width, mediaUrl(variant.url)]))
  return [...byWidth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([width, url]) => `${url} ${width}w`)
    .join(', ')
}

export function ResponsiveImage({
  media,
  sizes,
  className,
  priority,
}: {
  media: MediaLike
  sizes: string
  className?: string
  priority?: boolean
}) {
  const fallback = media.sizes?.card?.url ?? media.url
  if (!fallback) return null
  return (
    // A plain img: the CMS already made the variants, so no image optimizer is needed.
    <img
      className={className}
      src={mediaUrl(fallback)}
      srcSet={srcSetOf(media) || undefined}
      sizes={sizes}
      alt={media.alt ?? ''}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
    />
  )
}
