/**
 * `npm run bench:admin [-- --rounds 3 --baseline <checkout>]`: how fast the admin is for editors,
 * in Debian's Chromium (playwright-core) against the real server on a database of its own with the
 * benchmark's 650 articles (500 published, 150 drafts; bench/seed.ts). A reviewer, logged in, opens:
 *   articles list  /admin/collections/articles until its table shows rows
 *   edit view      an article in review, until its title field and workflow actions show
 *   review drawer  from the click on "Request changes" until the drawer's comment box shows
 * Each is timed `rounds` times after one untimed visit; prints and writes
 * bench/results/admin-latest.md. `--baseline <checkout>`: another built checkout of spa-cms (the
 * code before a change) measured beside this one on the same database, round by round.
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

import { loadDotEnvFile, projectRoot } from '../src/config'
import { createLogger } from '../src/logging'
import { ensureBuild } from '../src/server/build'
import { runScript } from '../src/scripts/runScript'
import { createMigratedDatabase, dropDatabase, startTestServer } from '../tests/setup/testDatabase'
import { DEFAULT_PUBLISHED_ARTICLES, shortRichText } from './dataset'
import { seed, startSpaCms, type Running } from './servers'
import { summarise } from './stats'
import { BENCH_ACCOUNTS } from './writesVisible'

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium'
/**
 * Only the CMS answers: no host but this machine resolves, so nothing outside it slows the timings
 * down. (A Playwright route would do the same but switches off the browser's cache, and an editor's
 * browser keeps the admin's scripts between visits.)
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]

async function apiLogin(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token) throw new Error(`could not log in as ${account.email}: ${response.status}`)
  return token
}

/** A writer's article, submitted: the reviewer's edit view then offers "Request changes". */
async function articleInReview(baseUrl: string): Promise<number> {
  const token = await apiLogin(baseUrl, BENCH_ACCOUNTS.writer)
  const post = async (pathname: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${pathname}`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`POST ${pathname} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as { doc?: { id: number } }
  }
  const { doc } = await post('/api/articles?draft=true', {
    title: 'Admin bench article in review',
    excerpt: 'Waiting for a review.',
    content: shortRichText('Waiting for a review.'),
    _status: 'draft',
  })
  await post(`/api/articles/${doc!.id}/workflow`, { action: 'submit' })
  return doc!.id
}

const VIEWS = {
  'articles list': async (page: Page) => {
    await page.goto('/admin/collections/articles')
    await page.locator('table tbody tr').nth(9).waitFor()
  },
  'edit view': async (page: Page, id: number) => {
    await page.goto(`/admin/collections/articles/${id}`)
    await page.locator('#field-title').waitFor()
    await page.getByTestId('workflow-action-request_changes').waitFor()
  },
  'review drawer': async (page: Page, id: number, time: (work: () => Promise<void>) => Promise<number>) => {
    await VIEWS['edit view'](page, id)
    return time(async () => {
      await page.getByTestId('workflow-action-request_changes').click()
      await page.getByTestId('workflow-comment').waitFor()
    })
  },
}

type View = keyof typeof VIEWS
type Timings = Record<View, number[]>

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** A page of its own, logged in as the reviewer, on `server`. */
async function reviewerPage(browser: Browser, server: Running): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  const login = await page.request.post('/api/users/login', {
    data: { email: BENCH_ACCOUNTS.reviewer.email, password: BENCH_ACCOUNTS.reviewer.password },
  })
  if (!login.ok()) throw new Error(`the reviewer could not log in: ${login.status()}`)
  return page
}

async function measureRound(page: Page, id: number): Promise<Record<View, number>> {
  return {
    'articles list': await timed(() => VIEWS['articles list'](page)),
    'edit view': await timed(() => VIEWS['edit view'](page, id)),
    'review drawer': await VIEWS['review drawer'](page, id, timed),
  }
}

/**
 * Each round visits every view on each server in turn (this checkout and the baseline, when there
 * is one, first one then the other), so that both meet the same moments of a shared machine's load.
 */
