/**
 * Saved web pages → the article alone: pages of three common WordPress themes (tests/fixtures/import),
 * and fragments, which are converted as they always were.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import { loadPayloadConfig } from '../../../src/db/payloadLifecycle'
import { convertDocument } from '../../../src/import/convert'

const FIXTURES = path.join(process.cwd(), 'tests/fixtures/import')

// Top-level await: the config is loaded once, when this file is, like any other import.
const config = await loadPayloadConfig()

interface AnyNode extends SerializedLexicalNode {
  children?: AnyNode[]
  text?: string
  tag?: string
  listType?: string
  headerState?: number
  fields?: { url?: string }
}

/** Block by block: 'type detail' and the block's text, links shown as [text](url). */
function outline(node: AnyNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'link') return `[${(node.children ?? []).map(outline).join('')}](${node.fields?.url})`
  const detail = node.listType ?? node.tag ?? (node.headerState ? 'header' : '')
  const inner = (node.children ?? []).map(outline)
  const isBlockContainer = ['list', 'table', 'tablerow', 'tablecell'].includes(node.type)
  return `${node.type}${detail ? ` ${detail}` : ''}: ${isBlockContainer ? `{ ${inner.join(' | ')} }` : inner.join('')}`
}

const blocks = (root: AnyNode) => (root.children ?? []).map(outline)
const allText = (node: AnyNode): string => (node.text ?? '') + (node.children ?? []).map(allText).join(' ')

/** The article, as written in the WordPress editor, that every theme's page wraps. */
const THE_ARTICLE = [
  'paragraph: A hot stone massage uses smooth, heated basalt stones to warm tight muscles before the therapist works on them. Here is what happens during a session at our spa, and how to get the most out of it.',
  'heading h2: Before your massage',
  'paragraph: Arrive ten minutes early so there is time for a short health questionnaire. Tell your therapist about any heart condition, diabetes or recent injury: heat is not for everyone. Our [frequently asked questions](https://serenity-spa.example/faq/) cover the rest.',
  'list bullet: { listitem: Drink a glass of water | listitem: Skip heavy meals for an hour before | listitem: Leave jewellery at home }',
  'heading h2: During the session',
  'heading h3: How warm are the stones?',
  'paragraph: The stones are heated in water to about 50\u00a0°C. They should feel warm, never hot: say so at once if one feels too warm, and your therapist will move it or let it cool.',
  'paragraph: Stones rest along the spine while the muscles relax.',
  'list number: { listitem: Warm oil is applied to the back | listitem: The therapist glides the stones along the muscles | listitem: Stones rest on key points while the muscles relax }',
  'table: { tablerow: { tablecell header: { paragraph: Treatment } | tablecell header: { paragraph: Duration } | tablecell header: { paragraph: Price } } | tablerow: { tablecell: { paragraph: Hot stone massage } | tablecell: { paragraph: 60 min } | tablecell: { paragraph: €90 } } | tablerow: { tablecell: { paragraph: Hot stone massage and facial } | tablecell: { paragraph: 90 min } | tablecell: { paragraph: €130 } } }',
  'quote: The warmth lets me work deeper with far less pressure.Anna, senior therapist',
  'heading h2: After your massage',
  'paragraph: Rest for a few minutes before you stand up, and drink water during the rest of the day. Most guests sleep very well that night. If you felt sore the next day, tell us at your next visit so we can adjust the pressure.',
]

/** Text of the themes' skip links, menus, post navigation, share buttons, comments, sidebars and footers. */
const THEME_CHROME = [
  'Skip to content',
  'Book now',
  'Treatments',
  'Journal',
  'Five signs you need a massage',
  'Aromatherapy oils explained',
  'Previous Post',
  'Share',
  'Facebook',
  'Pinterest',
  'Leave a',
  'Post Comment',
  'Had my first one',
  'Search for',
  'Recent Posts',
  'Related Posts',
  'Categories',
  'Massage guides',
  'hot stone,',
  'Gift cards',
  'Serenity Day Spa',
  '©',
  'Copyright',
  'Maria Lindqvist',
  '12 March 2024',
]

const FEATURED_IMAGE = {
  url: 'https://serenity-spa.example/wp-content/uploads/2024/03/hot-stones-towel.jpg',
  alt: 'Smooth black basalt stones on a folded white towel',
}

