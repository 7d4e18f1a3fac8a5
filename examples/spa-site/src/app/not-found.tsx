import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="page-header">
      <h1>We could not find that page</h1>
      <p className="lede">It may have moved, or it is not published yet.</p>
      <p>
        <Link href="/">Back to our guides</Link>
      </p>
    </section>
  )
}
