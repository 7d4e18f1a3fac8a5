/**
 * `npm run bench:release [-- --items 200 --runs 3]`: how long a release of N approved documents
 * (articles, techniques, FAQs and myths in turn) takes to go live, all in one transaction through
 * the workflow (src/releases), measured from the publish call to its commit. Each run uses
 * releases of fresh documents on a freshly migrated database of its own (the machine's Postgres
 * with DATABASE_URL, an embedded one otherwise), dropped afterwards. Prints the figures.
 */
import { loadavg } from 'node:os'
import { createLocalReq } from 'payload'

import { publishRelease } from '../src/releases/releaseActions'
import { runScript } from '../src/scripts/runScript'
import { Fixtures } from '../tests/helpers/content'
import { withFreshPayload } from './freshPayload'

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}

const COLLECTIONS = ['articles', 'techniques', 'faqs', 'myths'] as const

runScript('release bench', async () => {
  const items = option('items', 200)
  const runs = option('runs', 3)
  const figures: number[] = []
  await withFreshPayload('bench_release', async (payload) => {
    const fixtures = new Fixtures(payload)
    const reviewer = await fixtures.user('reviewer', 'bench-release-reviewer')
    for (let run = 1; run <= runs; run++) {
      const documents = []
      for (let index = 0; index < items; index++) {
        const collection = COLLECTIONS[index % COLLECTIONS.length]
        const doc = await fixtures.approved(collection, `Release bench ${run}-${index}`)
        documents.push({ relationTo: collection, value: doc.id })
      }
      const release = await payload.create({
        collection: 'releases',
        data: { title: `Bench release ${run}`, state: 'open', items: documents.map((document) => ({ document })) },
        overrideAccess: true,
        context: { releaseWrite: true },
      })
      const req = await createLocalReq({ user: { ...reviewer, collection: 'users' } }, payload)
      const started = performance.now()
      const cpuBefore = process.cpuUsage()
      await publishRelease(req, release.id)
      figures.push(performance.now() - started)
      const cpu = process.cpuUsage(cpuBefore)
      console.log(
        `run ${run}: a release of ${items} documents went live in ${Math.round(figures.at(-1)!)} ms ` +
          `(this process's CPU: ${Math.round((cpu.user + cpu.system) / 1000)} ms; load average ${loadavg()[0].toFixed(1)})`,
      )
    }
  })
  const sorted = [...figures].sort((a, b) => a - b)
  console.log(
    `release of ${items} documents, ${runs} runs: median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, ` +
      `best ${Math.round(sorted[0])} ms, worst ${Math.round(sorted.at(-1)!)} ms (${(sorted[Math.floor(sorted.length / 2)] / items).toFixed(1)} ms per document)`,
  )
})
