import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Articles } from '../../../collections/Articles'
import { Faqs } from '../../../collections/Faqs'
import { Myths } from '../../../collections/Myths'
import { Techniques } from '../../../collections/Techniques'
import { EDITORIAL } from '../../../payload.config'
import {
  computeChecklist,
  hasHealthClaims,
  loadHealthClaimPhrases,
  type ChecklistItem,
  type HealthClaimPhrase,
} from '../../../src/workflow/claims'
import { resolveCollectionOptions } from '../../../src/workflow/options'

// --- Lexical JSON, as small as Payload accepts it ---
type Node = Record<string, unknown>
const text = (value: string): Node => ({ type: 'text', text: value, format: 0, version: 1 })
const bold = (value: string): Node => ({ ...text(value), format: 1 })
const linebreak: Node = { type: 'linebreak', version: 1 }
const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', children, version: 1 })
const richText = (...blocks: Node[]) => ({ root: { type: 'root', children: blocks, version: 1 } })
const prose = (...paragraphs: string[]) => richText(...paragraphs.map((value) => paragraph(text(value))))
const upload = (value: unknown): Node => ({ type: 'upload', relationTo: 'media', value, fields: null, version: 3 })
const linkTo = (fields: Node, label: string, type = 'link'): Node => ({
  type,
  fields: { newTab: false, ...fields },
  children: [text(label)],
  version: 3,
})
const customLink = (url: string, label: string) => linkTo({ linkType: 'custom', url }, label)
const docLink = (relationTo: string, value: unknown, label: string) =>
  linkTo({ linkType: 'internal', doc: { relationTo, value } }, label)

// --- The world the checklist looks at ---
const MEDIA_ALT: Record<string, string> = { '1': 'A therapist working on the upper back', '2': '' }
const EXISTING_DOCS = new Set(['techniques 7', 'faqs 3'])
const EXISTING_PATHS = new Set(['/techniques/swedish', '/faqs/how-often-to-book'])
const phrases = loadHealthClaimPhrases()

/** The checklist rules as the plugin resolves them from payload.config.ts's options. */
const COLLECTIONS = { articles: Articles, techniques: Techniques, faqs: Faqs, myths: Myths }
const rulesOf = (collection: keyof typeof COLLECTIONS) =>
  resolveCollectionOptions(COLLECTIONS[collection], EDITORIAL[collection]).checklist

function checklist(collection: keyof typeof COLLECTIONS, doc: Record<string, unknown>, healthClaimPhrases = phrases) {
  return computeChecklist({
    rules: rulesOf(collection),
    doc,
    mediaAltText: (id) => MEDIA_ALT[String(id)],
    internalLinkExists: ({ collection: target, id, path: sitePath }) =>
      sitePath === undefined ? EXISTING_DOCS.has(`${target} ${id}`) : EXISTING_PATHS.has(sitePath),
    healthClaimPhrases,
  })
}

const cleanArticle = () => ({
  title: 'Everything about professional back massage',
  excerpt: 'What a back massage involves, which technique suits you and how to prepare.',
  heroImage: 1,
  content: richText(
    paragraph(
      text('A relaxing hour for your back. Read about '),
      customLink('/techniques/swedish', 'Swedish massage'),
      text('.'),
    ),
    paragraph(upload(1)),
    paragraph(
      docLink('faqs', 3, 'how often to book'),
      text(' and a link to '),
      customLink('https://example.com', 'a study'),
    ),
  ),
  seo: { metaTitle: 'Back massage guide', metaDescription: 'A guide to professional back massage.' },
})

const kinds = (items: ChecklistItem[]) => items.map((item) => item.kind)
const claims = (items: ChecklistItem[]) => items.filter((item) => item.kind === 'health_claim')
const claimedPhrases = (items: ChecklistItem[]) => claims(items).map((item) => item.phrase)

describe('a clean document', () => {
  it.each([
    ['articles', cleanArticle()],
    [
      'techniques',
      {
        name: 'Swedish',
        summary: 'Long, flowing strokes',
        description: prose('Gentle and relaxing.'),
        bestFor: ['relaxation'],
        image: 1,
      },
    ],
    ['faqs', { question: 'How often should I book?', answer: prose('Once a month suits most guests.') }],
    ['myths', { myth: 'A good massage has to hurt', fact: prose('Pressure should stay comfortable.') }],
  ] as const)('%s: no items', (collection, doc) => {
    const items = checklist(collection, doc)
    expect(items).toEqual([])
    expect(hasHealthClaims(items)).toBe(false)
  })
})

