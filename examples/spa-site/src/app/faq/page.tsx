import type { Metadata } from 'next'

import { RichText } from '@/components/RichText'
import { cmsQuery } from '@/lib/cms'
import { previewOf } from '@/lib/preview'
import { AllFaqs, FaqDraft } from '@/lib/queries'

export const metadata: Metadata = { title: 'Frequently asked questions' }

const CATEGORY_LABEL: Record<string, string> = {
  general: 'General',
  booking: 'Booking and visits',
  session: 'During your session',
  health: 'Health and safety',
}

/** The published FAQs; in a preview of one FAQ, its draft in its place (or added). */
async function faqs() {
  const { Faqs } = await cmsQuery(AllFaqs, {}, { reads: ['faqs'] })
  const published = Faqs?.docs ?? []
  const preview = await previewOf('faqs')
  if (!preview) return published
  const { Faq } = await cmsQuery(FaqDraft, { id: preview.id }, { reads: ['faqs'], previewToken: preview.token })
  if (!Faq) return published
  const others = published.filter((faq) => faq.id !== Faq.id)
  return [...others, Faq].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
}

export default async function FaqPage() {
  const list = await faqs()
  const groups = new Map<string, typeof list>()
  for (const faq of list) {
    const category = faq.category ?? 'general'
    groups.set(category, [...(groups.get(category) ?? []), faq])
  }
  return (
    <>
      <header className="page-header">
        <h1>Frequently asked questions</h1>
        <p className="lede">What guests ask us before, during and after a massage.</p>
      </header>
      {list.length === 0 ? <p className="empty">No questions are published yet.</p> : null}
      {[...groups.entries()].map(([category, items]) => (
        <section key={category} className="faq-block">
          <h2>{CATEGORY_LABEL[category] ?? category}</h2>
          {items.map((faq) => (
            <details key={faq.id} id={faq.slug ?? undefined}>
              <summary>{faq.question}</summary>
              <RichText content={faq.answer} />
            </details>
          ))}
        </section>
      ))}
    </>
  )
}
