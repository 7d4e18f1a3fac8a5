/**
 * Importing articles: `npm run import` and POST /api/articles/import. Imports are drafts, each
 * under a slug of its own; a saved web page gives its article and what it says about it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Article } from '../../payload-types'
import { httpClient, type Who } from '../helpers/http'
import { runProjectScript } from '../helpers/scripts'
import { useCleanup, useFixtures, useLocalPayload, useServer, useTempDir, useUsers } from '../helpers/suite'

const unique = Math.random().toString(36).slice(2, 8)
/** Web-page imports share the fixtures' title, so they are cleaned up by id. */
const importedIds: number[] = []
const WEB_PAGES = path.join(process.cwd(), 'tests/fixtures/import')

const article = (title: string) => `# ${title}

An introduction with **bold** and a [link](https://example.com).

## Techniques

- Swedish
- Deep tissue

| Technique | Feels like |
| --- | --- |
| Swedish | Gentle |
`

const dir = useTempDir('spa-cms-import-')
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(fixtures, { writer: 'writer' }, { label: 'importer', http })
useCleanup('the imported articles', () =>
  payload.delete({
    collection: 'articles',
    where: { or: [{ slug: { contains: unique } }, { id: { in: importedIds } }] },
    overrideAccess: true,
  }),
)

async function findBySlug(slug: string): Promise<Article | undefined> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    draft: true,
    overrideAccess: true,
  })
  return docs[0]
}

describe('npm run import', () => {
  it('creates a draft from a Markdown file and says what it made', async () => {
    const file = path.join(dir.path, 'guide.md')
    writeFileSync(file, article(`Hot Stone Basics ${unique}`))
    const result = await runProjectScript('import', [file, '--as', people.writer.email])
    expect(result.code).toBe(0)
    expect(result.output).toMatch(
      new RegExp(`created draft article #\\d+ "Hot Stone Basics ${unique}" \\(slug: hot-stone-basics-${unique}\\)`),
    )
    const draft = await findBySlug(`hot-stone-basics-${unique}`)
    expect(draft?._status).toBe('draft')
    const author = draft?.author
    expect(typeof author === 'object' && author ? author.id : author).toBe(people.writer.id)
    expect(draft?.content?.root.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'list', 'table'])
  })

  it('gives a second import with the same title the next free slug, and says so', async () => {
    const file = path.join(dir.path, 'again.md')
    writeFileSync(file, article(`Hot Stone Basics ${unique}`))
    const result = await runProjectScript('import', [file, '--as', people.writer.email])
    expect(result.code).toBe(0)
    expect(result.output).toContain(`(slug: hot-stone-basics-${unique}-2)`)
    expect(result.output).toContain(
      `warning: The slug "hot-stone-basics-${unique}" is already used by another article, so this draft's slug is "hot-stone-basics-${unique}-2"`,
    )
    expect((await findBySlug(`hot-stone-basics-${unique}-2`))?.title).toBe(`Hot Stone Basics ${unique}`)
  })

  it('imports a saved web page as its article, with what the page says about it', async () => {
    const result = await runProjectScript('import', [
      path.join(WEB_PAGES, 'generatepress.html'),
      '--as',
      people.writer.email,
    ])
    expect(result.code).toBe(0)
    const id = Number(
      result.output.match(/created draft article #(\d+) "What to expect from a hot stone massage"/)?.[1],
    )
    importedIds.push(id)
    expect(result.output).toContain('warning: The page names "Maria Lindqvist" as its author.')
    expect(result.output).toContain(
      'warning: The page\'s featured image was not imported: https://serenity-spa.example/wp-content/uploads/2024/03/hot-stones-towel.jpg (alt text "Smooth black basalt stones on a folded white towel").',
    )
    const draft = await payload.findByID({ collection: 'articles', id, draft: true, overrideAccess: true })
    expect(draft.publishedAt).toBe('2024-03-12T09:30:00.000Z')
    expect(draft.excerpt).toMatch(/^Warm basalt stones/)
  })

  it.each([
    ['an unreadable file', () => [path.join(dir.path, 'missing.md')], 'Cannot read'],
    ['an empty document', () => [writeTemp('empty.md', '  \n')], 'The document is empty.'],
    ['an unknown format', () => [writeTemp('notes.txt', '# Notes')], 'Cannot tell the format'],
    ['no file at all', () => [], 'usage: npm run import'],
  ])('fails with a clear message on %s', async (_label, args, message) => {
    const result = await runProjectScript('import', [...args(), '--as', people.writer.email])
    expect(result.code).toBe(1)
    expect(result.output).toContain(message)
    expect(result.output).not.toMatch(/\n\s+at /)
  })
})

