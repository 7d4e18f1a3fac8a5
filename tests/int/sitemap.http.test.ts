/**
 * GET /api/sitemap.xml against the real server: published pages only, with their last change,
 * none hidden from search engines (SEO noindex), answered from the read cache and dropped from it
 * when anything public changes.
 */
import { randomSuffix, type ContentCollection } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const SITE_URL = 'https://www.spa.test'
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer({ env: { SITE_URL } }))
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { label: 'sitemap', http })
const withoutSite = httpClient(useServer({ env: { SITE_URL: undefined }, name: 'a server without SITE_URL' }))

const sitemap = async () => {
  const { status, headers, text } = await http.get('/api/sitemap.xml')
  return { status, type: headers.get('content-type'), cache: headers.get('x-cache'), text }
}

/** Change notices reach the server's cache within moments; the sitemap is read until it shows `expected`. */
async function eventually(expected: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const { text } = await sitemap()
    if (expected(text) || Date.now() > deadline) return text
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

it('lists every published page of the site with its last change, and no draft', async () => {
  const article = await fixtures.published('articles', `Sitemap guide ${randomSuffix()}`)
  const technique = await fixtures.published('techniques', `Sitemap stone ${randomSuffix()}`)
  await fixtures.published('faqs', `Sitemap question ${randomSuffix()}`)
  const draft = await fixtures.draft('articles', `Sitemap draft ${randomSuffix()}`)
  const text = await eventually((xml) => xml.includes(String(technique.slug)))
  expect(text).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
  )
  expect(text).toContain(
    `<url><loc>${SITE_URL}/articles/${article.slug}</loc><lastmod>${article.updatedAt}</lastmod></url>`,
  )
  expect(text).toContain(`<loc>${SITE_URL}/techniques/${technique.slug}</loc>`)
  expect(text).toContain(`<loc>${SITE_URL}/faq</loc>`)
  expect(text).not.toContain(String(draft.slug))
  expect((await sitemap()).type).toBe('application/xml; charset=utf-8')
})

it('is answered from the read cache and dropped from it when a page is published', async () => {
  await sitemap()
  expect((await sitemap()).cache).toBe('HIT')
  const article = await fixtures.published('articles', `Sitemap news ${randomSuffix()}`)
  expect(await eventually((xml) => xml.includes(String(article.slug)))).toContain(`/articles/${article.slug}</loc>`)
})

/** The writer's draft of `changes`, submitted, approved and published by the reviewer over HTTP. */
async function publishThroughWorkflow(collection: ContentCollection, id: number, changes: Record<string, unknown>) {
  const saved = await http.patch(`/api/${collection}/${id}?draft=true`, { ...changes, _status: 'draft' }, 'writer')
  expect(saved.status).toBe(200)
  for (const [action, who] of [
    ['submit', 'writer'],
    ['approve', 'reviewer'],
    ['publish', 'reviewer'],
  ] as const) {
    const { status, body } = await http.act(collection, id, action, who, { acknowledgeClaims: true })
    expect({ action, status, body }).toMatchObject({ action, status: 200 })
  }
}

describe('pages hidden from search engines (SEO noindex)', () => {
  it('are left out, while a page listing a whole collection stays with its newest change', async () => {
    const tag = randomSuffix()
    const listed = await fixtures.published('articles', `Indexed guide ${tag}`, { seo: { noindex: false } })
    const hiddenArticle = await fixtures.published('articles', `Hidden guide ${tag}`, { seo: { noindex: true } })
    const hiddenTechnique = await fixtures.published('techniques', `Hidden stone ${tag}`, { seo: { noindex: true } })
    // The FAQ page shows every FAQ, this one too: the page stays listed, and this FAQ is its newest change.
    const hiddenFaq = await fixtures.published('faqs', `Hidden question ${tag}`, { seo: { noindex: true } })
    const text = await eventually((xml) => xml.includes(`<lastmod>${hiddenFaq.updatedAt}</lastmod>`))
    expect(text).toContain(`<loc>${SITE_URL}/articles/${listed.slug}</loc>`)
    expect(text).not.toContain(String(hiddenArticle.slug))
    expect(text).not.toContain(String(hiddenTechnique.slug))
    expect(text).toContain(`<url><loc>${SITE_URL}/faq</loc><lastmod>${hiddenFaq.updatedAt}</lastmod></url>`)
  })

  it('come and go with the publish that changes noindex, never from the cache, and not with a draft', async () => {
    const doc = await fixtures.published('articles', `Guide in and out ${randomSuffix()}`, {
      author: people.writer.id,
      seo: { noindex: false },
    })
    const entry = `<loc>${SITE_URL}/articles/${doc.slug}</loc>`
    const cached = async () => {
      await sitemap()
      const answer = await sitemap()
      expect(answer.cache).toBe('HIT')
      return answer.text
    }
    expect(await eventually((xml) => xml.includes(entry))).toContain(entry)
    expect(await cached()).toContain(entry)

    // A draft that hides the page changes nothing public.
    const hidingDraft = await http.patch(
      `/api/articles/${doc.id}?draft=true`,
      { seo: { noindex: true }, _status: 'draft' },
      'writer',
    )
    expect(hidingDraft.status).toBe(200)
    expect((await sitemap()).text).toContain(entry)

    // Published: gone from the very next answer (the publish drops the cached sitemap before its 200).
    await publishThroughWorkflow('articles', doc.id, { seo: { noindex: true } })
    const hidden = await sitemap()
    expect(hidden.cache).toBe('MISS')
    expect(hidden.text).not.toContain(entry)
    expect(await cached()).not.toContain(entry)

    await publishThroughWorkflow('articles', doc.id, { seo: { noindex: false } })
    const shownAgain = await sitemap()
    expect(shownAgain.cache).toBe('MISS')
    expect(shownAgain.text).toContain(entry)
  })
})

it('answers 404 with the reason when there is no site to list', async () => {
  const { status, body } = await withoutSite.get('/api/sitemap.xml')
  expect(status).toBe(404)
  expect(body.errors[0].message).toMatch(/set SITE_URL/)
})
