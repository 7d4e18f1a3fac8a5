import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleView } from '@/components/ArticleView'
import { LiveArticle } from '@/components/LiveDrafts'
import { cmsPublicOrigin, cmsQuery, movedTo } from '@/lib/cms'
import { previewOf } from '@/lib/preview'
import { ArticleBySlug, ArticleDraft } from '@/lib/queries'
import { metadataOf } from '@/lib/seo'

type Params = { params: Promise<{ slug: string }> }

/** Pages are rendered on their first visit and kept until the CMS says they changed (api/revalidate). */
export const generateStaticParams = async () => [] as { slug: string }[]

/** An article embeds techniques, FAQs and myths: a change to any of them makes the page stale. */
const READS = ['articles', 'techniques', 'faqs', 'myths'] as const

/** The article at this address: the previewed draft in a preview of it, else the published one. */
async function articleFor(slug: string) {
  const preview = await previewOf('articles')
  if (preview) {
    const { Article } = await cmsQuery(
      ArticleDraft,
      { id: preview.id },
      { reads: [...READS], previewToken: preview.token },
    )
    if (Article && (Article.slug === slug || preview.slug === slug)) return { article: Article, previewed: true }
  }
  const { Articles } = await cmsQuery(ArticleBySlug, { slug }, { reads: [...READS] })
  const article = Articles?.docs[0]
  return article ? { article, previewed: false } : undefined
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await articleFor((await params).slug)
  if (!found) return {}
  const { article } = found
  return metadataOf(article.seo, { title: article.title, description: article.excerpt, image: article.heroImage })
}

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params
  const found = await articleFor(slug)
  if (!found) {
    // An old address of a renamed article: 308 to where it lives now.
    const current = await movedTo('articles', slug)
    if (current) permanentRedirect(`/articles/${current}`)
    notFound()
  }
  return found.previewed ? (
    <LiveArticle initial={found.article} cmsOrigin={cmsPublicOrigin()} />
  ) : (
    <ArticleView article={found.article} />
  )
}