function writeTemp(name: string, content: string): string {
  const file = path.join(dir.path, name)
  writeFileSync(file, content)
  return file
}

describe('POST /api/articles/import', () => {
  const post = (body: unknown, who?: Who) => http.post('/api/articles/import', body, who)

  interface Imported {
    id: number
    title: string
    slug: string
    warnings: string[]
  }

  async function importHtml(source: string, as: Who = 'writer'): Promise<Imported> {
    const response = await post({ format: 'html', source }, as)
    const body = response.body as Imported
    expect({ status: response.status, body }).toEqual({
      status: 201,
      body: expect.objectContaining({ id: expect.any(Number) }),
    })
    importedIds.push(body.id)
    return body
  }

  const webPage = (file: string) => readFileSync(path.join(WEB_PAGES, file), 'utf8')

  it('refuses anonymous callers', async () => {
    const response = await post({ format: 'markdown', source: article('Nope') })
    expect(response.status).toBe(401)
  })

  it('turns JSON HTML into a draft owned by the caller, with warnings', async () => {
    const html = `<h1>Aromatherapy Notes ${unique}</h1><p>Oils <em>matter</em>.</p><img src="x.png"><ul><li>Lavender</li></ul>`
    const response = await post({ format: 'html', source: html }, 'writer')
    expect(response.status).toBe(201)
    const body = response.body as { id: number; slug: string; warnings: string[] }
    expect(body.slug).toBe(`aromatherapy-notes-${unique}`)
    expect(body.warnings.join(' ')).toMatch(/image/i)
    const draft = await findBySlug(body.slug)
    expect(draft?._status).toBe('draft')
    expect(draft?.content?.root.children.map((node) => node.type)).toEqual(['paragraph', 'list'])
  })

  it('accepts a multipart Markdown file', async () => {
    const form = new FormData()
    form.append('file', new Blob([article(`Sports Recovery ${unique}`)], { type: 'text/markdown' }), 'sports.md')
    const response = await post(form, 'writer')
    expect(response.status).toBe(201)
    expect((response.body as { slug: string }).slug).toBe(`sports-recovery-${unique}`)
  })

  it.each([
    ['an unknown format', { format: 'docx', source: 'x' }, '"format" must be "markdown" or "html".'],
    ['an empty document', { format: 'markdown', source: '' }, 'The document is empty.'],
    ['a document without a title', { format: 'markdown', source: 'Just text.' }, 'No title found'],
  ])('answers 400 for %s', async (_label, body, message) => {
    const response = await post(body, 'writer')
    expect(response.status).toBe(400)
    expect((response.body as { errors: { message: string }[] }).errors[0].message).toContain(message)
  })
  it('imports a saved web page as its article and fills excerpt, SEO description and publication date from it', async () => {
    const imported = await importHtml(webPage('astra.html'))
    expect(imported.title).toBe('What to expect from a hot stone massage')
    expect(imported.warnings).toEqual([
      '1 image was skipped: upload them to Media and insert them in the editor.',
      'The page names "Maria Lindqvist" as its author. The draft\'s author is you, who imported it (authorship cannot be given to someone else): credit the original author in the text if you need to.',
      'The page\'s category "Massage guides" was not kept: articles have no categories.',
      'The page\'s featured image was not imported: https://serenity-spa.example/wp-content/uploads/2024/03/hot-stones-towel.jpg (alt text "Smooth black basalt stones on a folded white towel"). Upload it to Media and choose it as the hero image.',
      ...imported.warnings.filter((warning) => warning.startsWith('The slug ')),
    ])
    const draft = await payload.findByID({ collection: 'articles', id: imported.id, draft: true, overrideAccess: true })
    const description =
      'Warm basalt stones, gentle pressure and a slower pace: what happens before, during and after a hot stone massage at Serenity Day Spa.'
    expect({
      excerpt: draft.excerpt,
      metaDescription: draft.seo?.metaDescription,
      publishedAt: draft.publishedAt,
      status: draft._status,
    }).toEqual({
      excerpt: description,
      metaDescription: description,
      publishedAt: '2024-03-12T09:30:00.000Z',
      status: 'draft',
    })
    const author = draft.author
    expect(typeof author === 'object' && author ? author.id : author).toBe(people.writer.id)
    const body = JSON.stringify(draft.content)
    for (const chrome of ['Book now', 'Recent Posts', 'Search for', 'Leave a Comment', 'Previous Post', 'Copyright'])
      expect(body).not.toContain(chrome)
  })

  it('does not mention a byline that names the importer', async () => {
    const maria = await fixtures.user('writer', 'maria')
    try {
      await payload.update({
        collection: 'users',
        id: maria.id,
        data: { name: 'Maria Lindqvist' },
        overrideAccess: true,
      })
      await http.login(maria.email, 'maria')
      const imported = await importHtml(webPage('twenty-twenty-four.html'), 'maria')
      expect(imported.warnings.join(' ')).not.toContain('as its author')
      expect(imported.warnings.join(' ')).toContain('featured image')
    } finally {
      await payload.delete({ collection: 'articles', where: { author: { equals: maria.id } }, overrideAccess: true })
      await payload.delete({ collection: 'users', id: maria.id, overrideAccess: true })
    }
  })

  it('keeps out what does not fit an article field, and says why', async () => {
    const longDescription = `${'A calm, unhurried facial. '.repeat(8)}`.trim()
    const page = `<html><head><title>Facial basics ${unique}</title><meta name="description" content="${longDescription}"><meta property="article:published_time" content="last Tuesday"></head><body><header><nav><a href="/book">Book now</a></nav></header><main><article><h1>Facial basics ${unique}</h1><p>Cleanse, tone, moisturise.</p></article></main><footer>© Spa</footer></body></html>`
    const imported = await importHtml(page)
    expect(imported.warnings).toEqual([
      "The page's description is longer than an SEO description may be (160 characters): write one in the SEO fields.",
      'The page\'s publication date "last Tuesday" is not a date the importer can read, so it was not kept.',
    ])
    const draft = await payload.findByID({ collection: 'articles', id: imported.id, draft: true, overrideAccess: true })
    expect({
      excerpt: draft.excerpt,
      metaDescription: draft.seo?.metaDescription ?? null,
      publishedAt: draft.publishedAt ?? null,
    }).toEqual({
      excerpt: longDescription,
      metaDescription: null,
      publishedAt: null,
    })
  })

  it('imports a plain HTML fragment as before: no page fields, no page warnings', async () => {
    const imported = await importHtml(`<h1>Foot care ${unique}</h1><p>Warm water, then <strong>cream</strong>.</p>`)
    expect(imported.warnings).toEqual([])
    const draft = await payload.findByID({ collection: 'articles', id: imported.id, draft: true, overrideAccess: true })
    expect({ excerpt: draft.excerpt ?? null, publishedAt: draft.publishedAt ?? null }).toEqual({
      excerpt: null,
      publishedAt: null,
    })
  })
})

