import type { Metadata } from 'next'

import { LiveMyths } from '@/components/LiveDrafts'
import { MythList } from '@/components/MythList'
import { cmsPublicOrigin, cmsQuery } from '@/lib/cms'
import { previewOf } from '@/lib/preview'
import { AllMyths, MythDraft } from '@/lib/queries'

export const metadata: Metadata = { title: 'Massage myths' }

/** The published myths, and in a preview of one myth its draft. */
async function myths() {
  const { Myths } = await cmsQuery(AllMyths, {}, { reads: ['myths'] })
  const published = Myths?.docs ?? []
  const preview = await previewOf('myths')
  if (!preview) return { published }
  const { Myth } = await cmsQuery(MythDraft, { id: preview.id }, { reads: ['myths'], previewToken: preview.token })
  return { published, previewed: Myth ?? undefined }
}

export default async function MythsPage() {
  const { published, previewed } = await myths()
  return (
    <>
      <header className="page-header">
        <h1>Massage myths, set straight</h1>
        <p className="lede">Things people believe about massage, and what the evidence says.</p>
      </header>
      {previewed ? (
        <LiveMyths initial={previewed} published={published} cmsOrigin={cmsPublicOrigin()} />
      ) : (
        <MythList myths={published} />
      )}
    </>
  )
}
