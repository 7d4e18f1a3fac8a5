/**
 * Demo content on a database of its own: loaded through the importer, published, linked,
 * readable anonymously, and idempotent.
 */
import type { Article, Technique } from '../../payload-types'
import { runProjectScript } from '../helpers/scripts'
import { use, useEnv, useLocalPayload, useOwnDatabase } from '../helpers/suite'

const database = useOwnDatabase('demo')
const firstRun = use('the first demo import', () =>
  runProjectScript('seed', ['--if-empty'], { DATABASE_URL: database.url }),
)
// This file's Payload reads the demo database; the worker's next test files use the run's again.
useEnv(() => ({ DATABASE_URL: database.url }))
const payload = useLocalPayload()

const anonymously = { overrideAccess: false } as const

it('loads on an empty database', () => {
  expect(firstRun).toEqual({ code: 0, output: expect.stringMatching(/demo content: \d+ created, 0 already there/) })
})

it('has the five techniques with summaries, published', async () => {
  const { docs } = await payload.find({ collection: 'techniques', limit: 0, ...anonymously })
  expect(docs.map((technique) => technique.slug).sort()).toEqual([
    'aromatherapy',
    'deep-tissue',
    'hot-stone',
    'sports',
    'swedish',
  ])
  for (const technique of docs) expect(technique.summary?.length).toBeGreaterThan(10)
})

it('has at least three FAQs and three myths with rich-text answers and facts', async () => {
  const faqs = await payload.find({ collection: 'faqs', limit: 0, sort: 'order', ...anonymously })
  expect(faqs.totalDocs).toBeGreaterThanOrEqual(3)
  expect(faqs.docs.every((faq) => faq.answer.root.children.length > 0)).toBe(true)
  const myths = await payload.find({ collection: 'myths', limit: 0, ...anonymously })
  expect(myths.totalDocs).toBeGreaterThanOrEqual(3)
  expect(myths.docs.map((myth) => myth.myth.toLowerCase()).join('|')).toMatch(/only for relaxation.*|.*has to hurt/)
})

it('has one long published back-massage guide whose Markdown structure survived the importer', async () => {
  const { docs } = await payload.find({ collection: 'articles', depth: 1, ...anonymously })
  expect(docs).toHaveLength(1)
  const article = docs[0] as Article
  expect(article.title).toMatch(/Back Massage/)
  expect(article._status).toBe('published')
  expect(article.publishedAt).toBeTruthy()
  const blocks = article.content?.root.children ?? []
  const types = blocks.map((node) => (node.type === 'heading' ? `heading:${node.tag}` : node.type))
  expect(types).toEqual(expect.arrayContaining(['heading:h2', 'heading:h3', 'list', 'table', 'quote', 'paragraph']))
  expect(types).not.toContain('heading:h1')
  expect((article.techniques as Technique[]).map((technique) => technique.slug)).toHaveLength(5)
  expect(article.faqs?.length).toBeGreaterThanOrEqual(3)
})

it('populates related documents small by default (defaultPopulate)', async () => {
  const { docs } = await payload.find({ collection: 'articles', depth: 1, ...anonymously })
  const article = docs[0] as Article
  expect(Object.keys((article.techniques as Technique[])[0]).sort()).toEqual([
    'id',
    'name',
    'pressure',
    'slug',
    'summary',
  ])
  expect(Object.keys((article.faqs as object[])[0]).sort()).toEqual(['category', 'id', 'question', 'slug'])
  expect(Object.keys((article.myths as object[])[0]).sort()).toEqual(['id', 'myth', 'slug'])
})

it('is idempotent: loading again creates nothing', async () => {
  const again = await runProjectScript('seed', [], { DATABASE_URL: database.url })
  expect(again.code).toBe(0)
  expect(again.output).toMatch(/demo content: 0 created, \d+ already there/)
  expect((await payload.count({ collection: 'techniques' })).totalDocs).toBe(5)
})

it('leaves a database with content alone on start (--if-empty)', async () => {
  const onStart = await runProjectScript('seed', ['--if-empty'], { DATABASE_URL: database.url })
  expect(onStart.code).toBe(0)
  expect(onStart.output).not.toMatch(/demo content:/)
})

it('never creates users', async () => {
  expect((await payload.count({ collection: 'users' })).totalDocs).toBe(0)
})
