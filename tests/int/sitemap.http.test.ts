/**
 * GET /api/sitemap.xml against the real server: published pages only, with their last change,
 * answered from the read cache and dropped from it when anything public changes.
 */
import { randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer } from '../helpers/suite'

const SITE_URL = 'https://www.spa.test'
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer({ env: { SITE_URL } }))
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

it('answers 404 with the reason when there is no site to list', async () => {
  const { status, body } = await withoutSite.get('/api/sitemap.xml')
  expect(status).toBe(404)
  expect(body.errors[0].message).toMatch(/set SITE_URL/)
})
