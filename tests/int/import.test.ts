/**
 * Importing articles: `npm run import` and POST /api/articles/import. Imports are drafts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import type { Article, User } from '../../payload-types'
import { closePayload, openPayload } from '../helpers/payload'
import { runProjectScript } from '../helpers/scripts'
import { startServer, type RunningServer } from '../helpers/server'
import { createUser, deleteUsers, TEST_PASSWORD } from '../helpers/users'

let payload: Payload
let server: RunningServer
let writer: User
let dir: string
const unique = Math.random().toString(36).slice(2, 8)

const article = (title: string) => `# ${title}

An introduction with **bold** and a [link](https://example.com).

## Techniques

- Swedish
- Deep tissue

| Technique | Feels like |
| --- | --- |
| Swedish | Gentle |
`

beforeAll(async () => {
  payload = await openPayload()
  writer = await createUser(payload, 'writer', 'importer')
  server = await startServer()
  dir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-import-'))
}, 120_000)

afterAll(async () => {
  await payload.delete({ collection: 'articles', where: { slug: { contains: unique } }, overrideAccess: true })
  await deleteUsers(payload, [writer])
  await server?.stop()
  await closePayload(payload)
  rmSync(dir, { recursive: true, force: true })
})

async function findBySlug(slug: string): Promise<Article | undefined> {
  const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, draft: true, overrideAccess: true })
  return docs[0]
}

describe('npm run import', () => {
  it('creates a draft from a Markdown file and says what it made', async () => {
    const file = path.join(dir, 'guide.md')
    writeFileSync(file, article(`Hot Stone Basics ${unique}`))
    const result = await runProjectScript('import', [file, '--as', writer.email])
    expect(result.code).toBe(0)
    expect(result.output).toMatch(new RegExp(`created draft article #\\d+ "Hot Stone Basics ${unique}" \\(slug: hot-stone-basics-${unique}\\)`))
    const draft = await findBySlug(`hot-stone-basics-${unique}`)
    expect(draft?._status).toBe('draft')
    const author = draft?.author
    expect(typeof author === 'object' && author ? author.id : author).toBe(writer.id)
    expect(draft?.content?.root.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'list', 'table'])
  })

  it('refuses a second import with the same title (slug clash), naming the slug', async () => {
    const file = path.join(dir, 'again.md')
    writeFileSync(file, article(`Hot Stone Basics ${unique}`))
    const result = await runProjectScript('import', [file, '--as', writer.email])
    expect(result.code).toBe(1)
    expect(result.output).toContain(`slug: The slug "hot-stone-basics-${unique}" is already used`)
  })

  it.each([
    ['an unreadable file', () => [path.join(dir, 'missing.md')], 'Cannot read'],
    ['an empty document', () => [writeTemp('empty.md', '  \n')], 'The document is empty.'],
    ['an unknown format', () => [writeTemp('notes.txt', '# Notes')], 'Cannot tell the format'],
    ['no file at all', () => [], 'usage: npm run import'],
  ])('fails with a clear message on %s', async (_label, args, message) => {
    const result = await runProjectScript('import', [...args(), '--as', writer.email])
    expect(result.code).toBe(1)
    expect(result.output).toContain(message)
    expect(result.output).not.toMatch(/\n\s+at /)
  })
})

function writeTemp(name: string, content: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

describe('POST /api/articles/import', () => {
  let token: string

  beforeAll(async () => {
    const response = await fetch(`${server.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: writer.email, password: TEST_PASSWORD }),
    })
    token = ((await response.json()) as { token: string }).token
  })

  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/api/articles/import`, { method: 'POST', body, headers })

  it('refuses anonymous callers', async () => {
    const response = await post(JSON.stringify({ format: 'markdown', source: article('Nope') }), { 'content-type': 'application/json' })
    expect(response.status).toBe(401)
  })

  it('turns JSON HTML into a draft owned by the caller, with warnings', async () => {
    const html = `<h1>Aromatherapy Notes ${unique}</h1><p>Oils <em>matter</em>.</p><img src="x.png"><ul><li>Lavender</li></ul>`
    const response = await post(JSON.stringify({ format: 'html', source: html }), {
      'content-type': 'application/json',
      authorization: `JWT ${token}`,
    })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { id: number; slug: string; warnings: string[] }
    expect(body.slug).toBe(`aromatherapy-notes-${unique}`)
    expect(body.warnings.join(' ')).toMatch(/image/i)
    const draft = await findBySlug(body.slug)
    expect(draft?._status).toBe('draft')
    expect(draft?.content?.root.children.map((node) => node.type)).toEqual(['paragraph', 'list'])
  })

  it('accepts a multipart Markdown file', async () => {
    const form = new FormData()
    form.append('file', new Blob([article(`Sports Recovery ${unique}`)], { type: 'text/markdown' }), 'sports.md')
    const response = await post(form, { authorization: `JWT ${token}` })
    expect(response.status).toBe(201)
    expect(((await response.json()) as { slug: string }).slug).toBe(`sports-recovery-${unique}`)
  })

  it.each([
    ['an unknown format', { format: 'docx', source: 'x' }, '"format" must be "markdown" or "html".'],
    ['an empty document', { format: 'markdown', source: '' }, 'The document is empty.'],
    ['a document without a title', { format: 'markdown', source: 'Just text.' }, 'No title found'],
  ])('answers 400 for %s', async (_label, body, message) => {
    const response = await post(JSON.stringify(body), { 'content-type': 'application/json', authorization: `JWT ${token}` })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toContain(message)
  })
})
