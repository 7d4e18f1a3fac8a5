/**
 * HTTP-level protections of the real server: security headers that keep the admin working,
 * CORS and CSRF allow-lists, body size limits (with and without Content-Length), malformed JSON,
 * NUL characters, and JSON 404s under /api.
 */
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'
import { TEST_PASSWORD } from '../helpers/users'

const TRUSTED_ORIGIN = 'https://www.spa-frontend.test'
const EVIL_ORIGIN = 'https://evil.example'
const MAX_BODY_KB = 8

const payload = useLocalPayload()
const http = httpClient(useServer({ env: { ALLOWED_ORIGINS: TRUSTED_ORIGIN, MAX_BODY_KB: String(MAX_BODY_KB) } }))
const people = useUsers(useFixtures(payload), { writer: 'writer' }, { label: 'http' })

const url = (path: string) => http.url(path)
const jsonHeaders = { 'content-type': 'application/json' }

/** The writer's JWT. */
const tokenOf = () => http.login(people.writer.email)

/** The writer's login cookie (`payload-token=…`), as the admin's browser holds it. */
const cookieLogin = () => http.cookieLogin(people.writer.email, 'writer')

describe('security headers', () => {
  it('are sent on the admin’s pages, with the policy the admin works with', async () => {
    const response = await fetch(url('/admin/login'))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'self'")
  })

  // Every way into the API: a cached read (twice: miss, then hit), Payload's 404, GraphQL.
  it.each([
    ['GET', '/api/articles'],
    ['GET', '/api/articles'],
    ['GET', '/api/no-such-collection'],
    ['POST', '/api/graphql'],
  ])('on %s %s allow nothing to run and no framing', async (method, path) => {
    const response = await fetch(url(path), {
      method,
      headers: jsonHeaders,
      body: method === 'POST' ? JSON.stringify({ query: '{ Articles(limit: 1) { docs { slug } } }' }) : undefined,
    })
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('strict-transport-security')).toContain('max-age=')
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    for (const pageOnly of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-xss-protection'])
      expect({ pageOnly, value: response.headers.get(pageOnly) }).toEqual({ pageOnly, value: null })
  })

  it('load every script and stylesheet of the admin page from our own origin', async () => {
    const page = await (await fetch(url('/admin/login'))).text()
    const external = [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="(https?:[^"]+)"/g)].map((match) => match[1])
    expect(external).toEqual([])
  })
})

describe('CORS', () => {
  it('lets a trusted origin read the API with credentials', async () => {
    const response = await fetch(url('/api/articles'), { headers: { origin: TRUSTED_ORIGIN } })
    expect(response.headers.get('access-control-allow-origin')).toBe(TRUSTED_ORIGIN)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('gives any other origin no CORS permission, preflight included', async () => {
    const simple = await fetch(url('/api/articles'), { headers: { origin: EVIL_ORIGIN } })
    expect(simple.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await fetch(url('/api/users/me'), {
      method: 'OPTIONS',
      headers: {
        origin: EVIL_ORIGIN,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('CSRF', () => {
  const patchOwnName = (cookie: string, origin: string, name: string) =>
    fetch(url(`/api/users/${people.writer.id}`), {
      method: 'PATCH',
      headers: { ...jsonHeaders, cookie, origin },
      body: JSON.stringify({ name }),
    })

  it('refuses a cookie-authenticated write from another origin', async () => {
    const cookie = await cookieLogin()
    const response = await patchOwnName(cookie, EVIL_ORIGIN, 'Forged name')
    expect(response.status).toBe(403)
    const stored = await payload.findByID({ collection: 'users', id: people.writer.id, overrideAccess: true })
    expect(stored.name).not.toBe('Forged name')
  })

  it('accepts the same write from a trusted origin', async () => {
    const cookie = await cookieLogin()
    expect((await patchOwnName(cookie, TRUSTED_ORIGIN, 'Name from the front end')).status).toBe(200)
  })
})

describe('request bodies', () => {
  const oversized = JSON.stringify({ email: 'x@spa.test', password: 'x'.repeat(MAX_BODY_KB * 1024) })

  it('refuses a body over the limit with 413 and a sentence', async () => {
    const response = await fetch(url('/api/users/login'), { method: 'POST', headers: jsonHeaders, body: oversized })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      errors: [{ message: `The request body is too large: at most ${MAX_BODY_KB} kB is accepted.` }],
    })
  })

  it('refuses a chunked body (no Content-Length) over the limit with 413', async () => {
    const bytes = new TextEncoder().encode(oversized)
    const body = new ReadableStream({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1024)
          controller.enqueue(bytes.slice(offset, offset + 1024))
        controller.close()
      },
    })
    const response = await fetch(url('/api/articles'), {
      method: 'POST',
      headers: jsonHeaders,
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
  })

  it('still hands bodies under the limit to Payload, chunked ones included', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ email: people.writer.email, password: TEST_PASSWORD }))
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10))
        controller.enqueue(bytes.slice(10))
        controller.close()
      },
    })
    const response = await fetch(url('/api/users/login'), {
      method: 'POST',
      headers: jsonHeaders,
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(200)
  })

  it.each(['/api/users/login', '/api/graphql'])(
    'answers malformed JSON to %s with 400 and a sentence',
    async (path) => {
      const response = await fetch(url(path), {
        method: 'POST',
        headers: jsonHeaders,
        body: '{"query": "{ Articles { docs { id } } }",',
      })
      expect(response.status).toBe(400)
      expect((await response.json()).errors[0].message).toMatch(/not valid JSON/)
    },
  )

  it('refuses text with NUL characters with 400 instead of a database error', async () => {
    const response = await fetch(url('/api/faqs?draft=true'), {
      method: 'POST',
      headers: { ...jsonHeaders, cookie: await cookieLogin(), origin: TRUSTED_ORIGIN },
      body: JSON.stringify({ question: 'Does \u0000 break it?', _status: 'draft' }),
    })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/NUL/)
  })
})

