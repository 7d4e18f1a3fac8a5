/**
 * Script links in rich text: a `javascript:` or `data:` link would run in the browser of every
 * reader (and of the reviewer previewing the draft), so saving one is refused, drafts included.
 */
import { CONTENT_COLLECTIONS, contentData, randomSuffix, type ContentCollection } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const fixtures = useFixtures(useLocalPayload())
const http = httpClient(useServer())
useUsers(fixtures, { writer: 'writer' }, { label: 'richtext', http })

const RICH_TEXT_FIELD: Record<ContentCollection, string> = {
  articles: 'content',
  techniques: 'description',
  faqs: 'answer',
  myths: 'fact',
}

/** A paragraph with one link, as the admin's editor saves it (or with other `fields`, as an attacker would). */
function withLink(
  url: unknown,
  type: 'link' | 'autolink' = 'link',
  fields: Record<string, unknown> = { linkType: 'custom', url, newTab: false },
) {
  const text = { type: 'text', text: 'click here', version: 1, detail: 0, format: 0, mode: 'normal', style: '' }
  const link = { type, version: 3, fields, children: [text], direction: 'ltr', format: '', indent: 0 }
  const paragraph = {
    type: 'paragraph',
    version: 1,
    children: [link],
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
  }
  return { root: { type: 'root', version: 1, children: [paragraph], direction: 'ltr', format: '', indent: 0 } }
}

async function saveDraft(
  collection: ContentCollection,
  url: string,
  type: 'link' | 'autolink' = 'link',
  fields?: Record<string, unknown>,
) {
  const data = {
    ...contentData(collection, `Links ${randomSuffix()}`),
    [RICH_TEXT_FIELD[collection]]: withLink(url, type, fields),
    _status: 'draft',
  }
  const result = await http.post(`/api/${collection}?draft=true`, data, 'writer')
  if (result.body?.doc?.id) fixtures.track(collection, result.body.doc.id)
  return result
}

const SCRIPT_LINKS = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
]

describe.each(CONTENT_COLLECTIONS)('rich text of %s', (collection) => {
  it.each(SCRIPT_LINKS)('refuses a draft linking to %j, with the reason', async (url) => {
    const { status, body } = await saveDraft(collection, url)
    expect(status).toBe(400)
    expect(JSON.stringify(body.errors)).toMatch(/Links may point to http\(s\), mailto: or tel: addresses/)
  })

  const SCRIPT = 'javascript:alert(document.cookie)'
  it.each<[string, Record<string, unknown>]>([
    ['a URL wrapped in an array', { linkType: 'custom', url: [SCRIPT], newTab: false }],
    ['a URL wrapped in an object', { linkType: 'custom', url: { href: SCRIPT }, newTab: false }],
    [
      'an internal link that also carries a URL',
      { linkType: 'internal', url: SCRIPT, doc: { relationTo: 'articles', value: 1 }, newTab: false },
    ],
    [
      'an internal link to a user account',
      { linkType: 'internal', doc: { relationTo: 'users', value: 1 }, newTab: false },
    ],
    ['an internal link without a document', { linkType: 'internal', newTab: false }],
    ['an unknown kind of link', { linkType: 'script', url: SCRIPT }],
    ['a link with an unknown field', { linkType: 'custom', url: 'https://example.com', onclick: 'alert(1)' }],
    ['a link with empty fields', {}],
    [
      'newTab that is not true or false',
      { linkType: 'custom', url: 'https://example.com', newTab: 'javascript:alert(1)' },
    ],
  ])('refuses a link shaped as %s', async (_, fields) => {
    const { status } = await saveDraft(collection, SCRIPT, 'link', fields)
    expect(status).toBe(400)
  })

  it('keeps an internal link to published content', async () => {
    const target = await fixtures.published('techniques', `Link target ${randomSuffix()}`)
    const { status } = await saveDraft(collection, '', 'link', {
      linkType: 'internal',
      doc: { relationTo: 'techniques', value: target.id },
      newTab: true,
    })
    expect(status).toBe(201)
  })

  it('refuses a script autolink too', async () => {
    expect((await saveDraft(collection, 'javascript:alert(1)', 'autolink')).status).toBe(400)
  })

  it.each(['https://example.com/study', 'mailto:hello@spa.test', 'tel:+4930123456', '/techniques/shiatsu', '#booking'])(
    'keeps a link to %s',
    async (url) => {
      expect((await saveDraft(collection, url)).status).toBe(201)
    },
  )
})

it('refuses adding a script link to an existing draft', async () => {
  const { body } = await saveDraft('articles', 'https://example.com')
  const { status } = await http.patch(
    `/api/articles/${body.doc.id}?draft=true`,
    { content: withLink('javascript:alert(1)') },
    'writer',
  )
  expect(status).toBe(400)
})
