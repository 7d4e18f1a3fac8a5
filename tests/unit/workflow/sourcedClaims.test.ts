/** Health claims in an article need a source linked in the same paragraph (EDITORIAL.articles.checklist.claimsNeedSources). */
import { Articles } from '../../../collections/Articles'
import { Faqs } from '../../../collections/Faqs'
import { EDITORIAL } from '../../../payload.config'
import { computeChecklist, type ChecklistItem } from '../../../src/workflow/claims'
import { resolveCollectionOptions } from '../../../src/workflow/options'

const text = (value: string) => ({ type: 'text', text: value, format: 0, version: 1 })
const link = (url: string, label: string) => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab: false },
  children: [text(label)],
  version: 3,
})
const paragraph = (...children: object[]) => ({ type: 'paragraph', children, version: 1 })
const richText = (...blocks: object[]) => ({ root: { type: 'root', children: blocks, version: 1 } })

const claims = (
  rules: ReturnType<typeof resolveCollectionOptions>['checklist'],
  doc: Record<string, unknown>,
): ChecklistItem[] =>
  computeChecklist({
    rules,
    doc,
    mediaAltText: () => 'alt',
    internalLinkExists: () => true,
    healthClaimPhrases: [{ phrase: 'cures', match: 'word' }],
  }).filter((item) => item.kind === 'health_claim')

const article = resolveCollectionOptions(Articles, EDITORIAL.articles).checklist
const faq = resolveCollectionOptions(Faqs, EDITORIAL.faqs).checklist
const articleDoc = (...blocks: object[]) => ({
  title: 'Guide',
  excerpt: 'e',
  seo: { metaDescription: 'd' },
  content: richText(...blocks),
})

it('flags a claim in an article paragraph that links no source, and says so in the drawer message', () => {
  const [item] = claims(article, articleDoc(paragraph(text('Hot stone massage cures back pain.'))))
  expect(item).toMatchObject({
    unsourced: true,
    message: expect.stringContaining('with no source linked in the same paragraph'),
  })
})

it('accepts a claim whose paragraph links its source, wherever the link sits in it', () => {
  const sourced = articleDoc(
    paragraph(
      text('A trial found massage cures tension headaches ('),
      link('https://example.org/trial', 'study'),
      text(').'),
    ),
  )
  expect(claims(article, sourced)).toEqual([expect.not.objectContaining({ unsourced: true })])
})

it('does not count a link in another paragraph as the source', () => {
  const elsewhere = articleDoc(
    paragraph(text('Massage cures stress.')),
    paragraph(link('https://example.org/trial', 'A study')),
  )
  expect(claims(article, elsewhere)[0].unsourced).toBe(true)
})

it('leaves collections that do not ask for sources as they were', () => {
  const [item] = claims(faq, {
    question: 'Does it help?',
    answer: richText(paragraph(text('Massage cures nothing by itself.'))),
  })
  expect(item.unsourced).toBeUndefined()
})
