/**
 * Growth (issue 17): the public reads front ends make most (a collection's newest page, a document
 * by slug with what it links to) read a handful of rows however many documents there are. With
 * 3,000 published documents in each collection, the SQL Payload sends for an anonymous read is
 * captured from the pool and run under EXPLAIN ANALYZE: every table it touches must be read
 * through an index, a few rows at most (a scan, or an index walk that filters rows out one by one,
 * reads thousands).
 */
import type { Pool, QueryConfig } from 'pg'
import type { CollectionSlug, Payload, Where } from 'payload'

import { useEnv, useFixtures, useLocalPayload, useOwnDatabase } from '../helpers/suite'

// A database of its own: it holds thousands of extra documents, and the last test drops an index.
const database = useOwnDatabase('read_plans')
useEnv(() => ({ DATABASE_URL: database.url }))
const payload = useLocalPayload()
const fixtures = useFixtures(payload)

interface Statement {
  text: string
  values: unknown[]
}

const poolOf = (local: Payload) => (local.db as unknown as { pool: Pool }).pool

/** The statements `read` sends, as the pool receives them. */
async function statementsOf(read: () => Promise<unknown>): Promise<Statement[]> {
  const pool = poolOf(payload)
  const query = pool.query
  const statements: Statement[] = []
  pool.query = ((config: QueryConfig, values?: unknown[]) => {
    statements.push({ text: config.text, values: values ?? config.values ?? [] })
    return Reflect.apply(query, pool, [config, values])
  }) as typeof pool.query
  try {
    await read()
  } finally {
    pool.query = query
  }
  return statements
}

interface PlanNode {
  'Relation Name'?: string
  'Actual Rows': number
  'Actual Loops': number
  'Rows Removed by Filter'?: number
  'Rows Removed by Index Recheck'?: number
  Plans?: PlanNode[]
}

/** Rows each table gave the statement, counting those read and thrown away by a filter. */
async function rowsReadPerTable(statement: Statement, before = ''): Promise<Record<string, number>> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('BEGIN')
    if (before) await client.query(before)
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values)
    const read: Record<string, number> = {}
    const walk = (node: PlanNode) => {
      const table = node['Relation Name']
      if (table) {
        const discarded = (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)
        read[table] = (read[table] ?? 0) + (node['Actual Rows'] + discarded) * node['Actual Loops']
      }
      for (const child of node.Plans ?? []) walk(child)
    }
    walk((rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan)
    return read
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}

const FEW_ROWS = 40

const PUBLIC_COLLECTIONS = ['articles', 'techniques', 'faqs', 'myths'] as const
const TITLE_COLUMNS = { articles: 'title', techniques: 'name', faqs: 'question', myths: 'myth' }
/** What each collection's default order sorts by, filled in as publishing and editors would. */
const ORDER_COLUMNS: Partial<Record<(typeof PUBLIC_COLLECTIONS)[number], string>> = {
  articles: 'published_at',
  faqs: '"order"',
}
const MANY = 3_000

/** Published rows straight into a collection's table: enough for a scan to show, in milliseconds. */
async function addManyPublished(collection: (typeof PUBLIC_COLLECTIONS)[number]) {
  const title = TITLE_COLUMNS[collection]
  const order = ORDER_COLUMNS[collection]
  const orderValue = order === 'published_at' ? `, now() - n * interval '1 hour'` : order ? ', 1000 + n' : ''
  await poolOf(payload).query(
    `INSERT INTO ${collection} (${title}, slug, _status, created_at${order ? `, ${order}` : ''})
     SELECT 'Bulk ${collection} ' || n, 'bulk-${collection}-' || n, 'published', now() - n * interval '1 minute'${orderValue}
     FROM generate_series(1, ${MANY}) AS n`,
  )
  await poolOf(payload).query(`ANALYZE ${collection}`)
}

/** What the site asks for, as an anonymous visitor (the same operation REST and GraphQL run). */
const anonymousFind = (collection: CollectionSlug, where: Where, depth: number) =>
  payload.find({ collection, where, depth, limit: 12, overrideAccess: false })

let slugs: Record<(typeof PUBLIC_COLLECTIONS)[number], string>

beforeAll(async () => {
  const [techniques, faqs, myths] = await Promise.all([
    fixtures.published('techniques', 'Plan technique'),
    fixtures.published('faqs', 'Plan question'),
    fixtures.published('myths', 'Plan myth'),
  ])
  const article = await fixtures.published('articles', 'Plan article', {
    techniques: [techniques.id],
    faqs: [faqs.id],
    myths: [myths.id],
  })
  await fixtures.draft('articles', 'Plan draft')
  for (const collection of PUBLIC_COLLECTIONS) await addManyPublished(collection)
  slugs = { articles: article.slug, techniques: techniques.slug, faqs: faqs.slug, myths: myths.slug }
})

describe.each(PUBLIC_COLLECTIONS)('anonymous reads of %s', (collection) => {
  it.each([
    ['the newest page, in the default order', () => ({}), 0],
    ['one by slug, with what it links to', () => ({ slug: { equals: slugs[collection] } }), 1],
  ] as const)(`%s: a few rows of each table, among ${MANY}`, async (_, where, depth) => {
    const statements = await statementsOf(() => anonymousFind(collection, where(), depth))
    expect(statements.length).toBeGreaterThan(0)
    const heavy: { table: string; rows: number; sql: string }[] = []
    // A paginated list counts what it pages through (totalDocs), as any paginated API must;
    // front ends that show no page numbers ask with pagination=false and skip it.
    for (const statement of statements.filter(({ text }) => !text.startsWith('select count(*)'))) {
      for (const [table, rows] of Object.entries(await rowsReadPerTable(statement))) {
        if (rows > FEW_ROWS) heavy.push({ table, rows, sql: statement.text })
      }
    }
    expect(heavy).toEqual([])
  })
})

it('the check sees a missing index: without the slug index, a read by slug reads thousands of rows', async () => {
  const [bySlug] = await statementsOf(() => anonymousFind('articles', { slug: { equals: slugs.articles } }, 0))
  // Dropped inside the explaining transaction, which rolls it back.
  expect((await rowsReadPerTable(bySlug, 'DROP INDEX articles_slug_idx')).articles).toBeGreaterThan(MANY)
  expect((await rowsReadPerTable(bySlug)).articles).toBeLessThanOrEqual(FEW_ROWS)
})