describe('missing texts (articles only)', () => {
  it.each(['', '   \n', undefined, null])('excerpt %p is missing', (excerpt) => {
    expect(checklist('articles', { ...cleanArticle(), excerpt })).toEqual([
      { kind: 'missing_excerpt', field: 'excerpt', message: 'The article has no excerpt.' },
    ])
  })

  it.each([{ metaTitle: 'Back massage' }, { metaDescription: ' ' }, undefined])('seo %p has no description', (seo) => {
    expect(checklist('articles', { ...cleanArticle(), seo })).toEqual([
      {
        kind: 'missing_seo_description',
        field: 'seo.metaDescription',
        message: 'The article has no SEO meta description.',
      },
    ])
  })

  it('other collections have neither', () => {
    expect(checklist('faqs', { question: 'Do I tip?', answer: prose('No need.') })).toEqual([])
  })
})

describe('missing alt text', () => {
  it('hero image whose media has empty alt text', () => {
    expect(checklist('articles', { ...cleanArticle(), heroImage: 2 })).toEqual([
      { kind: 'missing_alt_text', field: 'heroImage', message: 'Hero image has no alt text.' },
    ])
  })

  it('hero image whose media no longer exists', () => {
    expect(checklist('articles', { ...cleanArticle(), heroImage: 99 })).toEqual([
      { kind: 'missing_alt_text', field: 'heroImage', message: 'Hero image refers to media 99, which does not exist.' },
    ])
  })

  it('populated media is judged by its own alt text', () => {
    expect(checklist('articles', { ...cleanArticle(), heroImage: { id: 1, alt: '' } })).toHaveLength(1)
    expect(checklist('articles', { ...cleanArticle(), heroImage: { id: 2, alt: 'Warm stones on a back' } })).toEqual([])
  })

  it('no hero image is not a problem', () => {
    expect(checklist('articles', { ...cleanArticle(), heroImage: null })).toEqual([])
  })

  it('technique image', () => {
    expect(checklist('techniques', { name: 'Hot stone', image: 2 })).toEqual([
      { kind: 'missing_alt_text', field: 'image', message: 'Image has no alt text.' },
    ])
  })

  it('every upload node in rich text, nested or populated', () => {
    const answer = richText(
      paragraph(text('Before')),
      upload(2),
      { type: 'list', children: [{ type: 'listitem', children: [upload({ id: 5, alt: null })] }] },
      upload(1),
      upload(42),
    )
    expect(checklist('faqs', { question: 'What should I wear?', answer })).toEqual([
      { kind: 'missing_alt_text', field: 'answer', message: 'Image in Answer has no alt text.' },
      { kind: 'missing_alt_text', field: 'answer', message: 'Image in Answer has no alt text.' },
      {
        kind: 'missing_alt_text',
        field: 'answer',
        message: 'Image in Answer refers to media 42, which does not exist.',
      },
    ])
  })
})

