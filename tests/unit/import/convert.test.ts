/**
 * Markdown and HTML documents → article title + Lexical content for the article editor.
 */
import { editorConfigFactory, getEnabledNodes } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'
import { createHeadlessEditor } from '@payloadcms/richtext-lexical/lexical/headless'

import { loadPayloadConfig } from '../../../src/db/payloadLifecycle'
import { convertDocument, ImportError, type ImportFormat } from '../../../src/import/convert'
import { articleEditorFeatures } from '../../../src/import/editorFeatures'

const BOLD = 1
const ITALIC = 2

// Top-level await: the config is loaded once, when this file is, like any other import.
const config = await loadPayloadConfig()

const convert = (source: string, format: ImportFormat) => convertDocument(source, format, config)

type Outline = string | { text: string; format: number } | [string, ...Outline[]]

interface AnyNode extends SerializedLexicalNode {
  children?: AnyNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  headerState?: number
  fields?: { url?: string }
}

/**
 * The parts of a node the importer is responsible for, compact enough to write out in full:
 * unformatted text as a string, formatted text as { text, format }, elements as
 * ['type detail', ...children]. Ids, versions and alignment are left out.
 */
function outline(node: AnyNode): Outline {
  if (node.type === 'text') {
    const text = node.text ?? ''
    return node.format ? { text, format: Number(node.format) } : text
  }
  if (node.type === 'linebreak') return '<br>'
  const detail = node.listType ?? node.tag ?? node.fields?.url ?? (node.headerState ? `header ${node.headerState}` : '')
  const label = detail ? `${node.type} ${detail}` : node.type
  return [label, ...(node.children ?? []).map(outline)]
}

const blocks = (content: SerializedEditorState) => (content.root.children as AnyNode[]).map(outline)

function allNodes(node: AnyNode): AnyNode[] {
  return [node, ...(node.children ?? []).flatMap(allNodes)]
}

const MARKDOWN_ARTICLE = `# Autumn at Serenity Spa

Our **hot stone** ritual warms *tired muscles*.
Book it on [our website](https://spa.example/book).

## Treatments

### Massages

- Hot stone massage
- Aromatherapy
  - Lavender
  - Eucalyptus
- Reflexology

1. Book online
2. Arrive ten minutes early
   - Bring comfortable clothes
3. Relax

> Rest is not idleness.
>
> — John Lubbock

#### Prices

| Treatment | Duration | Price |
| --- | :---: | ---: |
| Hot stone | 60 min | **€90** |
| Facial | 45 min | €70 |
`

const HTML_ARTICLE = `<!doctype html>
<html><head><title>Not the title</title></head><body>
<h1>Autumn at Serenity Spa</h1>
<p>Our <strong>hot stone</strong> ritual warms <em>tired muscles</em>.
Book it on <a href="https://spa.example/book">our website</a>.</p>
<h2>Treatments</h2>
<h3>Massages</h3>
<ul>
  <li>Hot stone massage</li>
  <li>Aromatherapy<ul><li>Lavender</li><li>Eucalyptus</li></ul></li>
  <li>Reflexology</li>
</ul>
<ol>
  <li>Book online</li>
  <li>Arrive ten minutes early<ul><li>Bring comfortable clothes</li></ul></li>
  <li>Relax</li>
</ol>
<blockquote><p>Rest is not idleness.</p><p>— John Lubbock</p></blockquote>
<h4>Prices</h4>
<table>
  <thead><tr><th>Treatment</th><th>Duration</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Hot stone</td><td>60 min</td><td><b>€90</b></td></tr>
    <tr><td>Facial</td><td>45 min</td><td>€70</td></tr>
  </tbody>
</table>
</body></html>`

const cell = (...children: Outline[]): Outline => ['tablecell', ['paragraph', ...children]]
const headerCell = (text: string): Outline => ['tablecell header 1', ['paragraph', text]]

