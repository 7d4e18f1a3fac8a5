/**
 * Image uploads: raster images only (by content, not by name), alt text required, resized variants.
 */
import sharp from 'sharp'

import { httpClient } from '../helpers/http'
import { useCleanup, useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const uploadedIds: number[] = []
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
useUsers(fixtures, { writer: 'writer' }, { label: 'photographer', http })
useCleanup('the uploads', async () => {
  if (uploadedIds.length)
    await payload.delete({ collection: 'media', where: { id: { in: uploadedIds } }, overrideAccess: true })
})

const png = () =>
  sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#c9a27e' } })
    .png()
    .toBuffer()

async function upload(file: Buffer, name: string, type: string, fields: Record<string, string>, auth = true) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  const response = await http.post('/api/media', form, auth ? 'writer' : undefined)
  const body = response.body as {
    doc?: { id: number; sizes: Record<string, { width: number | null; mimeType: string | null }> }
    errors?: { message: string; data?: unknown }[]
  }
  if (body.doc) uploadedIds.push(body.doc.id)
  return { status: response.status, body }
}

it('stores a PNG with its alt text and, for srcset, each width as PNG, WebP and AVIF', async () => {
  const started = Date.now()
  const { status, body } = await upload(await png(), 'hot-stones.png', 'image/png', {
    alt: 'Warm basalt stones on a towel',
  })
  console.log(`upload of a 1800 × 1200 PNG with its 10 variants: ${Date.now() - started} ms`)
  expect(status).toBe(201)
  expect(body.doc?.sizes.thumbnail.width).toBe(400)
  const variants = Object.fromEntries(
    Object.entries(body.doc?.sizes ?? {}).map(([name, size]) => [name, `${size.width} ${size.mimeType}`]),
  )
  expect(variants).toMatchObject({
    small: '480 image/png',
    smallWebp: '480 image/webp',
    smallAvif: '480 image/avif',
    card: '800 image/png',
    cardWebp: '800 image/webp',
    cardAvif: '800 image/avif',
    hero: '1600 image/png',
    heroWebp: '1600 image/webp',
    heroAvif: '1600 image/avif',
  })
})

it('requires alt text, naming the field', async () => {
  const { status, body } = await upload(await png(), 'no-alt.png', 'image/png', {})
  expect(status).toBe(400)
  expect(JSON.stringify(body.errors)).toContain('alt')
})

it('refuses SVG, even when it is named and typed as a PNG', async () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  const honest = await upload(svg, 'logo.svg', 'image/svg+xml', { alt: 'Logo' })
  expect(honest.status).toBe(400)
  const disguised = await upload(svg, 'logo.png', 'image/png', { alt: 'Logo' })
  expect(disguised.status).toBe(400)
})

it('refuses anonymous uploads', async () => {
  const { status } = await upload(await png(), 'anon.png', 'image/png', { alt: 'Anonymous' }, false)
  expect(status).toBe(403)
})
