/**
 * The reference site (examples/spa-site) in Chromium, beside a CMS of its own (its own database,
 * the demo content, SITE_URL and the publish webhook pointed at the site): an anonymous visitor
 * sees published pages only; a writer's preview link shows that draft and nothing else; expired
 * and revoked links fail; the admin's Live Preview shows what the writer types in each of the four
 * collections without saving (the typing-to-frame time is printed); an article's SEO fields reach
 * its head, its image its AVIF/WebP srcset once it is public, and its old address redirects after
 * a rename; after a reviewer publishes, the statically rendered page shows the change without a
 * rebuild, and the time from the publish's 200 to the site serving it is printed.
 *
 * The site is built here against this CMS (`npm run build` in examples/spa-site; its packages are
 * installed by `npm ci --prefix examples/spa-site`, which .ci/run does, and this test when they are missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'

import { projectRoot } from '../../src/config'
import { startServer, waitForExit, type RunningServer } from '../helpers/server'
import { createMigratedDatabase, dropDatabase } from '../setup/testDatabase'
import { contentEditor, login } from './support/admin'
import { ARTIFACTS_DIR, launchBrowser } from './support/browser'

const SITE_DIR = path.join(projectRoot, 'examples/spa-site')
const PASSWORD = 'Calm-Waters-42!'
const WEBHOOK_SECRET = randomBytes(24).toString('hex')

let browser: Browser
let cms: RunningServer
let site: ChildProcess | undefined
let siteUrl: string
let databaseUrl: string | undefined
let siteOutput = ''
const logins = {} as Record<'admin' | 'writer' | 'reviewer', string>
const suffix = randomBytes(3).toString('hex')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function api(
  method: string,
  path: string,
  { login, body, headers = {} }: { login?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${cms.baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(login ? { authorization: `JWT ${login}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON shape; each test reads what it expects
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  if (!response.ok && !headers['x-expect-failure'])
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
  return { status: response.status, body: json }
}

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }],
      },
    ],
  },
})

async function createUser(role: 'writer' | 'reviewer'): Promise<string> {
  const email = `${role}-${suffix}@spa.test`
  await api('POST', '/api/users', {
    login: logins.admin,
    body: { email, password: PASSWORD, role, name: `Site ${role}` },
  })
  return (await api('POST', '/api/users/login', { body: { email, password: PASSWORD } })).body.token
}

/** A writer's draft article; returns its id and slug. */
async function draftArticle(title: string): Promise<{ id: number; slug: string }> {
  const { body } = await api('POST', '/api/articles?draft=true', {
    login: logins.writer,
    body: { title, excerpt: `About ${title}.`, content: paragraph(`The body of ${title}.`) },
  })
  return { id: body.doc.id, slug: body.doc.slug }
}

type Collection = 'articles' | 'techniques' | 'faqs' | 'myths'

/** A writer's draft in any of the four collections, titled `title`, with `text` in its rich text; returns its id. */
async function writersDraft(collection: Collection, title: string, text: string): Promise<number> {
  const fields: Record<Collection, Record<string, unknown>> = {
    articles: { title, excerpt: `About ${title}.`, content: paragraph(text) },
    techniques: { name: title, summary: `About ${title}.`, description: paragraph(text) },
    faqs: { question: title, answer: paragraph(text) },
    myths: { myth: title, fact: paragraph(text), sources: [{ title: 'A study', url: 'https://example.com/study' }] },
  }
  const { body } = await api('POST', `/api/${collection}?draft=true`, {
    login: logins.writer,
    body: fields[collection],
  })
  return body.doc.id
}

async function transition(id: number, action: string, login: string): Promise<void> {
  await api('POST', `/api/articles/${id}/workflow`, { login, body: { action, acknowledgeClaims: true } })
}

/** The writer uploads a 1800 × 1000 JPEG; returns the media document. */
async function uploadImage(alt: string): Promise<{ id: number; url: string }> {
  const photo = await sharp({ create: { width: 1800, height: 1000, channels: 3, background: '#b7cbbf' } })
    .jpeg()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `stones-${suffix}.jpg`)
  form.append('_payload', JSON.stringify({ alt }))
  const response = await fetch(`${cms.baseUrl}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${logins.writer}` },
    body: form,
  })
  if (response.status !== 201) throw new Error(`the upload answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { doc: { id: number; url: string } }).doc
}

/** Loads `url` until the site answers 200 (a publish reaches it through the webhook within moments). */
async function visitWhenLive(page: Page, url: string): Promise<void> {
  const started = performance.now()
  while ((await page.goto(url))?.status() !== 200) {
    if (performance.now() - started > 15_000)
      throw new Error(`the site never showed ${url}:\n${siteOutput.slice(-2000)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The writer submits, the reviewer approves: ready to publish. */
async function submitAndApprove(id: number): Promise<void> {
  await transition(id, 'submit', logins.writer)
  await transition(id, 'approve', logins.reviewer)
}

async function linkFor(id: number): Promise<{ token: string; url: string }> {
  return (await api('POST', `/api/articles/${id}/preview-link`, { login: logins.writer })).body
}

async function newVisitor(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `site-${name}.png`), fullPage: true })
}