const EXPECTED_ARTICLE_BLOCKS: Outline[] = [
  [
    'paragraph',
    'Our ',
    { text: 'hot stone', format: BOLD },
    ' ritual warms ',
    { text: 'tired muscles', format: ITALIC },
    '. Book it on ',
    ['link https://spa.example/book', 'our website'],
    '.',
  ],
  ['heading h2', 'Treatments'],
  ['heading h3', 'Massages'],
  [
    'list bullet',
    ['listitem', 'Hot stone massage'],
    ['listitem', 'Aromatherapy'],
    ['listitem', ['list bullet', ['listitem', 'Lavender'], ['listitem', 'Eucalyptus']]],
    ['listitem', 'Reflexology'],
  ],
  [
    'list number',
    ['listitem', 'Book online'],
    ['listitem', 'Arrive ten minutes early'],
    ['listitem', ['list bullet', ['listitem', 'Bring comfortable clothes']]],
    ['listitem', 'Relax'],
  ],
  ['quote', 'Rest is not idleness.', '<br>', '— John Lubbock'],
  ['heading h4', 'Prices'],
  [
    'table',
    ['tablerow', headerCell('Treatment'), headerCell('Duration'), headerCell('Price')],
    ['tablerow', cell('Hot stone'), cell('60 min'), cell({ text: '€90', format: BOLD })],
    ['tablerow', cell('Facial'), cell('45 min'), cell('€70')],
  ],
]

describe('converting a Markdown article', () => {
  it('takes the first H1 as the title and converts the rest, structure and formatting included', async () => {
    const article = await convert(MARKDOWN_ARTICLE, 'markdown')
    expect(article.title).toBe('Autumn at Serenity Spa')
    expect(blocks(article.content)).toEqual(EXPECTED_ARTICLE_BLOCKS)
    expect(article.warnings).toEqual([])
  })

  it('produces content that an editor built from articleEditorFeatures loads', async () => {
    const { content } = await convert(MARKDOWN_ARTICLE, 'markdown')
    const editorConfig = await editorConfigFactory.fromFeatures({ config, features: articleEditorFeatures })
    const editor = createHeadlessEditor({ nodes: getEnabledNodes({ editorConfig }) })
    expect(() => editor.setEditorState(editor.parseEditorState(content))).not.toThrow()
    const headingTags = allNodes(content.root as AnyNode).flatMap((node) => (node.type === 'heading' ? [node.tag] : []))
    expect(new Set(headingTags)).toEqual(new Set(['h2', 'h3', 'h4']))
  })

  it('keeps nesting from 2-space, 3-space and 4-space indents, and numbered lists inside bullets', async () => {
    const markdown = '# T\n\n- a\n  1. a1\n     - a1x\n- b\n    - b1\n'
    const { content } = await convert(markdown, 'markdown')
    expect(blocks(content)).toEqual([
      [
        'list bullet',
        ['listitem', 'a'],
        ['listitem', ['list number', ['listitem', 'a1'], ['listitem', ['list bullet', ['listitem', 'a1x']]]]],
        ['listitem', 'b'],
        ['listitem', ['list bullet', ['listitem', 'b1']]],
      ],
    ])
  })

  it('reads an underlined (setext) title, reference links and *** bold italic', async () => {
    const markdown = 'Spa Guide\n=========\n\nSee [the menu][menu], ***now***.\n\n[menu]: https://spa.example/menu\n'
    const article = await convert(markdown, 'markdown')
    expect(article.title).toBe('Spa Guide')
    expect(blocks(article.content)).toEqual([
      [
        'paragraph',
        'See ',
        ['link https://spa.example/menu', 'the menu'],
        ', ',
        { text: 'now', format: BOLD | ITALIC },
        '.',
      ],
    ])
  })
})

describe('converting the same article written in HTML', () => {
  it('gives the same title and the same tree as the Markdown version', async () => {
    const fromHtml = await convert(HTML_ARTICLE, 'html')
    const fromMarkdown = await convert(MARKDOWN_ARTICLE, 'markdown')
    expect(fromHtml.title).toBe(fromMarkdown.title)
    expect(blocks(fromHtml.content)).toEqual(blocks(fromMarkdown.content))
    expect(fromHtml.warnings).toEqual([])
  })
})

