/**
 * Edit locks (Payload's `payload-locked-documents`, written by the admin over REST): a writer
 * must not lock a document in a reviewer's name (keeping reviewers out with 423), nor remove
 * someone else's lock. Each attack reads the stored locks back.
 */
import { randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useCleanup, useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
useCleanup('the edit locks', () =>
  payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } }, overrideAccess: true }),
)
const http = httpClient(useServer())
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { label: 'locks', http })

async function lockHolders(articleId: number): Promise<number[]> {
  const { docs } = await payload.find({
    collection: 'payload-locked-documents',
    where: { 'document.value': { equals: articleId } },
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((lock) => Number((lock.user as { value: number }).value))
}

it.each([
  ['creating', 'post'],
  ['taking over', 'patch'],
] as const)("%s a lock in a reviewer's name stores it in the writer's own name", async (_, method) => {
  const article = await fixtures.published('articles', `Locked ${randomSuffix()}`)
  const inReviewersName = {
    document: { relationTo: 'articles', value: article.id },
    user: { relationTo: 'users', value: people.reviewer.id },
  }
  if (method === 'post') {
    expect((await http.post('/api/payload-locked-documents', inReviewersName, 'writer')).status).toBe(201)
  } else {
    const own = await http.post(
      '/api/payload-locked-documents',
      { document: inReviewersName.document, user: { relationTo: 'users', value: people.writer.id } },
      'writer',
    )
    expect(
      (await http.patch(`/api/payload-locked-documents/${own.body.doc.id}`, { user: inReviewersName.user }, 'writer'))
        .status,
    ).toBe(200)
  }
  expect(await lockHolders(article.id)).toEqual([people.writer.id])
})

it('lets nobody but its owner (or an admin) remove a lock', async () => {
  const article = await fixtures.published('articles', `Reviewer's lock ${randomSuffix()}`)
  const lock = await http.post(
    '/api/payload-locked-documents',
    {
      document: { relationTo: 'articles', value: article.id },
      user: { relationTo: 'users', value: people.reviewer.id },
    },
    'reviewer',
  )
  expect(
    (await http.delete(`/api/payload-locked-documents/${lock.body.doc.id}`, 'writer')).status,
  ).toBeGreaterThanOrEqual(400)
  await http.delete(`/api/payload-locked-documents?where[id][equals]=${lock.body.doc.id}`, 'writer') // matches nothing the writer may delete
  expect(await lockHolders(article.id)).toEqual([people.reviewer.id])
  expect((await http.delete(`/api/payload-locked-documents/${lock.body.doc.id}`, 'reviewer')).status).toBe(200)
  expect(await lockHolders(article.id)).toEqual([])
})
