/**
 * Writers changing live pages through their images: the alt text, the file or the existence of an
 * image that a published document shows (as its hero or technique image, or inside its rich text)
 * may not change without review. Writers get 403 for such an image (and may still change any
 * other), reviewers and admins may change it, nobody may delete it (409); single, bulk and
 * GraphQL writes alike, each read back.
 */
import sharp from 'sharp'

import { randomSuffix, richText } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useCleanup, useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const mediaIds: number[] = []
const payload = useLocalPayload()
// Declared first, so it runs last: the images go after the documents that show them (the fixtures).
useCleanup('the images', async () => {
  if (mediaIds.length)
    await payload.delete({ collection: 'media', where: { id: { in: mediaIds } }, overrideAccess: true })
})
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { label: 'images', http })

async function newImage(alt: string): Promise<number> {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#b0c4a8' } })
    .png()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt },
    file: { data, mimetype: 'image/png', name: `${randomSuffix()}.png`, size: data.length },
    overrideAccess: true,
  })
  mediaIds.push(image.id)
  return image.id
}

/** Rich text showing one uploaded image, as the editor's upload feature saves it. */
function showingImage(id: number) {
  const body = richText('With a picture')
  body.root.children.push({
    type: 'upload',
    relationTo: 'media',
    value: id,
    fields: null,
    version: 3,
    format: '',
  } as never)
  return body
}

const altOf = async (id: number) => (await payload.findByID({ collection: 'media', id, overrideAccess: true })).alt
const exists = async (id: number) =>
  (await payload.count({ collection: 'media', where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1

const LIVE_USES: [string, (id: number) => Promise<unknown>][] = [
  [
    'the hero image of a published article',
    (id) => fixtures.published('articles', `Hero ${randomSuffix()}`, { heroImage: id, author: people.writer.id }),
  ],
  [
    'the image of a published technique',
    (id) => fixtures.published('techniques', `Technique ${randomSuffix()}`, { image: id }),
  ],
  [
    'an image inside a published FAQ answer',
    (id) => fixtures.published('faqs', `FAQ ${randomSuffix()}`, { answer: showingImage(id) }),
  ],
]

describe.each(LIVE_USES)('an image shown as %s', (_, showLive) => {
  let image: number
  beforeAll(async () => {
    image = await newImage(`Live alt ${randomSuffix()}`)
    await showLive(image)
  })

  it('cannot be changed by a writer (REST, bulk, GraphQL), and stays as it was', async () => {
    const before = await altOf(image)
    const single = await http.patch(`/api/media/${image}`, { alt: 'Changed by a writer' }, 'writer')
    expect(single.status).toBe(403)
    expect(single.body.errors[0].message).toMatch(/shown on the live site/)
    expect(
      (await http.patch(`/api/media?where[id][equals]=${image}`, { alt: 'Changed in bulk' }, 'writer')).status,
    ).toBeGreaterThanOrEqual(400)
    const graphql = await http.graphql(
      `mutation { updateMedia(id: ${image}, data: { alt: "Changed over GraphQL" }) { id } }`,
      'writer',
    )
    expect(graphql.body.errors[0].message).toMatch(/shown on the live site/)
    expect(await altOf(image)).toBe(before)
  })

  it('cannot be deleted by anyone (409), singly or in bulk, and is still there', async () => {
    for (const token of ['writer', 'reviewer']) {
      expect((await http.delete(`/api/media/${image}`, token)).status).toBe(409)
      expect((await http.delete(`/api/media?where[id][in]=${image}`, token)).status).toBe(409)
    }
    expect(await exists(image)).toBe(true)
  })

  it('can be changed by a reviewer', async () => {
    expect((await http.patch(`/api/media/${image}`, { alt: 'Reviewed alt text' }, 'reviewer')).status).toBe(200)
    expect(await altOf(image)).toBe('Reviewed alt text')
  })
})

it('lets a writer change and delete an image that no published document shows, even one a draft shows', async () => {
  const image = await newImage('Only in a draft')
  await fixtures.draft('articles', `Draft with image ${randomSuffix()}`, { heroImage: image, author: people.writer.id })
  expect((await http.patch(`/api/media/${image}`, { alt: 'Better alt text' }, 'writer')).status).toBe(200)
  expect(await altOf(image)).toBe('Better alt text')
  expect((await http.delete(`/api/media/${image}`, 'writer')).status).toBe(200)
  expect(await exists(image)).toBe(false)
})

it('refuses a bulk delete that includes one live image and deletes none of the others', async () => {
  const live = await newImage('Live in bulk')
  const unused = await newImage('Unused in bulk')
  await fixtures.published('articles', `Bulk hero ${randomSuffix()}`, { heroImage: live })
  expect((await http.delete(`/api/media?where[id][in]=${live},${unused}`, 'reviewer')).status).toBe(409)
  expect([await exists(live), await exists(unused)]).toEqual([true, true])
})