describe('POST /api/articles/import: slugs', () => {
  const importTitle = async (title: string) => {
    const response = await http.post('/api/articles/import', { format: 'markdown', source: article(title) }, 'writer')
    return { status: response.status, body: response.body as { slug: string; warnings: string[] } }
  }

  it('gives three imports of one title sent at once three slugs, the later ones numbered and explained', async () => {
    const title = `Deep Tissue Myths ${unique}`
    const results = await Promise.all([importTitle(title), importTitle(title), importTitle(title)])
    expect(results.map((result) => result.status)).toEqual([201, 201, 201])
    const base = `deep-tissue-myths-${unique}`
    expect(results.map((result) => result.body.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`])
    for (const { body } of results) {
      const explained = body.warnings.some((warning) =>
        warning.startsWith(
          `The slug "${base}" is already used by another article, so this draft's slug is "${body.slug}"`,
        ),
      )
      expect({ slug: body.slug, explained }).toEqual({ slug: body.slug, explained: body.slug !== base })
    }
  })

  it('avoids a slug that only a newer draft of another article uses', async () => {
    const base = `spa-etiquette-${unique}`
    const live = await fixtures.published('articles', `Older etiquette ${unique}`)
    await payload.update({
      collection: 'articles',
      id: live.id,
      data: { slug: base, _status: 'draft' },
      draft: true,
      overrideAccess: true,
    })
    // The slug is in the newer draft only, where the database's unique index does not look.
    const saved = await payload.count({
      collection: 'articles',
      where: { slug: { equals: base } },
      overrideAccess: true,
    })
    expect(saved.totalDocs).toBe(0)
    const result = await importTitle(`Spa Etiquette ${unique}`)
    expect(result.status).toBe(201)
    expect(result.body.slug).toBe(`${base}-2`)
  })
})
