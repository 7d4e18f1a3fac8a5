import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { LiveTechnique } from '@/components/LiveDrafts'
import { TechniqueView } from '@/components/TechniqueView'
import { cmsPublicOrigin, cmsQuery, movedTo } from '@/lib/cms'
import { previewOf } from '@/lib/preview'
import { TechniqueBySlug, TechniqueDraft } from '@/lib/queries'
import { metadataOf } from '@/lib/seo'

type Params = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => [] as { slug: string }[]

/** The technique at this address: the previewed draft in a preview of it, else the published one. */
async function techniqueFor(slug: string) {
  const preview = await previewOf('techniques')
  if (preview) {
    const { Technique } = await cmsQuery(
      TechniqueDraft,
      { id: preview.id },
      { reads: ['techniques'], previewToken: preview.token },
    )
    if (Technique && (Technique.slug === slug || preview.slug === slug))
      return { technique: Technique, previewed: true }
  }
  const { Techniques } = await cmsQuery(TechniqueBySlug, { slug }, { reads: ['techniques'] })
  const technique = Techniques?.docs[0]
  return technique ? { technique, previewed: false } : undefined
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await techniqueFor((await params).slug)
  if (!found) return {}
  const { technique } = found
  return metadataOf(technique.seo, { title: technique.name, description: technique.summary, image: technique.image })
}

export default async function TechniquePage({ params }: Params) {
  const { slug } = await params
  const found = await techniqueFor(slug)
  if (!found) {
    const current = await movedTo('techniques', slug)
    if (current) permanentRedirect(`/techniques/${current}`)
    notFound()
  }
  return found.previewed ? (
    <LiveTechnique initial={found.technique} cmsOrigin={cmsPublicOrigin()} />
  ) : (
    <TechniqueView technique={found.technique} />
  )
}
