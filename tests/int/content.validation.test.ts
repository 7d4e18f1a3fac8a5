/**
 * What content may be saved: excerpts (required to publish, at most 300 characters), slugs
 * (generated, URL-safe, unique per collection counting drafts), safe source links in myths and
 * unique technique names. Mostly through the local API as a reviewer, plus REST and GraphQL.
 */
import {
  asUser,
  CONTENT_COLLECTIONS,
  contentData,
  randomSuffix,
  richText,
  type ContentCollection,
  type ContentDoc,
} from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(fixtures, { reviewer: 'reviewer' }, { label: 'content-validation', http })

const suffix = randomSuffix()
let counter = 0
/** A fresh, unique text for a title or slug. */
const unique = (label: string) => `${label} ${suffix} ${++counter}`
const uniqueSlug = (label: string) => `${label}-${suffix}-${++counter}`

const SLUG_FORMAT_MESSAGE =
  'A slug may contain only lowercase letters, digits and single hyphens between words (e.g. "hot-stone-massage").'
const slugTakenMessage = (slug: string, collection: ContentCollection) =>
  `The slug "${slug}" is already used by another document in ${collection}. Choose another.`

/**
 * Going public goes through the workflow; these tests check the validation Payload applies to
 * any published save, so they publish the way the workflow's system writes do.
 */
const publishing = (draft: boolean) => (draft ? {} : { context: { systemPublish: true } })

/** Creates a document as the reviewer; whatever gets created is deleted in afterAll. */
async function create(
  collection: ContentCollection,
  data: Record<string, unknown>,
  { draft = false } = {},
): Promise<ContentDoc> {
  const doc = (await payload.create({
    collection,
    data: { ...data, _status: draft ? 'draft' : 'published' } as never,
    draft,
    ...publishing(draft),
    ...asUser(people.reviewer),
  })) as unknown as ContentDoc
  fixtures.track(collection, doc.id)
  return doc
}

async function update(
  collection: ContentCollection,
  id: number,
  data: Record<string, unknown>,
  { draft = false } = {},
) {
  return (await payload.update({
    collection,
    id,
    data: { ...data, _status: draft ? 'draft' : 'published' } as never,
    draft,
    ...publishing(draft),
    ...asUser(people.reviewer),
  })) as unknown as ContentDoc
}

/** The promise fails with a 400 ValidationError on `path` (and `message`, when given). */
async function expectInvalid(promise: Promise<unknown>, path: string, message?: string | RegExp) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toMatchObject({ name: 'ValidationError', status: 400 })
  const errors = (error as { data: { errors: { path: string; message: string }[] } }).data.errors
  const fieldError = errors.find((entry) => entry.path === path)
  expect(fieldError).toBeDefined()
  if (typeof message === 'string') expect(fieldError?.message).toBe(message)
  else if (message) expect(fieldError?.message).toMatch(message)
}

const article = (extra: Record<string, unknown> = {}) => ({ ...contentData('articles', unique('Article')), ...extra })

describe('article excerpts', () => {
  it('are required to publish', async () => {
    await expectInvalid(create('articles', article({ excerpt: undefined })), 'excerpt')
    await expectInvalid(create('articles', article({ excerpt: '' })), 'excerpt')
  })

  it('are not required in a draft, but are to publish it later', async () => {
    const draft = await create('articles', article({ excerpt: undefined }), { draft: true })
    expect(draft._status).toBe('draft')
    await expectInvalid(update('articles', draft.id, {}), 'excerpt')
    const published = await update('articles', draft.id, { excerpt: 'Now with a teaser.' })
    expect(published._status).toBe('published')
  })

  it('have at most 300 characters', async () => {
    await expectInvalid(create('articles', article({ excerpt: 'x'.repeat(301) })), 'excerpt')
    const draft = await create('articles', article({ excerpt: 'x'.repeat(301) }), { draft: true })
    await expectInvalid(update('articles', draft.id, {}), 'excerpt')
    const longest = await create('articles', article({ excerpt: 'x'.repeat(300) }))
    expect(longest.excerpt).toHaveLength(300)
  })
})

