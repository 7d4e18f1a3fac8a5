/**
 * A save that makes a new version writes only the version row that was the latest (migration
 * skip_unchanged_version_rows): Payload's `SET latest = false` over all older versions must not
 * rewrite the rows that already say so, or every save costs more with every version.
 */
import { sql } from '@payloadcms/db-postgres'

import { useFixtures, useLocalPayload, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const people = useUsers(fixtures, { writer: 'writer' })

async function rowVersions(parent: number): Promise<Map<number, string>> {
  // xmin: the transaction that wrote the row's current version; it moves when the row is rewritten.
  const { rows } = await payload.db.drizzle.execute<{ id: number; xmin: string }>(
    sql`SELECT id, xmin::text FROM "_articles_v" WHERE parent_id = ${parent} ORDER BY id`,
  )
  return new Map(rows.map((row) => [Number(row.id), row.xmin]))
}

const saveDraft = (id: number, excerpt: string) =>
  payload.update({
    collection: 'articles',
    id,
    data: { excerpt },
    draft: true,
    overrideAccess: true,
    user: people.writer,
  })

it('rewrites only the version that was the latest when a save adds one', async () => {
  const article = await fixtures.draft('articles', 'Versions kept as written')
  for (const excerpt of ['First edit.', 'Second edit.', 'Third edit.']) await saveDraft(article.id, excerpt)
  const before = await rowVersions(article.id)
  expect(before.size).toBeGreaterThanOrEqual(4)
  const [latestBefore] = [...before.keys()].slice(-1)

  await saveDraft(article.id, 'Fourth edit.')
  const after = await rowVersions(article.id)
  expect(after.size).toBe(before.size + 1)
  const rewritten = [...before].filter(([id, xmin]) => after.get(id) !== xmin).map(([id]) => id)
  expect(rewritten).toEqual([latestBefore])
  const { docs } = await payload.findVersions({
    collection: 'articles',
    where: { and: [{ parent: { equals: article.id } }, { latest: { equals: true } }] },
    overrideAccess: true,
  })
  expect(docs.map((doc) => doc.version.excerpt)).toEqual(['Fourth edit.'])
})

it('guards the version table of every collection with drafts', async () => {
  const { rows } = await payload.db.drizzle.execute<{ table: string }>(
    sql`SELECT tgrelid::regclass::text AS table FROM pg_trigger WHERE tgname LIKE '%_skip_unchanged_rows' ORDER BY 1`,
  )
  // A collection given drafts later needs the trigger too (a migration of its own).
  const drafted = payload.config.collections
    .filter((collection) => collection.versions?.drafts)
    .map((collection) => `_${collection.slug}_v`)
    .sort()
  expect(drafted).toEqual(['_articles_v', '_faqs_v', '_myths_v', '_techniques_v'])
  expect(rows.map((row) => row.table)).toEqual(drafted)
})