describe('broken internal links', () => {
  const mythWith = (...children: Node[]) => ({
    myth: 'Massage is only for relaxation',
    fact: richText(paragraph(...children)),
  })

  it('a link to a document that does not exist', () => {
    expect(checklist('myths', mythWith(docLink('techniques', 8, 'sports massage')))).toEqual([
      {
        kind: 'broken_internal_link',
        field: 'fact',
        message: 'Link "sports massage" points to techniques document 8, which does not exist.',
      },
    ])
  })

  it('a link to an existing document, by id or populated', () => {
    expect(
      checklist(
        'myths',
        mythWith(docLink('techniques', 7, 'a'), docLink('faqs', { id: 3, question: 'How often?' }, 'b')),
      ),
    ).toEqual([])
  })

  it('an internal link without a document', () => {
    const link = linkTo({ linkType: 'internal', doc: null }, 'book now')
    expect(checklist('myths', mythWith(link))[0]?.message).toBe('Link "book now" points to no document.')
  })

  it('a site path that does not exist', () => {
    expect(checklist('myths', mythWith(customLink('/faqs/unknown', 'book now')))).toEqual([
      {
        kind: 'broken_internal_link',
        field: 'fact',
        message: 'Link "book now" points to /faqs/unknown, which does not exist.',
      },
    ])
  })

  it('an existing site path, also with a query or section', () => {
    const links = [customLink('/techniques/swedish#pressure', 'a'), customLink('/faqs/how-often-to-book?ref=x', 'b')]
    expect(checklist('myths', mythWith(...links))).toEqual([])
  })

  it('autolinks count too', () => {
    const autolink = linkTo({ linkType: 'custom', url: '/articles/gone' }, '/articles/gone', 'autolink')
    expect(kinds(checklist('myths', mythWith(autolink)))).toEqual(['broken_internal_link'])
  })

  it('external, protocol-relative and mail links are not checked', () => {
    const links = ['https://example.com/x', 'http://example.com', '//cdn.example.com/a', 'mailto:spa@example.com'].map(
      (url) => customLink(url, url),
    )
    expect(checklist('myths', mythWith(...links))).toEqual([])
  })
})

describe('health claims', () => {
  const faqSaying = (...paragraphs: string[]) => ({ question: 'Is massage good for me?', answer: prose(...paragraphs) })

  it('flags a phrase with its field, context and a message for the reviewer', () => {
    const article = { ...cleanArticle(), excerpt: 'Our signature blend: this oil cures back pain in a week.' }
    expect(claims(checklist('articles', article))).toEqual([
      {
        kind: 'health_claim',
        field: 'excerpt',
        phrase: 'cures',
        context: 'Our signature blend: this oil cures back pain in a week.',
        message: 'Possible health claim "cures": "Our signature blend: this oil cures back pain in a week."',
      },
    ])
  })

  it('matches whole words only, in any case', () => {
    const items = checklist(
      'faqs',
      faqSaying('Cure tension.', 'A secure room; we procure oils.', 'Good for your health.', 'It heals.'),
    )
    expect(claimedPhrases(items)).toEqual(['cure', 'heals'])
  })

  it('"cure" is not "cures"', () => {
    expect(claimedPhrases(checklist('faqs', faqSaying('It cures and cured.')))).toEqual(['cures', 'cured'])
  })

  it('a prefix matches every word starting with it, and reports the word as written', () => {
    const items = checklist('faqs', faqSaying('Pregnancy massage for pregnant guests; detoxifying wraps.'))
    expect(claimedPhrases(items)).toEqual(['pregnan', 'pregnan', 'detox'])
    expect(items[0]?.message).toMatch(/^Possible health claim "Pregnancy": /)
    expect(claimedPhrases(checklist('faqs', faqSaying('Not an expregnant word.')))).toEqual([])
  })

  it('multi-word phrases match across a line break and inline formatting', () => {
    const answer = richText(
      paragraph(text('It is clinically'), linebreak, text('proven. Not an '), bold('anxiety'), text(' disorder.')),
    )
    const items = checklist('faqs', { question: 'Does it work?', answer })
    expect(claimedPhrases(items)).toEqual(['clinically proven', 'anxiety disorder'])
    expect(items[0]).toMatchObject({ field: 'answer', context: 'It is clinically proven. Not an anxiety disorder.' })
    expect(items[0]?.message).toMatch(/^Possible health claim "clinically proven": /)
  })

  it('does not join two paragraphs into one phrase', () => {
    expect(claims(checklist('faqs', faqSaying('This is clinically', 'proven fact.')))).toEqual([])
  })

  it('context keeps about 40 characters each side, cut at word boundaries', () => {
    const CONTEXT_LIMIT = 40 + '…'.length
    const before = 'Our therapists have used this warm and fragrant blend for years, and we believe this oil'
    const after = 'back pain in a week for most of the guests who try it at our spa.'
    const [item] = checklist('faqs', faqSaying(`${before} cures ${after}`))
    expect(item?.context).toBe('…for years, and we believe this oil cures back pain in a week for most of the…')
    const [left, right] = item!.context!.split(' cures ')
    expect(left!.length).toBeLessThanOrEqual(CONTEXT_LIMIT)
    expect(right!.length).toBeLessThanOrEqual(CONTEXT_LIMIT)
  })

  it('one item per occurrence, in reading order, overlapping phrases once', () => {
    const custom: HealthClaimPhrase[] = [
      { phrase: 'proven', match: 'word' },
      { phrase: 'clinically proven', match: 'word' },
      { phrase: 'cure', match: 'word' },
    ]
    const items = checklist('faqs', faqSaying('A cure, clinically proven; another cure, simply proven.'), custom)
    expect(claimedPhrases(items)).toEqual(['cure', 'clinically proven', 'cure', 'proven'])
  })

  it('searches every text field of each collection', () => {
    const article = {
      ...cleanArticle(),
      title: 'The miracle massage',
      content: prose('It heals.'),
      seo: { metaTitle: 'Detox spa day', metaDescription: 'Guaranteed to relax.' },
    }
    expect(claims(checklist('articles', article)).map((item) => item.field)).toEqual([
      'title',
      'content',
      'seo.metaTitle',
      'seo.metaDescription',
    ])
    const technique = {
      name: 'Lymph healing',
      summary: 'Prevents colds',
      description: prose('A treatment for depression.'),
      bestFor: ['pregnancy'],
    }
    expect(claims(checklist('techniques', technique)).map((item) => [item.field, item.phrase])).toEqual([
      ['name', 'healing'],
      ['summary', 'prevents'],
      ['description', 'treatment for'],
      ['description', 'depression'],
      ['bestFor', 'pregnan'],
    ])
    expect(
      claims(checklist('myths', { myth: 'Massage cures everything', fact: prose('It eliminates pain for good.') })).map(
        (item) => item.field,
      ),
    ).toEqual(['myth', 'fact'])
    expect(
      claims(checklist('faqs', { question: 'Is it a cure?', answer: prose('No.') })).map((item) => item.field),
    ).toEqual(['question'])
  })

  it('hasHealthClaims tells whether any item is a health claim', () => {
    expect(hasHealthClaims(checklist('faqs', faqSaying('It heals.')))).toBe(true)
    expect(
      hasHealthClaims([{ kind: 'missing_excerpt', field: 'excerpt', message: 'The article has no excerpt.' }]),
    ).toBe(false)
  })
})