describe.each<[ImportFormat, { title: (text: string) => string; heading: (level: number, text: string) => string }]>([
  ['markdown', { title: (text) => `# ${text}\n\n`, heading: (level, text) => `${'#'.repeat(level)} ${text}\n\n` }],
  ['html', { title: (text) => `<h1>${text}</h1>`, heading: (level, text) => `<h${level}>${text}</h${level}>` }],
])('documents the article editor cannot take as they are (%s)', (format, write) => {
  it.each(['', '   \n\t  \n'])('refuses an empty document (%j)', async (source) => {
    await expect(convert(source, format)).rejects.toThrow(new ImportError('The document is empty.'))
  })

  it('refuses a document without an H1, saying how to write one', async () => {
    const source = write.heading(2, 'Not a title') + (format === 'html' ? '<p>Text</p>' : 'Text\n')
    const failure = convert(source, format)
    await expect(failure).rejects.toBeInstanceOf(ImportError)
    await expect(failure).rejects.toThrow(
      'No title found: the document needs a top-level heading (# Title in Markdown, <h1> in HTML).',
    )
  })

  it('turns a second H1 into an H2 and says so', async () => {
    const article = await convert(write.title('Main') + write.heading(1, 'Another'), format)
    expect(article.title).toBe('Main')
    expect(blocks(article.content)).toEqual([['heading h2', 'Another']])
    expect(article.warnings).toEqual(['1 more top-level heading was turned into H2: an article has a single title.'])
  })

  it('turns H5 and H6 into H4 and says so', async () => {
    const article = await convert(write.title('Main') + write.heading(5, 'Five') + write.heading(6, 'Six'), format)
    expect(blocks(article.content)).toEqual([
      ['heading h4', 'Five'],
      ['heading h4', 'Six'],
    ])
    expect(article.warnings).toEqual(['2 headings of level 5 or 6 became H4, the smallest heading the editor offers.'])
  })
})

describe('what cannot come along', () => {
  it('skips Markdown images, with one warning for all of them', async () => {
    const markdown = '# Rooms\n\n![The pool](pool.jpg)\n\nOur sauna ![sauna](sauna.jpg) is hot.\n'
    const article = await convert(markdown, 'markdown')
    expect(blocks(article.content)).toEqual([['paragraph', 'Our sauna is hot.']])
    expect(article.warnings).toEqual(['2 images were skipped: upload them to Media and insert them in the editor.'])
  })

  it('skips HTML images and embeds instead of creating uploads without a Media document', async () => {
    const html =
      '<h1>Rooms</h1><p><img src="pool.jpg" alt="The pool"></p><p>Our sauna <img src="s.jpg"> is hot.</p><iframe src="https://video.example"></iframe>'
    const article = await convert(html, 'html')
    expect(blocks(article.content)).toEqual([['paragraph', 'Our sauna is hot.']])
    expect(allNodes(article.content.root as AnyNode).some((node) => node.type === 'upload')).toBe(false)
    expect(article.warnings).toEqual([
      '2 images were skipped: upload them to Media and insert them in the editor.',
      '1 embedded item (video, audio, iframe) was skipped: the article editor cannot show embeds.',
    ])
  })

  it('skips code blocks and keeps the text of raw HTML in Markdown', async () => {
    const markdown = '# Notes\n\n```\n# not a heading\n```\n\n<div class="tip">Drink <b>water</b>.</div>\n'
    const article = await convert(markdown, 'markdown')
    expect(blocks(article.content)).toEqual([['paragraph', 'Drink water.']])
    expect(article.warnings).toEqual([
      '1 code block was skipped: the article editor has no code blocks.',
      'HTML markup inside the Markdown was removed; the text inside it was kept.',
    ])
  })

  it('keeps the text of links with a script address, not the link', async () => {
    const html =
      '<h1>Links</h1><p><a href="javascript:alert(1)">Click</a> or <a href="mailto:hi@spa.example">write</a></p>'
    const article = await convert(html, 'html')
    expect(blocks(article.content)).toEqual([['paragraph', 'Click or ', ['link mailto:hi@spa.example', 'write']]])
    expect(article.warnings).toEqual([
      '1 link was removed because the address is not a web, e-mail or phone address; the link text was kept.',
    ])
  })
})