beforeAll(async () => {
  if (!existsSync(path.join(SITE_DIR, 'node_modules/next'))) {
    // `npm install && npm test` in a fresh clone: the site's packages come from its own lock file.
    const installed = spawnSync('npm', ['ci', '--prefix', SITE_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' })
    if (installed.status !== 0)
      throw new Error('The site has no packages and `npm ci --prefix examples/spa-site` failed.')
  }
  const e2eDatabase = process.env.E2E_DATABASE_URL
  if (!e2eDatabase) throw new Error('E2E_DATABASE_URL is not set: run with npm run test:e2e')
  databaseUrl = await createMigratedDatabase(e2eDatabase, 'site')
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  siteUrl = `http://127.0.0.1:${sitePort}`
  cms = await startServer({
    DATABASE_URL: databaseUrl,
    DEMO_CONTENT: 'on',
    PORT: String(cmsPort),
    SERVER_URL: `http://127.0.0.1:${cmsPort}`,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SITE_URL: siteUrl,
    WEBHOOK_URLS: `${siteUrl}/api/revalidate`,
    WEBHOOK_SECRET,
    LOG_LEVEL: 'info',
  })
  // The first account is the admin; then a writer and a reviewer.
  const first = await api('POST', '/api/users/first-register', {
    body: {
      email: `admin-${suffix}@spa.test`,
      password: PASSWORD,
      confirmPassword: PASSWORD,
      role: 'admin',
      name: 'Site admin',
    },
  })
  logins.admin =
    first.body.token ??
    (await api('POST', '/api/users/login', { body: { email: `admin-${suffix}@spa.test`, password: PASSWORD } })).body
      .token
  logins.writer = await createUser('writer')
  logins.reviewer = await createUser('reviewer')
  const siteEnv = { ...process.env, CMS_URL: cms.baseUrl, WEBHOOK_SECRET, NEXT_TELEMETRY_DISABLED: '1' }
  const build = spawnSync('npm', ['run', 'build'], { cwd: SITE_DIR, env: siteEnv, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`the site build failed:\n${build.stdout}\n${build.stderr}`)
  site = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--port', String(sitePort), '--hostname', '127.0.0.1'],
    { cwd: SITE_DIR, env: siteEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  site.stdout?.on('data', (chunk: Buffer) => (siteOutput += chunk.toString()))
  site.stderr?.on('data', (chunk: Buffer) => (siteOutput += chunk.toString()))
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(siteUrl).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) break
    if (attempt > 120) throw new Error(`the site did not start:\n${siteOutput}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  if (site && site.exitCode === null) {
    site.kill('SIGTERM')
    await waitForExit(site)
  }
  await cms?.stop()
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined)
}, 60_000)

describe('the reference site', () => {
  it('shows an anonymous visitor the published pages only', async () => {
    const draft = await draftArticle(`Unpublished guide ${suffix}`)
    const page = await newVisitor()
    await page.goto(`${siteUrl}/`)
    await page.getByRole('heading', { name: 'Newest guides' }).waitFor()
    const home = await page.textContent('main')
    expect(home).toContain('Everything You Need to Know About Professional Back Massage')
    expect(home).not.toContain(`Unpublished guide ${suffix}`)
    await shot(page, 'home')
    await page
      .getByRole('link', { name: /Professional Back Massage/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: /Professional Back Massage/ }).waitFor()
    expect(await page.locator('.rich-text table').count()).toBeGreaterThan(0)
    expect(await page.locator('.rich-text h2').count()).toBeGreaterThan(2)
    expect(await page.locator('.rich-text ul, .rich-text ol').count()).toBeGreaterThan(0)
    await shot(page, 'article')
    for (const path of ['/techniques', '/faq', '/myths']) {
      const response = await page.goto(`${siteUrl}${path}`)
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 })
    }
    await shot(page, 'faq')
    const hidden = await page.goto(`${siteUrl}/articles/${draft.slug}`)
    expect(hidden?.status()).toBe(404)
    expect(await page.textContent('body')).not.toContain(`Unpublished guide ${suffix}`)
    await page.context().close()
  })

  it("shows the holder of a writer's preview link that draft and nothing else", async () => {
    const previewed = await draftArticle(`Previewed draft ${suffix}`)
    const other = await draftArticle(`Other draft ${suffix}`)
    const link = await linkFor(previewed.id)
    expect(link.url).toBe(`${siteUrl}/api/draft?token=${encodeURIComponent(link.token)}`)
    const page = await newVisitor() // the spa manager: no account anywhere
    await page.goto(link.url)
    await page.getByRole('heading', { level: 1, name: `Previewed draft ${suffix}` }).waitFor()
    expect(page.url()).toBe(`${siteUrl}/articles/${previewed.slug}`)
    expect(await page.textContent('.preview-banner')).toContain('Preview of an unpublished draft')
    await shot(page, 'preview')
    // Other drafts stay hidden, in draft mode too.
    const otherPage = await page.goto(`${siteUrl}/articles/${other.slug}`)
    expect(otherPage?.status()).toBe(404)
    expect(await page.textContent('body')).not.toContain(`Other draft ${suffix}`)
    await page.goto(`${siteUrl}/`)
    expect(await page.textContent('main')).not.toContain(`Other draft ${suffix}`)
    // The token itself opens nothing else in the CMS's API, from the visitor's browser.
    const probes = await page
      .evaluate(
        async ({ cmsUrl, token, otherId }) => {
          const get = (path: string) =>
            fetch(`${cmsUrl}${path}`, { headers: { 'x-preview-token': token } }).then(async (response) => ({
              status: response.status,
              text: await response.text(),
            }))
          const gql = (query: string) =>
            fetch(`${cmsUrl}/api/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-preview-token': token },
              body: JSON.stringify({ query }),
            }).then((response) => response.text())
          return {
            otherId: await get(`/api/articles/${otherId}?draft=true`),
            list: await get('/api/articles?draft=true&limit=100'),
            versions: await get('/api/articles/versions'),
            graphql: await gql(
              `{ Articles(draft: true, limit: 100) { docs { title } } versionsArticles { docs { id } } }`,
            ),
          }
        },
        { cmsUrl: cms.baseUrl, token: link.token, otherId: other.id },
      )
      .catch(() => undefined)
    // CORS may keep the browser from reading the answers (the site is another origin): then ask from here, as the browser would.
    const direct = probes ?? {
      otherId: await fetch(`${cms.baseUrl}/api/articles/${other.id}?draft=true`, {
        headers: { 'x-preview-token': link.token },
      }).then(async (r) => ({ status: r.status, text: await r.text() })),
      list: await fetch(`${cms.baseUrl}/api/articles?draft=true&limit=100`, {
        headers: { 'x-preview-token': link.token },
      }).then(async (r) => ({ status: r.status, text: await r.text() })),
      versions: await fetch(`${cms.baseUrl}/api/articles/versions`, {
        headers: { 'x-preview-token': link.token },
      }).then(async (r) => ({ status: r.status, text: await r.text() })),
      graphql: '',
    }
    expect(direct.otherId.status).toBe(404)
    expect(direct.list.text).not.toContain('draft')
    expect(direct.versions.status).toBe(403)
    expect(direct.graphql).not.toContain(`Other draft ${suffix}`)
    await page.context().close()
  })

  it('refuses expired-looking, altered and revoked links with the reason', async () => {
    const doc = await draftArticle(`Revoked draft ${suffix}`)
    const link = await linkFor(doc.id)
    const page = await newVisitor()
    const altered = await page.goto(`${siteUrl}/api/draft?token=${encodeURIComponent(link.token.slice(0, -2) + 'AA')}`)
    expect(altered?.status()).toBe(401)
    expect(await page.textContent('body')).toMatch(/altered/)
    await api('DELETE', `/api/articles/${doc.id}/preview-link`, { login: logins.writer })
    const revoked = await page.goto(link.url)
    expect(revoked?.status()).toBe(401)
    expect(await page.textContent('body')).toMatch(/revoked/)
    await shot(page, 'revoked')
    await page.context().close()
  })

  it("shows in the admin's Live Preview what the writer types, without saving (prints the typing-to-frame time)", async () => {
    // One draft in each collection: articles autosave, the others save only when asked to, and
    // the frame must show the typing either way. Each names its title field and has rich text.
    const drafts: { collection: Collection; titleField: string; id: number; title: string }[] = []
    for (const [collection, titleField] of [
      ['articles', 'title'],
      ['techniques', 'name'],
      ['faqs', 'question'],
      ['myths', 'myth'],
    ] as const) {
      const title = `Live ${collection} ${suffix}`
      drafts.push({ collection, titleField, title, id: await writersDraft(collection, title, `Body of ${title}.`) })
    }
    const context = await browser.newContext({ baseURL: cms.baseUrl, viewport: { width: 1600, height: 1000 } })
    const page = await context.newPage()
    const liveAnswers: { status: number; cacheControl: string | undefined }[] = []
    page.on('response', (response) => {
      if (response.url() === `${siteUrl}/api/draft/live`)
        liveAnswers.push({ status: response.status(), cacheControl: response.headers()['cache-control'] })
    })
    await login(page, { email: `writer-${suffix}@spa.test`, password: PASSWORD, name: 'Site writer' })
    const timings: string[] = []
    for (const draft of drafts) {
      await page.goto(`/admin/collections/${draft.collection}/${draft.id}`)
      const titleInput = page.locator(`#field-${draft.titleField}`)
      await titleInput.waitFor()
      // The admin remembers the view: Live Preview may be open already ("Exit Live Preview").
      await page.getByRole('button', { name: /Live Preview$/ }).waitFor()
      const open = page.getByRole('button', { name: 'Live Preview', exact: true })
      if (await open.isVisible()) await open.click()
      const frame = page.frameLocator('iframe#live-preview-iframe')
      await frame.getByText(draft.title).first().waitFor({ timeout: 30_000 })
      expect(await frame.locator('.preview-banner').textContent()).toContain('Preview of an unpublished draft')

      const typedTitle = `${draft.title} retitled as typed`
      let started = performance.now()
      await titleInput.fill(typedTitle)
      await frame.getByText(typedTitle).first().waitFor({ timeout: 15_000 })
      const titleMs = Math.round(performance.now() - started)

      const typedText = `Warm towels follow ${draft.collection}.`
      await contentEditor(page).click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(` ${typedText}`)
      started = performance.now() // from the last keystroke
      // Attached, not visible: an FAQ's answer is folded away in its <details>.
      await frame.getByText(typedText).first().waitFor({ state: 'attached', timeout: 15_000 })
      timings.push(`${draft.collection} title ${titleMs} ms, text ${Math.round(performance.now() - started)} ms`)
      await shot(page, `live-preview-${draft.collection}`)

      // Nothing was saved: only articles autosave (every 2 s), the others keep their saved draft.
      if (draft.collection !== 'articles') {
        const saved = await api('GET', `/api/${draft.collection}/${draft.id}?draft=true&depth=0`, {
          login: logins.writer,
        })
        expect(saved.body[draft.titleField]).toBe(draft.title)
        expect(JSON.stringify(saved.body)).not.toContain(typedText)
      }
    }
    // Every merge of typed values was answered, and none may be stored by a browser or CDN.
    expect(liveAnswers.length).toBeGreaterThan(0)
    expect(
      liveAnswers.filter((answer) => answer.status !== 200 || answer.cacheControl !== 'private, no-store'),
    ).toEqual([])
    console.log(
      `Live Preview, typing to frame (Chromium sees the typed text in the site's frame; title from filling it in, text from the last keystroke): ${timings.join('; ')}`,
    )
    await context.close()
  })

  it("renders an article's SEO fields and images (AVIF, WebP, srcset), and sends its old address to the new one", async () => {
    const image = await uploadImage('Warm basalt stones on a towel')
    // Only a draft uses it so far: not public.
    expect((await fetch(image.url)).status).toBe(403)
    const article = await draftArticle(`Stone guide ${suffix}`)
    const seo = {
      metaTitle: `Warm stones ${suffix}`,
      metaDescription: `Why warm stones relax tight muscles ${suffix}.`,
      canonical: `https://www.example-spa.com/guides/${article.slug}`,
      noindex: true,
      image: image.id,
    }
    await api('PATCH', `/api/articles/${article.id}?draft=true`, {
      login: logins.writer,
      body: { heroImage: image.id, seo },
    })
    await submitAndApprove(article.id)
    await transition(article.id, 'publish', logins.reviewer)
    const page = await newVisitor()
    await visitWhenLive(page, `${siteUrl}/articles/${article.slug}`)
    const head = await page.evaluate(() => ({
      title: document.title,
      description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      robots: document.querySelector('meta[name="robots"]')?.getAttribute('content'),
      ogImage: document.querySelector('meta[property="og:image"]')?.getAttribute('content'),
    }))
    expect(head).toMatchObject({
      title: `${seo.metaTitle} · Stillwater Day Spa`,
      description: seo.metaDescription,
      canonical: seo.canonical,
      robots: 'noindex, follow',
    })
    expect(head.ogImage).toMatch(/\/api\/media\/file\/stones-.*\?v=/)
    const hero = page.locator('picture').filter({ has: page.locator('img.hero-image') })
    for (const type of ['image/avif', 'image/webp'])
      expect(await hero.locator(`source[type="${type}"]`).getAttribute('srcset')).toMatch(/ 480w, .* 800w, .* 1600w$/)
    expect(await hero.locator('img').getAttribute('srcset')).toMatch(/\.jpg\?v=\w+ 480w, .* 1800w$/)
    // Public now: Chromium picked the AVIF variant and loaded it.
    const loaded = await hero
      .locator('img')
      .evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, width: img.naturalWidth }))
    expect(loaded.src).toMatch(/\.avif\?v=/)
    expect(loaded.width).toBeGreaterThan(0)
    await shot(page, 'seo-images')

    const renamed = `${article.slug}-renamed`
    await api('PATCH', `/api/articles/${article.id}?draft=true`, { login: logins.writer, body: { slug: renamed } })
    await submitAndApprove(article.id)
    await transition(article.id, 'publish', logins.reviewer)
    const oldUrl = `${siteUrl}/articles/${article.slug}`
    const started = performance.now()
    let moved: Response
    for (;;) {
      moved = await fetch(oldUrl, { redirect: 'manual' })
      if (moved.status === 308 || performance.now() - started > 15_000) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(moved.status).toBe(308)
    // Next repeats the Location header of a redirect thrown while rendering (the same address twice).
    const location = (moved.headers.get('location') ?? '').split(',')[0].trim()
    expect(new URL(location, siteUrl).pathname).toBe(`/articles/${renamed}`)
    await page.goto(oldUrl)
    expect(page.url()).toBe(`${siteUrl}/articles/${renamed}`)
    await page.getByRole('heading', { level: 1, name: `Stone guide ${suffix}` }).waitFor()
    await page.context().close()
  })

  it('shows a published change without a rebuild (prints the publish-to-site latency)', async () => {
    const article = await draftArticle(`Fresh guide ${suffix}`)
    await submitAndApprove(article.id)
    await transition(article.id, 'publish', logins.reviewer)
    const page = await newVisitor()
    const pageUrl = `${siteUrl}/articles/${article.slug}`
    // Wait for the first publish to reach the site, then render the page once so it is cached.
    const firstSeen = performance.now()
    while ((await page.goto(pageUrl))?.status() !== 200) {
      if (performance.now() - firstSeen > 15_000)
        throw new Error(`the site never showed the new article:\n${siteOutput.slice(-2000)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await page.getByRole('heading', { level: 1, name: `Fresh guide ${suffix}` }).waitFor()
    const latencies: number[] = []
    for (let round = 1; round <= 3; round++) {
      const title = `Fresh guide ${suffix} v${round + 1}`
      await api('PATCH', `/api/articles/${article.id}?draft=true`, {
        login: logins.writer,
        body: { title, slug: article.slug },
      })
      await submitAndApprove(article.id)
      // Still the old text until it goes live.
      await page.goto(pageUrl)
      expect(await page.textContent('h1')).not.toBe(title)
      await api('POST', `/api/articles/${article.id}/workflow`, { login: logins.reviewer, body: { action: 'publish' } })
      const published = performance.now()
      for (;;) {
        await page.goto(pageUrl)
        if ((await page.textContent('h1')) === title) break
        if (performance.now() - published > 15_000)
          throw new Error(`the site still shows the old title 15 s after the publish:\n${siteOutput.slice(-2000)}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      latencies.push(performance.now() - published)
    }
    const rounded = latencies.map((ms) => Math.round(ms))
    console.log(
      `publish-to-site latency (publish 200 → Chromium shows the new title), 3 rounds: ${rounded.join(' ms, ')} ms; median ${rounded.sort((a, b) => a - b)[1]} ms`,
    )
    await shot(page, 'published')
    await page.context().close()
  })
})
