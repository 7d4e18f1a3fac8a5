/**
 * The SEO group (src/seo) on all four content collections, against the real server: it is part of
 * the document, so anonymous readers get the published one only (REST, GraphQL, local API with
 * overrideAccess: false) while staff read the draft's; a canonical address that is not a full
 * http(s) URL cannot go live.
 */
import { CONTENT_COLLECTIONS, GRAPHQL, randomSuffix, type ContentCollection } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer', admin: 'admin' }, { label: 'seo', http })

const publishedSeo = (tag: string) => ({
  metaTitle: `Live title ${tag}`,
  metaDescription: `Live description ${tag}`,
  canonical: `https://www.spa.test/live/${tag}`,
  noindex: false,
})
const draftSeo = (tag: string) => ({
  metaTitle: `Draft title ${tag}`,
  metaDescription: `Draft description ${tag}`,
  canonical: `https://www.spa.test/draft/${tag}`,
  noindex: true,
})

describe.each(CONTENT_COLLECTIONS)('the SEO fields of %s', (collection: ContentCollection) => {
  const tag = randomSuffix()
  let id: number
  beforeAll(async () => {
    const doc = await fixtures.published(collection, `SEO ${collection} ${tag}`, { seo: publishedSeo(tag) })
    id = doc.id
    await payload.update({
      collection,
      id,
      data: { seo: draftSeo(tag), _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
  })

  it('are the published ones for anonymous readers (REST, ?draft=true, GraphQL, local API)', async () => {
    for (const path of [`/api/${collection}/${id}`, `/api/${collection}/${id}?draft=true`]) {
      const { status, body } = await http.get(path)
      expect(status).toBe(200)
      expect(body.seo).toMatchObject(publishedSeo(tag))
    }
    const { body } = await http.graphql(
      `{ ${GRAPHQL[collection].one}(id: ${id}, draft: true) { seo { metaTitle metaDescription canonical noindex } } }`,
    )
    expect(body.data[GRAPHQL[collection].one].seo).toEqual(publishedSeo(tag))
    const local = await payload.findByID({ collection, id, draft: true, overrideAccess: false })
    expect(local.seo).toMatchObject(publishedSeo(tag))
  })

  it("are the draft's for staff asking for the draft", async () => {
    for (const who of ['writer', 'reviewer', 'admin']) {
      const { body } = await http.get(`/api/${collection}/${id}?draft=true`, who)
      expect(body.seo).toMatchObject(draftSeo(tag))
    }
    const local = await payload.findByID({ collection, id, draft: true, overrideAccess: false, user: people.reviewer })
    expect(local.seo).toMatchObject(draftSeo(tag))
  })
})

it('refuses to publish a canonical address that is not a full http(s) URL, and keeps the live one', async () => {
  const tag = randomSuffix()
  const doc = await fixtures.published('articles', `SEO canonical ${tag}`, { seo: publishedSeo(tag) })
  for (const canonical of ['javascript:alert(1)', '/articles/relative', 'not a url']) {
    await expect(
      payload.update({
        collection: 'articles',
        id: doc.id,
        data: { seo: { canonical }, _status: 'published' },
        overrideAccess: true,
        context: { systemPublish: true },
      }),
    ).rejects.toThrow(/Canonical URL/)
  }
  const { body } = await http.get(`/api/articles/${doc.id}`)
  expect(body.seo.canonical).toBe(publishedSeo(tag).canonical)
})