describe('slugs', () => {
  it('are generated from the title when omitted', async () => {
    const doc = await create('articles', article({ title: `Hot Stone Massage: Why It Works! ${suffix}` }))
    expect(doc.slug).toBe(`hot-stone-massage-why-it-works-${suffix}`)
  })

  it.each(CONTENT_COLLECTIONS)('are generated from the title field of %s, drafts included', async (collection) => {
    const doc = await create(collection, contentData(collection, `Ça & Co: Étude ${suffix}`), { draft: true })
    expect(doc.slug).toBe(`ca-and-co-etude-${suffix}`)
  })

  it.each(['Hot Stone', 'Hot-Stone', 'hot_stone', 'hot--stone', '-hot-stone', 'hot/stone', 'hot-stone?x=1', 'héhé'])(
    'refuse a malformed slug (%j), even in a draft, with a clear message',
    async (bad) => {
      await expectInvalid(create('articles', article({ slug: `${bad}-${suffix}` })), 'slug', SLUG_FORMAT_MESSAGE)
      await expectInvalid(
        create('articles', article({ slug: `${bad}-${suffix}` }), { draft: true }),
        'slug',
        SLUG_FORMAT_MESSAGE,
      )
    },
  )

  it('refuse a slug that is too long', async () => {
    await expectInvalid(create('articles', article({ slug: `a${'-b'.repeat(48)}` })), 'slug', /at most 96 characters/)
  })

  it.each([
    ['two published documents', false, false],
    ['two drafts', true, true],
    ['a draft, then a published document', true, false],
    ['a published document, then a draft', false, true],
  ])('are unique per collection: %s cannot share one', async (_label, firstDraft, secondDraft) => {
    for (const collection of CONTENT_COLLECTIONS) {
      const slug = uniqueSlug('shared')
      await create(collection, { ...contentData(collection, unique('First')), slug }, { draft: firstDraft })
      await expectInvalid(
        create(collection, { ...contentData(collection, unique('Second')), slug }, { draft: secondDraft }),
        'slug',
        slugTakenMessage(slug, collection),
      )
    }
  })

  it('are unique against the pending draft of a published document', async () => {
    const reserved = uniqueSlug('renamed')
    const doc = await create('articles', article())
    await update('articles', doc.id, { slug: reserved }, { draft: true })
    await expectInvalid(
      create('articles', article({ slug: reserved }), { draft: true }),
      'slug',
      slugTakenMessage(reserved, 'articles'),
    )
  })

  it('cannot be taken over by renaming another document', async () => {
    const first = await create('techniques', {
      ...contentData('techniques', unique('First')),
      slug: uniqueSlug('taken'),
    })
    const second = await create('techniques', contentData('techniques', unique('Second')), { draft: true })
    await expectInvalid(
      update('techniques', second.id, { slug: first.slug }, { draft: true }),
      'slug',
      slugTakenMessage(first.slug, 'techniques'),
    )
  })

  it('do not clash with the document’s own earlier versions', async () => {
    const doc = await create('articles', article(), { draft: true })
    await update('articles', doc.id, { title: unique('Retitled'), slug: doc.slug }, { draft: true })
    const published = await update('articles', doc.id, { slug: doc.slug })
    expect(published.slug).toBe(doc.slug)
  })

  it('may be shared across collections', async () => {
    const slug = uniqueSlug('everywhere')
    for (const collection of CONTENT_COLLECTIONS) {
      const doc = await create(collection, { ...contentData(collection, unique(collection)), slug })
      expect(doc.slug).toBe(slug)
    }
  })
})

