import type { Metadata } from 'next'

import { FaqList } from '@/components/FaqList'
import { LiveFaqs } from '@/components/LiveDrafts'
import { cmsPublicOrigin, cmsQuery } from '@/lib/cms'
import { previewOf } from '@/lib/preview'
import { AllFaqs, FaqDraft } from '@/lib/queries'

export const metadata: Metadata = { title: 'Frequently asked questions' }

/** The published FAQs, and in a preview of one FAQ its draft. */
async function faqs() {
  const { Faqs } = await cmsQuery(AllFaqs, {}, { reads: ['faqs'] })
  const published = Faqs?.docs ?? []
  const preview = await previewOf('faqs')
  if (!preview) return { published }
  const { Faq } = await cmsQuery(FaqDraft, { id: preview.id }, { reads: ['faqs'], previewToken: preview.token })
  return { published, previewed: Faq ?? undefined }
}

export default async function FaqPage() {
  const { published, previewed } = await faqs()
  return (
    <>
      <header className="page-header">
        <h1>Frequently asked questions</h1>
        <p className="lede">What guests ask us before, during and after a massage.</p>
      </header>
      {previewed ? (
        <LiveFaqs initial={previewed} published={published} cmsOrigin={cmsPublicOrigin()} />
      ) : (
        <FaqList faqs={published} />
      )}
    </>
  )
}
