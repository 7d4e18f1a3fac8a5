/**
 * An article as its page shows it: title, lede, date, hero image, the text, the techniques and
 * myths it covers and its FAQs. The same on the static page and in a Live Preview (LiveArticle).
 */
import Link from 'next/link'

import type { ArticleDraftQuery } from '@/gql/graphql'
import { formatDate, PRESSURE_LABEL } from '@/lib/format'
import { shownImage } from '@/lib/shown'

import { ResponsiveImage } from './ResponsiveImage'
import { RichText } from './RichText'

export type ArticleOnPage = NonNullable<ArticleDraftQuery['Article']>

export function ArticleView({ article }: { article: ArticleOnPage }) {
  const heroImage = shownImage(article.heroImage)
  const techniques = article.techniques ?? []
  const myths = article.myths ?? []
  const faqs = article.faqs ?? []
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
      {heroImage ? (
        <ResponsiveImage className="hero-image" media={heroImage} sizes="(min-width: 1000px) 960px, 100vw" priority />
      ) : null}
      <div className="article-layout">
        <RichText content={article.content} />
        {techniques.length || myths.length ? (
          <aside className="article-aside">
            {techniques.length ? (
              <section>
                <h2>Techniques in this guide</h2>
                <ul className="plain-list">
                  {techniques.map((technique) => (
                    <li key={technique.id}>
                      <Link href={`/techniques/${technique.slug}`}>{technique.name}</Link>
                      {technique.pressure ? <span className="pill">{PRESSURE_LABEL[technique.pressure]}</span> : null}
                      {technique.summary ? <p>{technique.summary}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {myths.length ? (
              <section>
                <h2>Myths set straight</h2>
                <ul className="plain-list">
                  {myths.map((myth) => (
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
      {faqs.length ? (
        <section className="faq-block">
          <h2>Questions we hear</h2>
          {faqs.map((faq) => (
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
