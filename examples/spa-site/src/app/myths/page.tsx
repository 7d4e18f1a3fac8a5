import type { Metadata } from 'next'

import { RichText } from '@/components/RichText'
import { cmsQuery } from '@/lib/cms'
import { previewOf } from '@/lib/preview'
import { AllMyths, MythDraft } from '@/lib/queries'

export const metadata: Metadata = { title: 'Massage myths' }

/** The published myths; in a preview of one myth, its draft in its place (or added). */
async function myths() {
  const { Myths } = await cmsQuery(AllMyths, {}, { reads: ['myths'] })
  const published = Myths?.docs ?? []
  const preview = await previewOf('myths')
  if (!preview) return published
  const { Myth } = await cmsQuery(MythDraft, { id: preview.id }, { reads: ['myths'], previewToken: preview.token })
  return Myth ? [...published.filter((myth) => myth.id !== Myth.id), Myth] : published
}

export default async function MythsPage() {
  const list = await myths()
  return (
    <>
      <header className="page-header">
        <h1>Massage myths, set straight</h1>
        <p className="lede">Things people believe about massage, and what the evidence says.</p>
      </header>
      {list.length === 0 ? <p className="empty">No myths are published yet.</p> : null}
      <div className="myths">
        {list.map((myth) => (
          <section key={myth.id} id={myth.slug ?? undefined} className="myth">
            <h2>
              <span className="myth-label">Myth</span> {myth.myth}
            </h2>
            <div className="fact">
              <span className="fact-label">Fact</span>
              <RichText content={myth.fact} />
            </div>
            {myth.sources?.length ? (
              <p className="sources">
                Sources:{' '}
                {myth.sources.map((source, index) => (
                  <span key={index}>
                    {index > 0 ? ' · ' : ''}
                    {source.url ? (
                      <a href={source.url} target="_blank" rel="noopener noreferrer">
                        {source.title ?? source.url}
                      </a>
                    ) : (
                      source.title
                    )}
                  </span>
                ))}
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  )
}