describe('request body types', () => {
  const loginBody = () => JSON.stringify({ email: people.writer.email, password: TEST_PASSWORD })

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/merge-patch+json',
    'application/xml',
    'multipart/mixed; boundary=x',
    '',
  ])('refuses a body sent as "%s" with 415 and a sentence, instead of a 500', async (contentType) => {
    const response = await fetch(url('/api/users/login'), {
      method: 'POST',
      headers: contentType ? { 'content-type': contentType } : {},
      body: loginBody(),
    })
    expect(response.status).toBe(415)
    expect((await response.json()).errors[0].message).toMatch(/application\/json/)
  })

  it('leaves a document as it was when a write is refused for its body type', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: `Untouched ${Date.now()}`, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    try {
      const response = await fetch(url(`/api/faqs/${faq.id}?draft=true`), {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json', authorization: `JWT ${await tokenOf()}` },
        body: JSON.stringify({ question: 'Changed' }),
      })
      expect(response.status).toBe(415)
      expect(
        (await payload.findByID({ collection: 'faqs', id: faq.id, draft: true, overrideAccess: true })).question,
      ).toBe(faq.question)
    } finally {
      await payload.delete({ collection: 'faqs', id: faq.id, overrideAccess: true })
    }
  })

  it.each(['Application/JSON', 'application/json; charset=UTF-8', 'APPLICATION/JSON ; charset=utf-8'])(
    'accepts JSON spelled "%s"',
    async (contentType) => {
      const response = await fetch(url('/api/users/login'), {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: loginBody(),
      })
      expect(response.status).toBe(200)
    },
  )

  it("keeps the admin's form-encoded relationship search working (method override to GET)", async () => {
    const response = await fetch(url('/api/techniques'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
        authorization: `JWT ${await tokenOf()}`,
      },
      body: 'limit=5&depth=0',
    })
    expect(response.status).toBe(200)
    expect((await response.json()).limit).toBe(5)
  })
})

describe('unknown routes', () => {
  it.each(['/api/nothing-here', '/api/articles/1/nothing/here'])('answer 404 JSON under /api: %s', async (path) => {
    const response = await fetch(url(path))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('lead nowhere by path traversal', async () => {
    // fetch resolves the dot segments itself (disguised paths sent as written: auth.test.ts).
    const response = await fetch(url('/api/users/%2e%2e/%2e%2e/%2e%2e/etc/passwd'))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('root:')
  })
})
