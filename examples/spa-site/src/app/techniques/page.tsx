import type { Metadata } from 'next'
import Link from 'next/link'

import { ResponsiveImage } from '@/components/ResponsiveImage'
import { cmsQuery } from '@/lib/cms'
import { PRESSURE_LABEL } from '@/lib/format'
import { AllTechniques } from '@/lib/queries'

export const metadata: Metadata = { title: 'Massage techniques' }

export default async function TechniquesPage() {
  const { Techniques } = await cmsQuery(AllTechniques, {}, { reads: ['techniques'] })
  const techniques = Techniques?.docs ?? []
  return (
    <>
      <header className="page-header">
        <h1>Massage techniques</h1>
        <p className="lede">
          From a feather-light lymphatic drainage to deep tissue work: what each technique does and who it suits.
        </p>
      </header>
      <ul className="cards">
        {techniques.map((technique) => (
          <li key={technique.id} className="card">
            <Link href={`/techniques/${technique.slug}`}>
              {technique.image ? (
                <ResponsiveImage media={technique.image} sizes="(min-width: 900px) 300px, 100vw" />
              ) : (
                <div className="card-placeholder" aria-hidden="true" />
              )}
              <div className="card-body">
                <h3>{technique.name}</h3>
                {technique.pressure ? <span className="pill">{PRESSURE_LABEL[technique.pressure]}</span> : null}
                <p>{technique.summary}</p>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
