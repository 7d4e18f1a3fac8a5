/**
 * An image of the CMS with every width it has, in AVIF and WebP for browsers that take them and
 * in its own format (JPEG, PNG) for the rest: a `<picture>` whose sources each list the widths in
 * `srcset`, so the browser downloads the smallest, most compact file that fills its slot.
 */
import { mediaUrl } from '@/lib/cms'

interface Variant {
  url?: string | null
  width?: number | null
  height?: number | null
}

type Widths = 'small' | 'card' | 'hero'
type Sizes = Partial<Record<Widths | `${Widths}Webp` | `${Widths}Avif` | 'thumbnail', Variant | null>>

export interface MediaLike extends Variant {
  alt?: string | null
  mimeType?: string | null
  sizes?: Sizes | null
}

const WIDTHS: Widths[] = ['small', 'card', 'hero']

/** `url 480w, url 800w, …` of the given variants (and the original, for its own format). */
function srcSetOf(variants: (Variant | null | undefined)[]): string {
  const usable = variants.filter((variant): variant is Variant & { url: string; width: number } =>
    Boolean(variant?.url && variant.width),
  )
  const byWidth = new Map(usable.map((variant) => [variant.width, mediaUrl(variant.url)]))
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
  const avif = srcSetOf(WIDTHS.map((width) => media.sizes?.[`${width}Avif`]))
  const webp = srcSetOf(WIDTHS.map((width) => media.sizes?.[`${width}Webp`]))
  const original = srcSetOf([...WIDTHS.map((width) => media.sizes?.[width]), media])
  return (
    // Plain elements: the CMS already made the variants, so no image optimizer is needed.
    <picture>
      {avif ? <source type="image/avif" srcSet={avif} sizes={sizes} /> : null}
      {webp ? <source type="image/webp" srcSet={webp} sizes={sizes} /> : null}
      <img
        className={className}
        src={mediaUrl(fallback)}
        srcSet={original || undefined}
        sizes={sizes}
        alt={media.alt ?? ''}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
      />
    </picture>
  )
}