describe('loadHealthClaimPhrases', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-claims-'))
  const fileWith = (name: string, content: string) => {
    const file = path.join(dir, name)
    writeFileSync(file, content)
    return file
  }

  it('reads the default list', () => {
    expect(phrases).toContainEqual({ phrase: 'pregnan', match: 'prefix' })
    expect(phrases).toContainEqual({ phrase: 'clinically proven', match: 'word' })
    expect(phrases).toHaveLength(18)
  })

  it('reads a given file', () => {
    expect(
      loadHealthClaimPhrases(fileWith('ok.json', '{ "phrases": [{ "phrase": " miracle ", "match": "word" }] }')),
    ).toEqual([{ phrase: 'miracle', match: 'word' }])
  })

  it.each([
    ['not JSON', '{ phrases: [', /Cannot read the health-claim phrases from .*: /],
    ['no phrases array', '{ "words": [] }', /is not a valid health-claim phrase list: it has no "phrases" array/],
    [
      'an empty phrase',
      '{ "phrases": [{ "phrase": " ", "match": "word" }] }',
      /phrases\[0\]\.phrase must be a non-empty text/,
    ],
    [
      'an unknown match',
      '{ "phrases": [{ "phrase": "cure", "match": "word" }, { "phrase": "cure", "match": "exact" }] }',
      /phrases\[1\]\.match must be "word" or "prefix", not "exact"/,
    ],
  ])('a file with %s gives a clear error', (name, content, message) => {
    const file = fileWith(`${name.replaceAll(' ', '-')}.json`, content)
    expect(() => loadHealthClaimPhrases(file)).toThrow(message)
  })

  it('a missing file gives a clear error', () => {
    expect(() => loadHealthClaimPhrases(path.join(dir, 'absent.json'))).toThrow(
      /Cannot read the health-claim phrases from .*absent\.json: ENOENT/,
    )
  })
})
