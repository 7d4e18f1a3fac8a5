import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { PreviewBanner } from '@/components/PreviewBanner'

import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Stillwater Day Spa · Massage guides', template: '%s · Stillwater Day Spa' },
  description: 'Massage techniques, guides and honest answers from the therapists of Stillwater Day Spa.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <PreviewBanner />
        <header className="site-header">
          <div className="wrap">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                ◌
              </span>{' '}
              Stillwater <em>Day Spa</em>
            </Link>
            <nav aria-label="Main">
              <Link href="/">Guides</Link>
              <Link href="/techniques">Techniques</Link>
              <Link href="/faq">FAQ</Link>
              <Link href="/myths">Myths</Link>
            </nav>
          </div>
        </header>
        <main className="wrap">{children}</main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Stillwater Day Spa · 12 Willow Lane · Open daily 9–21 · <a href="tel:+15550100">+1 555 0100</a>
            </p>
            <p className="fineprint">Our guides inform; they do not replace advice from your doctor.</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