async function measureViews(servers: Running[], id: number, rounds: number): Promise<Timings[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
  try {
    // One login after the other: Payload keeps a user's sessions in their row, and two logins at
    // once may each write it without the other's session.
    const pages: Page[] = []
    for (const server of servers) pages.push(await reviewerPage(browser, server))
    const times = servers.map((): Timings => ({ 'articles list': [], 'edit view': [], 'review drawer': [] }))
    for (let round = 0; round <= rounds; round++) {
      const turns = [...pages.keys()]
      for (const at of round % 2 === 0 ? turns : turns.reverse()) {
        const measured = await measureRound(pages[at], id)
        // Round 0 is the untimed first visit (server and browser caches).
        if (round === 0) continue
        for (const view of Object.keys(measured) as View[]) times[at][view].push(measured[view])
        console.log(
          `round ${round}${servers.length > 1 ? (at === 0 ? ' (this checkout)' : ' (baseline)') : ''}: ` +
            `list ${measured['articles list'].toFixed(0)} ms, edit ${measured['edit view'].toFixed(0)} ms, ` +
            `drawer ${measured['review drawer'].toFixed(0)} ms`,
        )
      }
    }
    return times
  } finally {
    await browser.close()
  }
}

function report(times: Timings[], rounds: number, baseline: string | undefined): string {
  const command = `npm run bench:admin -- --rounds ${rounds}${baseline ? ` --baseline ${baseline}` : ''}`
  const [measured, before] = times
  const lines = [
    '# Admin timings (issue 17)',
    '',
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; Chromium ${CHROMIUM} (${CHROMIUM_FLAGS.join(' ')}) on the same machine (load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}).`,
    `Command: \`${command}\`. Data set: ${DEFAULT_PUBLISHED_ARTICLES} published articles and 150 drafts; a reviewer logged in.`,
    'Articles list: navigation until its table shows 10 rows. Edit view: navigation to an article in review until its title field and workflow actions show. Review drawer: from the click on "Request changes" until the drawer\'s comment box shows.',
    ...(baseline
      ? [
          `Baseline: the checkout at ${baseline} (before), on the same database, its rounds taking turns with this checkout's.`,
        ]
      : []),
    '',
    `| View | Rounds | p50 ms | max ms |${before ? ' baseline p50 ms | baseline max ms |' : ''}`,
    `| --- | ---: | ---: | ---: |${before ? ' ---: | ---: |' : ''}`,
  ]
  for (const [view, values] of Object.entries(measured) as [View, number[]][]) {
    const { p50, max } = summarise(values)
    const baselineCells = before
      ? ` ${summarise(before[view]).p50.toFixed(0)} | ${summarise(before[view]).max.toFixed(0)} |`
      : ''
    lines.push(`| ${view} | ${values.length} | ${p50.toFixed(0)} | ${max.toFixed(0)} |${baselineCells}`)
  }
  return lines.join('\n') + '\n'
}

runScript('bench admin', async () => {
  loadDotEnvFile()
  const argv = process.argv.slice(2)
  const valueOf = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
  const rounds = Number(valueOf('--rounds') ?? 3)
  const baseline = valueOf('--baseline')
  if (!Number.isInteger(rounds) || rounds < 1 || (argv.includes('--baseline') && !baseline))
    throw new Error('usage: npm run bench:admin [-- --rounds 3 --baseline <another built checkout>]')
  await ensureBuild(createLogger('info', 'bench'))
  const postgres = await startTestServer()
  const databaseUrl = await createMigratedDatabase(postgres.serverUrl, 'bench_admin')
  const servers: Running[] = []
  try {
    console.log('seeding…')
    await seed(databaseUrl, DEFAULT_PUBLISHED_ARTICLES)
    servers.push(await startSpaCms(databaseUrl, 'on'))
    if (baseline) servers.push(await startSpaCms(databaseUrl, 'on', path.resolve(baseline)))
    const times = await measureViews(servers, await articleInReview(servers[0].baseUrl), rounds)
    const markdown = report(times, rounds, baseline)
    writeFileSync(path.join(projectRoot, 'bench/results/admin-latest.md'), markdown)
    console.log(`\n${markdown}`)
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    await dropDatabase(databaseUrl)
    await postgres.stop()
  }
})
