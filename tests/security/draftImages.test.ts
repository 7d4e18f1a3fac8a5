/**
 * Images of drafts are not public until the draft is (src/images): an image that only unpublished
 * drafts use cannot be read anonymously, on any path (REST by id and in lists, GraphQL, the file
 * and its variants, the local API with overrideAccess: false); staff always read it. Once a
 * published document shows it, everyone may, under new addresses whose files are cached for good;
 * when no published document shows it any more, it is private again. Nobody sets that by hand.
 * A preview link shows its draft's images, and no other draft's.
 */
import sharp from 'sharp'

import { randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useCleanup, useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const mediaIds: number[] = []
const payload = useLocalPayload()
useCleanup('the images', async () => {
  if (mediaIds.length)
    await payload.delete({ collection: 'media', where: { id: { in: mediaIds } }, overrideAccess: true })
})
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(
  fixtures,
  { writer: 'writer', reviewer: 'reviewer', admin: 'admin' },
  { label: 'draft-images', http },
)
const STAFF = ['writer', 'reviewer', 'admin']

interface MediaDoc {
  id: number
  url: string
  onLivePages?: boolean
  sizes: Record<string, { url: string | null; width: number | null; mimeType: string | null }>
}

/** A 600 × 400 JPEG: big enough for the `small` variants, below `card`. */
async function newImage(): Promise<MediaDoc> {
  const data = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#8fb3a9' } })
    .jpeg()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt: `Draft image ${randomSuffix()}` },
    file: { data, mimetype: 'image/jpeg', name: `draft-${randomSuffix()}.jpg`, size: data.length },
    overrideAccess: true,
  })
  mediaIds.push(image.id)
  return image as unknown as MediaDoc
}

const pathOf = (url: string) => {
  const address = new URL(url, http.baseUrl)
  return address.pathname + address.search
}

/** Every way to read the image, as `who`: what each answered. */
async function reads(image: MediaDoc, who?: string) {
  const rest = await http.get(`/api/media/${image.id}`, who)
  const list = await http.get(`/api/media?where[id][equals]=${image.id}`, who)
  const graphql = await http.graphql(`{ Media(id: ${image.id}) { id url } }`, who)
  const file = await http.get(pathOf(image.url), who)
  const variant = await http.get(pathOf(image.sizes.smallWebp.url ?? ''), who)
  return {
    rest: rest.status,
    list: list.body.docs.length,
    graphql: graphql.body.data?.Media?.id ?? null,
    file: file.status,
    variant: variant.status,
  }
}

const readable = (image: MediaDoc) => ({ rest: 200, list: 1, graphql: image.id, file: 200, variant: 200 })
// By id, an unreadable document is answered as missing (src/security/documentAccess.ts).
const unreadable = { rest: 404, list: 0, graphql: null, file: 403, variant: 403 }

async function anonymousLocalRead(id: number) {
  return payload
    .findByID({ collection: 'media', id, overrideAccess: false, disableErrors: true })
    .then((doc) => doc?.id ?? null)
}

describe('an image used only by a draft', () => {
  let image: MediaDoc
  beforeAll(async () => {
    image = await newImage()
    await fixtures.draft('articles', `Draft with image ${randomSuffix()}`, { heroImage: image.id })
    await fixtures.publishedWithDraft('techniques', `Live ${randomSuffix()}`, `Draft ${randomSuffix()}`)
  })

  it('cannot be read anonymously on any path', async () => {
    expect(await reads(image)).toEqual(unreadable)
    expect(await anonymousLocalRead(image.id)).toBeNull()
  })

  it('can be read by staff on every path', async () => {
    for (const who of STAFF) expect(await reads(image, who)).toEqual(readable(image))
    const local = await payload.findByID({
      collection: 'media',
      id: image.id,
      overrideAccess: false,
      user: people.writer,
    })
    expect(local.id).toBe(image.id)
  })

  it('is not made public by a client setting the flag (REST, GraphQL)', async () => {
    const patched = await http.patch(`/api/media/${image.id}`, { onLivePages: true }, 'admin')
    expect(patched.status).toBe(200)
    await http.graphql(`mutation { updateMedia(id: ${image.id}, data: { onLivePages: true }) { id } }`, 'admin')
    const stored = await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })
    expect(stored.onLivePages).toBe(false)
    expect((await reads(image)).rest).toBe(404)
  })
})

