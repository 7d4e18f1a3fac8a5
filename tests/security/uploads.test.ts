/**
 * Upload abuse: files are judged by their content, not their name or declared type (HTML, SVG
 * and other types are refused however they are dressed), the size limit holds, and the server
 * never fetches a file from a URL a client gives it.
 */
import sharp from 'sharp'

import { httpClient } from '../helpers/http'
import { useCleanup, useFixtures, useLocalPayload, useServer, useUsers, useWebhookReceiver } from '../helpers/suite'

const uploadedIds: number[] = []
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const receiver = useWebhookReceiver()
const server = useServer()
const http = httpClient(server)
useUsers(fixtures, { writer: 'writer' }, { label: 'upload-attacker', http })
useCleanup('the uploads', async () => {
  if (uploadedIds.length)
    await payload.delete({ collection: 'media', where: { id: { in: uploadedIds } }, overrideAccess: true })
})

const smallPng = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#7a9e7e' } })
    .png()
    .toBuffer()

async function upload(file: Buffer, name: string, type: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: 'An attack' }))
  const response = await http.post('/api/media', form, 'writer')
  const body = response.body as { doc?: { id: number; url: string }; errors?: { message: string }[] }
  if (body.doc) uploadedIds.push(body.doc.id)
  return { status: response.status, body }
}

const html = Buffer.from(
  '<!DOCTYPE html><html><body><script>fetch("/api/users").then(r=>r.text()).then(alert)</script></body></html>',
)
const svg = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
)
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')

it.each([
  ['HTML named and typed as a PNG', html, 'photo.png', 'image/png'],
  ['HTML as HTML', html, 'page.html', 'text/html'],
  ['SVG named and typed as a JPEG', svg, 'photo.jpg', 'image/jpeg'],
  ['SVG as SVG', svg, 'logo.svg', 'image/svg+xml'],
  ['a GIF (not an allowed type) named as a WebP', gif, 'photo.webp', 'image/webp'],
  ['a script typed as an image', Buffer.from('alert(1)'), 'photo.avif', 'image/avif'],
])('refuses %s', async (_what, file, name, type) => {
  const { status, body } = await upload(file as Buffer, name as string, type as string)
  expect(status).toBe(400)
  expect(body.doc).toBeUndefined()
})

it('serves an accepted image with its image type and nosniff', async () => {
  const { status, body } = await upload(await smallPng(), 'fine.png', 'image/png')
  expect(status).toBe(201)
  // As its uploader: no published page shows it yet, so it is not public (draftImages.test.ts).
  const served = await http.get(new URL(body.doc?.url ?? '').pathname, 'writer')
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(served.headers.get('x-content-type-options')).toBe('nosniff')
})

describe('files by URL', () => {
  // Payload would fetch a public URL given with a filename (and a focal point); 127.0.0.1 proves nothing was even tried.
  it.each(['RECEIVER/image.png', 'https://images.example.com/spa.png'])(
    'refuses creating media from a URL (%s) and fetches nothing',
    async (source) => {
      const response = await http.post(
        '/api/media',
        {
          alt: 'From afar',
          url: source.replace('RECEIVER', receiver.url),
          filename: 'image.png',
          focalX: 10,
          focalY: 10,
        },
        'writer',
      )
      expect(response.status).toBe(400)
      expect((response.body as { errors: { message: string }[] }).errors[0].message).toBe(
        'Send the image file itself: the CMS does not fetch files from URLs.',
      )
      expect(receiver.attempts).toHaveLength(0)
    },
  )

  it('fetches nothing when asked to over GraphQL', async () => {
    const response = await http.graphql(
      `mutation { createMedia(data: { alt: "From afar", url: "${receiver.url}/image.png", filename: "image.png" }) { id } }`,
      'writer',
    )
    const body = response.body as { data?: { createMedia: unknown }; errors?: { message: string }[] }
    expect(body.data?.createMedia ?? null).toBeNull()
    expect(body.errors).toHaveLength(1)
    expect(receiver.attempts).toHaveLength(0)
    // GraphQL hides the reason (Payload wraps it as a 500 "problem while uploading"); the log shows who stopped it.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.output()).toContain('the CMS does not fetch files from URLs')
  })

  it('has no paste-URL proxy that fetches for the client', async () => {
    const response = await http.get(
      `/api/media/paste-url?src=${encodeURIComponent(`${receiver.url}/image.png`)}`,
      'writer',
    )
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(receiver.attempts).toHaveLength(0)
  })
})

// Last: Payload answers 413 before reading the rest of the upload, which resets that connection.
it('refuses a file over 10 MB, even a real PNG', async () => {
  const padded = Buffer.concat([await smallPng(), Buffer.alloc(11 * 1024 * 1024)])
  const { status, body } = await upload(padded, 'huge.png', 'image/png')
  expect(status).toBe(413)
  expect(body.doc).toBeUndefined()
})