describe('myth sources', () => {
  const myth = (url: string) => ({ ...contentData('myths', unique('Myth')), sources: [{ title: 'A study', url }] })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'not a url',
  ])('refuse the link %j', async (url) => {
    await expectInvalid(create('myths', myth(url)), 'sources.0.url')
  })

  it('refuse to publish a draft with a javascript: link', async () => {
    const draft = (await payload.create({
      collection: 'myths',
      data: { ...myth('https://example.com'), _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })) as unknown as ContentDoc
    fixtures.track('myths', draft.id)
    await expectInvalid(
      update('myths', draft.id, { sources: [{ title: 'A study', url: 'javascript:alert(1)' }] }),
      'sources.0.url',
    )
  })

  // Payload skips field validation for drafts: ensureSafeSourceLinks guards source links for them.
  it('refuse a javascript: link even in a draft', async () => {
    await expectInvalid(create('myths', myth('javascript:alert(1)'), { draft: true }), 'sources.0.url')
  })

  it('accept http(s) links', async () => {
    const doc = await create('myths', {
      ...myth('https://example.com/study'),
      sources: [
        { title: 'A', url: 'https://example.com/a' },
        { title: 'B', url: 'http://example.org/b' },
      ],
    })
    expect(doc.sources).toHaveLength(2)
  })
})

describe('technique names', () => {
  const technique = (name: string) => ({ name, slug: uniqueSlug('technique'), description: richText(name) })

  it('are unique', async () => {
    const name = unique('Lomi Lomi')
    await create('techniques', technique(name))
    await expectInvalid(create('techniques', technique(name)), 'name')
  })

  it('are unique among drafts too', async () => {
    const name = unique('Tui Na')
    await create('techniques', technique(name), { draft: true })
    await expectInvalid(create('techniques', technique(name), { draft: true }), 'name')
  })
})

describe('over REST', () => {
  it('refuses publishing directly: going public goes through the workflow', async () => {
    const { status, body } = await http.post(
      '/api/articles',
      { title: unique('REST article'), _status: 'published' },
      'reviewer',
    )
    if (body?.doc?.id) fixtures.track('articles', body.doc.id)
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/Publishing goes through review/)
  })

  it('saves the same article as a draft', async () => {
    const { status, body } = await http.post(
      '/api/articles?draft=true',
      { title: unique('REST draft'), _status: 'draft' },
      'reviewer',
    )
    if (body?.doc?.id) fixtures.track('articles', body.doc.id)
    expect(status).toBe(201)
    expect(body.doc._status).toBe('draft')
  })

  it('answers 400 naming the slug, with a clear message, when the slug is taken', async () => {
    const slug = uniqueSlug('rest-taken')
    await create('faqs', { ...contentData('faqs', unique('First FAQ')), slug })
    const { status, body } = await http.post(
      '/api/faqs?draft=true',
      { question: unique('Second FAQ'), slug, _status: 'draft' },
      'reviewer',
    )
    if (body?.doc?.id) fixtures.track('faqs', body.doc.id)
    expect(status).toBe(400)
    expect(body.errors[0].data.errors).toEqual([{ path: 'slug', message: slugTakenMessage(slug, 'faqs') }])
  })
})

describe('over GraphQL', () => {
  it('refuses publishing directly: going public goes through the workflow', async () => {
    const { body } = await http.graphql(
      `mutation { createArticle(data: { title: "${unique('GraphQL article')}", excerpt: "Teaser", _status: published }) { id } }`,
      'reviewer',
    )
    if (body.data?.createArticle?.id) fixtures.track('articles', body.data.createArticle.id)
    expect(body.data?.createArticle ?? null).toBeNull()
    expect(body.errors[0].extensions).toMatchObject({ statusCode: 403 })
    expect(body.errors[0].message).toMatch(/Publishing goes through review/)
  })

  it('refuses a malformed slug in a draft, with the reason', async () => {
    const { body } = await http.graphql(
      `mutation { createArticle(draft: true, data: { title: "${unique('GraphQL draft')}", excerpt: "", slug: "Not A Slug", _status: draft }) { id } }`,
      'reviewer',
    )
    if (body.data?.createArticle?.id) fixtures.track('articles', body.data.createArticle.id)
    expect(body.data?.createArticle ?? null).toBeNull()
    expect(body.errors[0].extensions).toMatchObject({ name: 'ValidationError', statusCode: 400 })
    expect(body.errors[0].extensions.data.errors).toEqual([{ path: 'slug', message: SLUG_FORMAT_MESSAGE }])
  })
})
