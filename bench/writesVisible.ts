/**
 * Writes visible: how long after a publish's 200 the first anonymous read shows the article, on
 * the instance that published it and on another instance of the same database (which hears of
 * the change through Postgres LISTEN/NOTIFY). Each trial takes a new article through the real
 * workflow over HTTP (writer creates and submits, reviewer approves and publishes), with the
 * readers' caches holding the list before the publish.
 */
import { shortRichText } from './dataset'
import type { BenchRequest } from './scenarios'

const PASSWORD = 'Bench-Password-1!'

/** Created by bench/seed.ts; the first account becomes an admin, which reviews too. */
export const BENCH_ACCOUNTS = {
  reviewer: { email: 'bench-reviewer@spa.test', password: PASSWORD, role: 'reviewer', name: 'Bench reviewer' },
  writer: { email: 'bench-writer@spa.test', password: PASSWORD, role: 'writer', name: 'Bench writer' },
} as const

export interface Reader {
  name: string
  baseUrl: string
}

/** Milliseconds from the publish's 200 to the first read showing the article, per reader. */
export type Visibility = Record<string, number[]>

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of the few shapes this script reads
async function call(baseUrl: string, path: string, token: string, body?: unknown, method = 'POST'): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`)
  return json
}

async function logIn(baseUrl: string, { email, password }: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const json = (await response.json()) as { token?: string }
  if (!json.token)
    throw new Error(`bench login as ${email} failed: ${response.status} ${JSON.stringify(json).slice(0, 200)}`)
  return json.token
}

const read = async (baseUrl: string, request: BenchRequest) =>
  (
    await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      body: request.body,
      headers: request.body ? { 'content-type': 'application/json' } : {},
    })
  ).text()

/** Reads until the answer mentions `slug`; the time from `since` when it first does. */
async function timeUntilVisible(
  reader: Reader,
  request: BenchRequest,
  slug: string,
  since: number,
  timeoutMs = 10_000,
): Promise<number> {
  for (;;) {
    const body = await read(reader.baseUrl, request)
    const elapsed = performance.now() - since
    if (body.includes(slug)) return elapsed
    if (elapsed > timeoutMs) throw new Error(`${reader.name} did not show ${slug} within ${timeoutMs} ms`)
  }
}

export async function measureWritesVisible(
  publisher: string,
  readers: Reader[],
  newestList: BenchRequest,
  trials: number,
): Promise<Visibility> {
  const writer = await logIn(publisher, BENCH_ACCOUNTS.writer)
  const reviewer = await logIn(publisher, BENCH_ACCOUNTS.reviewer)
  const visibility: Visibility = Object.fromEntries(readers.map((reader) => [reader.name, []]))
  for (let trial = 0; trial < trials; trial++) {
    const title = `Writes visible ${Date.now()} ${trial}`
    const created = await call(publisher, '/api/articles?draft=true', writer, {
      title,
      excerpt: 'Freshly published.',
      content: shortRichText('Freshly published.'),
      _status: 'draft',
    })
    const { id, slug } = created.doc as { id: number; slug: string }
    await call(publisher, `/api/articles/${id}/workflow`, writer, { action: 'submit' })
    await call(publisher, `/api/articles/${id}/workflow`, reviewer, { action: 'approve' })
    // Every reader holds the list in memory (a second read is a hit) before the publish.
    for (const reader of readers) for (let n = 0; n < 2; n++) await read(reader.baseUrl, newestList)
    await call(publisher, `/api/articles/${id}/workflow`, reviewer, { action: 'publish' })
    const published = performance.now()
    const times = await Promise.all(readers.map((reader) => timeUntilVisible(reader, newestList, slug, published)))
    readers.forEach((reader, index) => visibility[reader.name].push(times[index]))
  }
  return visibility
}
