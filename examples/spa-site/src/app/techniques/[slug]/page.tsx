import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { RichText } from '@/components/RichText'
import { ResponsiveImage } from '@/components/ResponsiveImage'
import { cmsQuery, movedTo } from '@/lib/cms'
import { PRESSURE_LABEL } from '@/lib/format'
import { previewOf } from '@/lib/preview'
import { TechniqueBySlug, TechniqueDraft } from '@/lib/queries'
import { metadataOf } from '@/lib/seo'

type Params = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => [] as { slug: string }[]

async function techniqueFor(slug: string) {
  const preview = await previewOf('techniques')
  if (preview) {
    const { Technique } = await cmsQuery(
      TechniqueDraft,
      { id: preview.id },
      { reads: ['techniques'], previewToken: preview.token },
    )
    if (Technique && (Technique.slug === slug || preview.slug === slug)) return Technique
  }
  const { Techniques } = await cmsQuery(TechniqueBySlug, { slug }, { reads: ['techniques'] })
  return Techniques?.docs[0]
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const technique = await techniqueFor((await params).slug)
  return technique
    ? metadataOf(technique.seo, { title: technique.name, description: technique.summary, image: technique.image })
    : {}
}

export default async function TechniquePage({ params }: Params) {
  const { slug } = await params
  const technique = await techniqueFor(slug)
  if (!technique) {
    const current = await movedTo('techniques', slug)
    if (current) permanentRedirect(`/techniques/${current}`)
    notFound()
  }
  return (
    <article className="article">
      <header className="article-header">
        <p className="kicker">Technique</p>
        <h1>{technique.name}</h1>
        {technique.summary ? <p className="lede">{technique.summary}</p> : null}
        <p className="facts">
          {technique.pressure ? <span className="pill">{PRESSURE_LABEL[technique.pressure]}</span> : null}
          {technique.bestFor?.map((tag) => (
            <span key={tag} className="pill soft">
              {tag}
            </span>
          ))}
        </p>
      </header>
      {technique.image ? (
        <ResponsiveImage
          className="hero-image"
          media={technique.image}
          sizes="(min-width: 1000px) 960px, 100vw"
          priority
        />
      ) : null}
      <RichText content={technique.description} />
    </article>
  )
}