describe("a preview link's draft", () => {
  let shown: MediaDoc
  let otherDrafts: MediaDoc
  let article: number
  let token: string
  beforeAll(async () => {
    shown = await newImage()
    otherDrafts = await newImage()
    article = (await fixtures.draft('articles', `Previewed ${randomSuffix()}`, { heroImage: shown.id })).id
    await fixtures.draft('articles', `Not previewed ${randomSuffix()}`, { heroImage: otherDrafts.id })
    const link = await http.post(`/api/articles/${article}/preview-link`, {}, 'writer')
    token = link.body.token
  })

  it('shows its own images to the holder of the link, on every path', async () => {
    const headers = { 'x-preview-token': token }
    expect((await http.get(`/api/media/${shown.id}`, undefined, { headers })).status).toBe(200)
    expect((await http.get(pathOf(shown.url), undefined, { headers })).status).toBe(200)
    const populated = await http.get(`/api/articles/${article}?depth=1`, undefined, { headers })
    expect(populated.body.heroImage.id).toBe(shown.id)
    const graphql = await http.graphql(`{ Article(id: ${article}) { heroImage { id } } }`, undefined, { headers })
    expect(graphql.body.data.Article.heroImage.id).toBe(shown.id)
  })

  it("shows no other draft's images with that link, and none without it", async () => {
    const headers = { 'x-preview-token': token }
    expect((await http.get(`/api/media/${otherDrafts.id}`, undefined, { headers })).status).toBe(404)
    expect((await http.get(pathOf(otherDrafts.url), undefined, { headers })).status).toBe(403)
    const list = await http.get(`/api/media?limit=100`, undefined, { headers })
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(otherDrafts.id)
    expect(await reads(shown)).toEqual(unreadable)
  })
})

describe('an image a published document shows', () => {
  let image: MediaDoc
  let article: number
  beforeAll(async () => {
    image = await newImage()
    article = (await fixtures.draft('articles', `Soon live ${randomSuffix()}`, { heroImage: image.id })).id
  })

  it('becomes public with the publication, under new addresses cached for good', async () => {
    await payload.update({
      collection: 'articles',
      id: article,
      data: { _status: 'published' },
      overrideAccess: true,
      context: { systemPublish: true },
    })
    const live = (await payload.findByID({ collection: 'media', id: image.id, overrideAccess: false })) as MediaDoc
    expect(live.onLivePages).toBe(true)
    expect(live.url).toMatch(/\?v=[0-9a-z]+$/)
    expect(pathOf(live.url)).not.toBe(pathOf(image.url))
    expect(await reads(live)).toEqual(readable(live))
    const file = await http.get(pathOf(live.sizes.smallAvif.url ?? ''))
    expect(file.headers.get('content-type')).toBe('image/avif')
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(file.headers.get('vary')).toMatch(/Cookie, Authorization, X-Preview-Token/)
    // Populated into the public article too.
    const { body } = await http.get(`/api/articles/${article}?depth=1`)
    expect(pathOf(body.heroImage.url)).toBe(pathOf(live.url))
    image = live
  })

  it('is private again when no published document shows it any more', async () => {
    await payload.update({
      collection: 'articles',
      id: article,
      data: { _status: 'draft' },
      overrideAccess: true,
      context: { systemPublish: true },
    })
    const after = (await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })) as MediaDoc
    expect(after.onLivePages).toBe(false)
    expect(await reads(after)).toEqual(unreadable)
  })

  it('stays public while another published document still shows it (the SEO image of an FAQ)', async () => {
    const faq = await fixtures.published('faqs', `Shows it ${randomSuffix()}`, { seo: { image: image.id } })
    const other = await fixtures.published('articles', `Also shows it ${randomSuffix()}`, { heroImage: image.id })
    await payload.delete({ collection: 'articles', id: other.id, overrideAccess: true })
    const still = (await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })) as MediaDoc
    expect(still.onLivePages).toBe(true)
    await payload.delete({ collection: 'faqs', id: faq.id, overrideAccess: true })
    const gone = (await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })) as MediaDoc
    expect(gone.onLivePages).toBe(false)
  })
})

describe('a new image on a live page, through the workflow', () => {
  let before: MediaDoc
  let after: MediaDoc
  let article: number
  const flagOf = async (image: MediaDoc) =>
    ((await payload.findByID({ collection: 'media', id: image.id, overrideAccess: true })) as MediaDoc).onLivePages
  const goLive = async () => {
    for (const [action, who] of [
      ['submit', 'admin'],
      ['approve', 'reviewer'],
      ['publish', 'reviewer'],
    ]) {
      const answer = await http.act('articles', article, action, who)
      expect(answer.status).toBe(200)
      // The draft saves of submit and approve leave the live page, and so its images, as they were.
      if (action !== 'publish') expect([await flagOf(before), await flagOf(after)]).toEqual([true, false])
    }
  }
  beforeAll(async () => {
    before = await newImage()
    after = await newImage()
    article = (await fixtures.draft('articles', `Changes image ${randomSuffix()}`, { heroImage: before.id })).id
    for (const [action, who] of [
      ['submit', 'admin'],
      ['approve', 'reviewer'],
      ['publish', 'reviewer'],
    ])
      expect((await http.act('articles', article, action, who)).status).toBe(200)
  })

  it('is public once the version showing it is published, and the image it replaced is private again', async () => {
    expect([await flagOf(before), await flagOf(after)]).toEqual([true, false])
    const edit = await http.patch(`/api/articles/${article}?draft=true`, { heroImage: after.id }, 'admin')
    expect(edit.status).toBe(200)
    await goLive()
    expect([await flagOf(before), await flagOf(after)]).toEqual([false, true])
  })
})
