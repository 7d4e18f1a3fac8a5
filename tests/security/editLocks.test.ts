/**
 * Edit locks (Payload's `payload-locked-documents`, written by the admin over REST): a writer
 * must not lock a document in a reviewer's name (keeping reviewers out with 423), nor remove
 * someone else's lock. Each attack reads the stored locks back.
 */
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import { ContentFixtures, httpClient, randomSuffix } from '../helpers/content'
import { closePayload, openPayload } from '../helpers/payload'
import { startServer, type RunningServer } from '../helpers/server'
import { createUser, deleteUsers } from '../helpers/users'

let payload: Payload
let server: RunningServer
let http: ReturnType<typeof httpClient>
let fixtures: ContentFixtures
let writer: User
let reviewer: User
const tokens = { writer: '', reviewer: '' }

beforeAll(async () => {
  payload = await openPayload()
  fixtures = new ContentFixtures(payload)
  writer = await createUser(payload, 'writer', 'locks-writer')
  reviewer = await createUser(payload, 'reviewer', 'locks-reviewer')
  server = await startServer()
  http = httpClient(server.baseUrl)
  tokens.writer = await http.login(writer.email)
  tokens.reviewer = await http.login(reviewer.email)
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } }, overrideAccess: true })
  await fixtures?.cleanup()
  await deleteUsers(payload, [writer, reviewer])
  await closePayload(payload)
})

async function lockHolders(articleId: number): Promise<number[]> {
  const { docs } = await payload.find({ collection: 'payload-locked-documents', where: { 'document.value': { equals: articleId } }, depth: 0, overrideAccess: true })
  return docs.map((lock) => Number((lock.user as { value: number }).value))
}

it.each([
  ['creating', 'post'],
  ['taking over', 'patch'],
] as const)('%s a lock in a reviewer\'s name stores it in the writer\'s own name', async (_, method) => {
  const article = await fixtures.published('articles', `Locked ${randomSuffix()}`)
  const inReviewersName = { document: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: reviewer.id } }
  if (method === 'post') {
    expect((await http.post('/api/payload-locked-documents', inReviewersName, tokens.writer)).status).toBe(201)
  } else {
    const own = await http.post('/api/payload-locked-documents', { document: inReviewersName.document, user: { relationTo: 'users', value: writer.id } }, tokens.writer)
    expect((await http.patch(`/api/payload-locked-documents/${own.body.doc.id}`, { user: inReviewersName.user }, tokens.writer)).status).toBe(200)
  }
  expect(await lockHolders(article.id)).toEqual([writer.id])
})

it("lets nobody but its owner (or an admin) remove a lock", async () => {
  const article = await fixtures.published('articles', `Reviewer's lock ${randomSuffix()}`)
  const lock = await http.post('/api/payload-locked-documents', { document: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: reviewer.id } }, tokens.reviewer)
  expect((await http.delete(`/api/payload-locked-documents/${lock.body.doc.id}`, tokens.writer)).status).toBeGreaterThanOrEqual(400)
  await http.delete(`/api/payload-locked-documents?where[id][equals]=${lock.body.doc.id}`, tokens.writer) // matches nothing the writer may delete
  expect(await lockHolders(article.id)).toEqual([reviewer.id])
  expect((await http.delete(`/api/payload-locked-documents/${lock.body.doc.id}`, tokens.reviewer)).status).toBe(200)
  expect(await lockHolders(article.id)).toEqual([])
})
