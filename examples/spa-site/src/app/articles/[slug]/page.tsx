import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'

import { RichText } from '@/components/RichText'
import { ResponsiveImage } from '@/components/ResponsiveImage'
import { cmsQuery, movedTo } from '@/lib/cms'
import { formatDate, PRESSURE_LABEL } from '@/lib/format'
import { previewOf } from '@/lib/preview'
import { ArticleBySlug, ArticleDraft } from '@/lib/queries'
import { metadataOf } from '@/lib/seo'

type Params = { params: Promise<{ slug: string }> }

/** Pages are rendered on their first visit and kept until the CMS says they changed (api/revalidate). */
export const generateStaticParams = async () => [] as { slug: string }[]

/** An article embeds techniques, FAQs and myths: a change to any of them makes the page stale. */
const READS = ['articles', 'techniques', 'faqs', 'myths'] as const

async function articleFor(slug: string) {
  const preview = await previewOf('articles')
  if (preview) {
    const { Article } = await cmsQuery(
      ArticleDraft,
      { id: preview.id },
      { reads: [...READS], previewToken: preview.token },
    )
    if (Article && (Article.slug === slug || preview.slug === slug)) return Article
  }
  const { Articles } = await cmsQuery(ArticleBySlug, { slug }, { reads: [...READS] })
  return Articles?.docs[0]
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const article = await articleFor((await params).slug)
  if (!article) return {}
  return metadataOf(article.seo, { title: article.title, description: article.excerpt, image: article.heroImage })
}

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params
  const article = await articleFor(slug)
  if (!article) {
    // An old address of a renamed article: 308 to where it lives now.
    const current = await movedTo('articles', slug)
    if (current) permanentRedirect(`/articles/${current}`)
    notFound()
  }
  return (
    <article className="article">
      <header className="article-header">
        <p className="kicker">Guide</p>
        <h1>{article.title}</h1>
        {article.excerpt ? <p className="lede">{article.excerpt}</p> : null}
        {article.publishedAt ? (
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        ) : (
          <span className="badge">Not published yet</span>
        )}
      </header>
      {article.heroImage ? (
        <ResponsiveImage
          className="hero-image"
          media={article.heroImage}
          sizes="(min-width: 1000px) 960px, 100vw"
          priority
        />
      ) : null}
      <div className="article-layout">
        <RichText content={article.content} />
        {article.techniques?.length || article.myths?.length ? (
          <aside className="article-aside">
            {article.techniques?.length ? (
              <section>
                <h2>Techniques in this guide</h2>
                <ul className="plain-list">
                  {article.techniques.map((technique) => (
                    <li key={technique.id}>
                      <Link href={`/techniques/${technique.slug}`}>{technique.name}</Link>
                      {technique.pressure ? <span className="pill">{PRESSURE_LABEL[technique.pressure]}</span> : null}
                      {technique.summary ? <p>{technique.summary}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {article.myths?.length ? (
              <section>
                <h2>Myths set straight</h2>
                <ul className="plain-list">
                  {article.myths.map((myth) => (
                    <li key={myth.id}>
                      <Link href={`/myths#${myth.slug}`}>{myth.myth}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </aside>
        ) : null}
      </div>
      {article.faqs?.length ? (
        <section className="faq-block">
          <h2>Questions we hear</h2>
          {article.faqs.map((faq) => (
            <details key={faq.id} id={faq.slug ?? undefined}>
              <summary>{faq.question}</summary>
              <RichText content={faq.answer} />
            </details>
          ))}
        </section>
      ) : null}
    </article>
  )
}
