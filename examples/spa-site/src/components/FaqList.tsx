/**
 * The FAQ page's questions, grouped by category, in the CMS's order. The same on the static page
 * and in a Live Preview of one FAQ (LiveFaqs).
 */
import type { FaqDraftQuery } from '@/gql/graphql'

import { RichText } from './RichText'

export type FaqOnPage = NonNullable<FaqDraftQuery['Faq']>

const CATEGORY_LABEL: Record<string, string> = {
  general: 'General',
  booking: 'Booking and visits',
  session: 'During your session',
  health: 'Health and safety',
}

/** The published FAQs with a previewed one in its place (or added), in the CMS's order. */
export const withDraftFaq = (published: FaqOnPage[], draft: FaqOnPage): FaqOnPage[] =>
  [...published.filter((faq) => faq.id !== draft.id), draft].sort((a, b) => (a.order ?? 0) - (b.order ?? 0))

export function FaqList({ faqs }: { faqs: FaqOnPage[] }) {
  const groups = new Map<string, FaqOnPage[]>()
  for (const faq of faqs) {
    const category = faq.category ?? 'general'
    groups.set(category, [...(groups.get(category) ?? []), faq])
  }
  return (
    <>
      {faqs.length === 0 ? <p className="empty">No questions are published yet.</p> : null}
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