describe.each([
  ['Twenty Twenty-Four with Yoast SEO', 'twenty-twenty-four.html'],
  ['Astra with Rank Math', 'astra.html'],
  ['GeneratePress with Jetpack', 'generatepress.html'],
])('a saved article page of %s', (_theme, file) => {
  const source = readFileSync(path.join(FIXTURES, file), 'utf8')

  it('becomes the article alone, its structure kept', async () => {
    const article = await convertDocument(source, 'html', config)
    expect(article.title).toBe('What to expect from a hot stone massage')
    expect(blocks(article.content.root as AnyNode)).toEqual(THE_ARTICLE)
    expect(article.warnings).toEqual(['1 image was skipped: upload them to Media and insert them in the editor.'])
  })

  it('brings none of the theme along', async () => {
    const body = allText((await convertDocument(source, 'html', config)).content.root as AnyNode)
    for (const chrome of THEME_CHROME)
      expect({ chrome, found: body.includes(chrome) }).toEqual({ chrome, found: false })
  })

  it('says what the page says about the article: description, date, author, category, featured image', async () => {
    const { page } = await convertDocument(source, 'html', config)
    expect(page).toEqual({
      description:
        'Warm basalt stones, gentle pressure and a slower pace: what happens before, during and after a hot stone massage at Serenity Day Spa.',
      published: '2024-03-12T09:30:00+00:00',
      byline: 'Maria Lindqvist',
      categories: ['Massage guides'],
      featuredImage: FEATURED_IMAGE,
    })
  })
})

describe('documents that are not whole pages', () => {
  const LONG_PARAGRAPH =
    'Swedish massage uses long, flowing strokes to ease tension across the whole body, and it is the treatment we suggest to guests who have never had a massage before. '
      .repeat(3)
      .trim()

  it('converts a fragment as it is, even one long enough for a reader view, with an aside and a nav inside the article', async () => {
    const fragment = `<article><header><h1>Swedish massage</h1></header><p>${LONG_PARAGRAPH}</p><nav><a href="#prices">Prices</a></nav><p>${LONG_PARAGRAPH}</p><aside><p>Tip: book in the morning.</p></aside><h2 id="prices">Prices</h2><ul><li>60 min</li></ul></article>`
    const article = await convertDocument(fragment, 'html', config)
    expect(article.title).toBe('Swedish massage')
    expect(article.page).toBeUndefined()
    expect(blocks(article.content.root as AnyNode)).toEqual([
      `paragraph: ${LONG_PARAGRAPH}`,
      'paragraph: [Prices](#prices)',
      `paragraph: ${LONG_PARAGRAPH}`,
      'paragraph: Tip: book in the morning.',
      'heading h2: Prices',
      'list bullet: { listitem: 60 min }',
    ])
  })

  it('takes the first H1 of a bare document, not its <title>, and reads nothing from its meta tags', async () => {
    const document = `<!doctype html><html><head><title>Spa - Home</title><meta name="description" content="Not used"></head><body><h1>Opening hours</h1><p>Daily from ten.</p></body></html>`
    const article = await convertDocument(document, 'html', config)
    expect(article.title).toBe('Opening hours')
    expect(article.page).toBeUndefined()
    expect(blocks(article.content.root as AnyNode)).toEqual(['paragraph: Daily from ten.'])
  })
})

describe('what a page says about itself', () => {
  const page = (head: string, article = '<h1>Facial basics</h1><p>Cleanse, tone, moisturise.</p>') =>
    `<html><head>${head}</head><body><header><nav><a href="/">Home</a> <a href="/book">Book now</a></nav></header><main><article>${article}</article></main><footer>© Spa</footer></body></html>`

  it('drops the site name from the title only when it is the known site name', async () => {
    const named = await convertDocument(
      page(
        '<meta property="og:title" content="Facial basics | Serenity"><meta property="og:site_name" content="Serenity">',
      ),
      'html',
      config,
    )
    expect(named.title).toBe('Facial basics')
    const unnamed = await convertDocument(
      page('<meta property="og:title" content="Facials: the basics - part 1">'),
      'html',
      config,
    )
    expect(unnamed.title).toBe('Facials: the basics - part 1')
  })

  it('resolves JSON-LD references and lists every author and category', async () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': ['Organization', 'DaySpa'], '@id': '#org', name: 'Serenity' },
        { '@type': 'Person', '@id': '#ana', name: 'Ana Ruiz' },
        { '@type': 'ImageObject', '@id': '#img', url: 'https://spa.example/facial.jpg', caption: 'A calm facial' },
        {
          '@type': 'BlogPosting',
          headline: 'Facial basics',
          datePublished: '2023-11-02',
          author: [{ '@id': '#ana' }, { '@type': 'Person', name: 'Li Wei' }],
          articleSection: ['Skin care', 'Guides'],
          image: { '@id': '#img' },
          description: 'Three steps to calm skin.',
        },
      ],
    }
    const { page: details } = await convertDocument(
      page(
        `<script type="application/ld+json">${JSON.stringify(graph)}</script><script type="application/ld+json">{ broken</script>`,
      ),
      'html',
      config,
    )
    expect(details).toEqual({
      description: 'Three steps to calm skin.',
      published: '2023-11-02',
      byline: 'Ana Ruiz, Li Wei',
      categories: ['Skin care', 'Guides'],
      featuredImage: { url: 'https://spa.example/facial.jpg', alt: 'A calm facial' },
    })
  })

  it('reports a featured image without alt text, and nothing it does not find', async () => {
    const { page: details } = await convertDocument(
      page('<meta property="og:image" content="https://spa.example/a.jpg">'),
      'html',
      config,
    )
    expect(details).toEqual({ categories: [], featuredImage: { url: 'https://spa.example/a.jpg' } })
  })
})
