/**
 * Seeds the benchmark's data set (dataset.ts) through Payload's local API into the database
 * DATABASE_URL names, and the two accounts the writes-visible measurement acts as. Run by
 * bench/run.ts as a child process (`-- --articles N`), like npm start runs its seed.
 */
import { startPayload, closePayload } from '../src/db/payloadLifecycle'
import { runScript } from '../src/scripts/runScript'
import { articleBody, articleSlug, datasetWith, publishedArticlesOption, shortRichText, techniquesFor } from './dataset'
import { BENCH_ACCOUNTS } from './writesVisible'

type Payload = Awaited<ReturnType<typeof startPayload>>

/** Published the way demo content is: as the system, without a review. */
async function publish(
  payload: Payload,
  collection: 'articles' | 'techniques' | 'faqs' | 'myths',
  data: Record<string, unknown>,
): Promise<number> {
  const doc = await payload.create({
    collection,
    data: { ...data, _status: 'published' } as never,
    overrideAccess: true,
    context: { systemPublish: true },
  })
  return doc.id as number
}

async function inBatches(count: number, size: number, work: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += size) {
    await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, n) => work(start + n)))
  }
}

runScript('bench seed', async () => {
  const DATASET = datasetWith(publishedArticlesOption(process.argv.slice(2)))
  const payload = await startPayload()
  try {
    // The first account becomes an admin; the reviewer approves and publishes what the writer submits.
    for (const account of [BENCH_ACCOUNTS.reviewer, BENCH_ACCOUNTS.writer]) {
      await payload.create({ collection: 'users', data: account, overrideAccess: true })
    }
    const techniqueIds: number[] = []
    for (let n = 0; n < DATASET.techniques; n++) {
      techniqueIds.push(
        await publish(payload, 'techniques', {
          name: `Bench technique ${n}`,
          summary: `Technique ${n} in one line`,
          description: shortRichText(`Technique ${n}`),
          pressure: 'medium',
        }),
      )
    }
    await inBatches(DATASET.faqs, 5, (n) =>
      publish(payload, 'faqs', { question: `Bench question ${n}?`, answer: shortRichText(`Answer ${n}.`) }),
    )
    await inBatches(DATASET.myths, 5, (n) =>
      publish(payload, 'myths', {
        myth: `Bench myth ${n}`,
        fact: shortRichText(`Fact ${n}.`),
        sources: [{ title: `Study ${n}`, url: 'https://example.com/study' }],
      }),
    )
    await inBatches(DATASET.publishedArticles, 10, (n) =>
      publish(payload, 'articles', {
        title: `Bench article ${n}: everything about massage`,
        slug: articleSlug(n),
        excerpt: `What to expect from massage, part ${n}.`,
        content: articleBody(n),
        techniques: techniquesFor(n, techniqueIds),
      }),
    )
    await inBatches(DATASET.draftArticles, 5, (n) =>
      payload.create({
        collection: 'articles',
        data: {
          title: `Bench draft ${n}`,
          slug: `bench-draft-${n}`,
          excerpt: 'Not yet public.',
          content: articleBody(n),
          _status: 'draft',
        } as never,
        draft: true,
        overrideAccess: true,
      }),
    )
    console.log(`bench seed: ${JSON.stringify(DATASET)}`)
  } finally {
    await closePayload(payload)
  }
})
