import Link from 'next/link'

import { ResponsiveImage } from '@/components/ResponsiveImage'
import { cmsQuery } from '@/lib/cms'
import { NewestArticles } from '@/lib/queries'
import { formatDate } from '@/lib/format'

export default async function HomePage() {
  const { Articles } = await cmsQuery(NewestArticles, { limit: 12 }, { reads: ['articles'] })
  const articles = Articles?.docs ?? []
  return (
    <>
      <section className="hero-band">
        <h1>Slow down. Breathe out.</h1>
        <p>Guides from our therapists on massage, recovery and feeling at home in your body.</p>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest" className="section-title">
          Newest guides
        </h2>
        {articles.length === 0 ? <p className="empty">No guides are published yet.</p> : null}
        <ul className="cards">
          {articles.map((article) => (
            <li key={article.id} className="card">
              <Link href={`/articles/${article.slug}`}>
                {article.heroImage ? (
                  <ResponsiveImage media={article.heroImage} sizes="(min-width: 900px) 300px, 100vw" />
                ) : (
                  <div className="card-placeholder" aria-hidden="true" />
                )}
                <div className="card-body">
                  <h3>{article.title}</h3>
                  {article.publishedAt ? (
                    <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
                  ) : null}
                  <p>{article.excerpt}</p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
