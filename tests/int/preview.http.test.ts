/**
 * Preview links against the real server: staff get a signed link for one document; with it,
 * anyone (the spa manager has no account) reads that document's latest draft by id, over REST
 * and GraphQL, with its relations as the public sees them, and nothing else: not other ids, other
 * collections, lists, counts, versions or writes. Expired, revoked and altered links get 401;
 * no preview answer is cached by us or marked cacheable for a CDN.
 */
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import { currentGenerations } from '../../src/preview/revocations'
import { previewKey, signPreviewToken } from '../../src/preview/tokens'
import { Fixtures as ContentFixtures, randomSuffix, type ContentDoc } from '../helpers/content'
import { idsWhere, type HttpResult } from '../helpers/http'
import { closePayload, startPayload as openPayload } from '../../src/db/payloadLifecycle'
import { startServer, type RunningServer } from '../helpers/server'
import { createUser, deleteUsers, TEST_PASSWORD } from '../helpers/users'

let payload: Payload
let server: RunningServer
let fixtures: ContentFixtures
let users: User[] = []
const logins = {} as Record<'admin' | 'reviewer' | 'writer', string>
const ROLES = ['admin', 'reviewer', 'writer'] as const

const suffix = randomSuffix()
const secret = `secret${suffix}`
let draftArticle: ContentDoc // never published: its only text is a draft
let pendingArticle: ContentDoc // published, with a newer draft
let otherDraft: ContentDoc // another draft the link must not open
let publishedTechnique: ContentDoc
let pendingTechnique: ContentDoc // published, with a newer draft: the preview shows its published text
let draftTechnique: ContentDoc // never published: the preview leaves it out
let sameIdTechnique: ContentDoc | undefined

type Headers = Record<string, string>

async function call(
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Headers; body?: unknown } = {},
): Promise<HttpResult> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, body: parsed, text, headers: response.headers }
}

const asStaff = (role: keyof typeof logins): Headers => ({ authorization: `JWT ${logins[role]}` })
const withToken = (token: string): Headers => ({ 'x-preview-token': token })
const graphql = (query: string, headers: Headers = {}) => call('POST', '/api/graphql', { headers, body: { query } })

async function linkFor(collection: string, id: number, role: keyof typeof logins = 'writer', body?: unknown) {
  const answer = await call('POST', `/api/${collection}/${id}/preview-link`, { headers: asStaff(role), body })
  expect(answer.status).toBe(201)
  return answer.body as { token: string; expiresAt: string; collection: string; id: number }
}

/** Whether an answer holds draft text other than the `allowed` texts (the previewed document's own title and slug). */
const leaksSecretOtherThan = (text: string, ...allowed: string[]) =>
  allowed
    .reduce((rest, own) => (own ? rest.replaceAll(own, '') : rest), text)
    .toLowerCase()
    .includes(secret)

beforeAll(async () => {
  payload = await openPayload()
  fixtures = new ContentFixtures(payload)
  users = await Promise.all(ROLES.map((role) => createUser(payload, role, `preview-${role}`)))
  publishedTechnique = await fixtures.published('techniques', `Published technique ${suffix}`)
  pendingTechnique = await fixtures.publishedWithDraft(
    'techniques',
    `Public technique ${suffix}`,
    `Pending technique ${secret}`,
  )
  draftTechnique = await fixtures.draft('techniques', `Draft technique ${secret}`)
  draftArticle = await fixtures.draft('articles', `Draft article ${secret} A`, {
    techniques: [publishedTechnique.id, pendingTechnique.id, draftTechnique.id],
  })
  pendingArticle = await fixtures.publishedWithDraft(
    'articles',
    `Public article ${suffix}`,
    `Pending article ${secret} B`,
  )
  otherDraft = await fixtures.draft('articles', `Other draft ${secret} C`)
  server = await startServer()
  for (const [index, role] of ROLES.entries()) {
    const login = await call('POST', '/api/users/login', {
      body: { email: users[index].email, password: TEST_PASSWORD },
    })
    logins[role] = login.body.token
  }
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await fixtures?.cleanup()
  await deleteUsers(payload, users)
  await closePayload(payload)
})

describe('issuing a preview link', () => {
  it.each(ROLES)('a %s gets a signed link for one document, valid for 24 hours by default', async (role) => {
    const started = Date.now()
    const link = await linkFor('articles', draftArticle.id, role)
    expect(link).toMatchObject({ collection: 'articles', id: draftArticle.id })
    expect(link.token).toMatch(/^[\w-]+\.[\w-]{43}$/)
    const lifetime = new Date(link.expiresAt).getTime() - started
    expect(lifetime).toBeGreaterThan(24 * 3600_000 - 5_000)
    expect(lifetime).toBeLessThanOrEqual(24 * 3600_000 + 1_000)
  })

  it('a shorter lifetime may be asked for; nonsense lifetimes get 400', async () => {
    const link = await linkFor('articles', draftArticle.id, 'writer', { expiresIn: 600 })
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(600_000)
    for (const expiresIn of [0, 59, 1.5, '600', 10 ** 9]) {
      const refused = await call('POST', `/api/articles/${draftArticle.id}/preview-link`, {
        headers: asStaff('writer'),
        body: { expiresIn },
      })
      expect({ expiresIn, status: refused.status }).toEqual({ expiresIn, status: 400 })
      expect(refused.body.errors[0].message).toMatch(/expiresIn/)
    }
  })

  it('anonymous visitors and preview-token holders cannot issue links', async () => {
    const anonymous = await call('POST', `/api/articles/${draftArticle.id}/preview-link`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/Log in/)
    const { token } = await linkFor('articles', draftArticle.id)
    const withLink = await call('POST', `/api/articles/${otherDraft.id}/preview-link`, { headers: withToken(token) })
    expect(withLink.status).toBe(401)
    expect(withLink.text).not.toMatch(/token"/)
  })

  it('unknown and malformed ids get 404', async () => {
    for (const id of ['999999999', 'abc', '0', '1e3']) {
      const answer = await call('POST', `/api/articles/${id}/preview-link`, { headers: asStaff('admin') })
      expect({ id, status: answer.status }).toEqual({ id, status: 404 })
    }
  })

  it('answers are never cached', async () => {
    const answer = await call('POST', `/api/articles/${draftArticle.id}/preview-link`, { headers: asStaff('writer') })
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('reading with a preview link, without an account', () => {
  let token: string
  beforeAll(async () => {
    token = (await linkFor('articles', draftArticle.id)).token
  })

  it('REST: the document by id is its latest draft, with or without ?draft=true, never cached', async () => {
    for (const query of ['', '?draft=true', '?depth=1']) {
      const answer = await call('GET', `/api/articles/${draftArticle.id}${query}`, { headers: withToken(token) })
      expect({ query, status: answer.status, title: answer.body.title }).toEqual({
        query,
        status: 200,
        title: `Draft article ${secret} A`,
      })
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
      expect(answer.headers.get('x-cache')).toBeNull()
    }
  })

  it('REST: its relations come as the public sees them: published texts, no drafts', async () => {
    const answer = await call('GET', `/api/articles/${draftArticle.id}?depth=1`, { headers: withToken(token) })
    const techniques = answer.body.techniques as ({ id: number; name: string } | number | null)[]
    const shown = techniques.filter(
      (item): item is { id: number; name: string } => typeof item === 'object' && item !== null,
    )
    expect(shown.map((item) => item.id).sort()).toEqual([publishedTechnique.id, pendingTechnique.id].sort())
    expect(shown.find((item) => item.id === pendingTechnique.id)?.name).toBe(`Public technique ${suffix}`)
    expect(leaksSecretOtherThan(answer.text, `Draft article ${secret} A`, draftArticle.slug)).toBe(false)
  })

  it('a published document with a newer draft shows that draft', async () => {
    const link = await linkFor('articles', pendingArticle.id, 'reviewer')
    const rest = await call('GET', `/api/articles/${pendingArticle.id}`, { headers: withToken(link.token) })
    expect(rest.body.title).toBe(`Pending article ${secret} B`)
    const gql = await graphql(`{ Article(id: ${pendingArticle.id}) { title } }`, withToken(link.token))
    expect(gql.body.data.Article.title).toBe(`Pending article ${secret} B`)
    // The same address without the token still says what the public sees, twice (miss, then hit).
    for (let i = 0; i < 2; i++) {
      const anonymous = await call('GET', `/api/articles/${pendingArticle.id}`)
      expect(anonymous.body.title).toBe(`Public article ${suffix}`)
    }
    const afterwards = await call('GET', `/api/articles/${pendingArticle.id}`, { headers: withToken(link.token) })
    expect(afterwards.body.title).toBe(`Pending article ${secret} B`)
  })

  it('REST: other ids, other collections, lists, counts and versions stay as the public sees them', async () => {
    const otherId = await call('GET', `/api/articles/${otherDraft.id}?draft=true`, { headers: withToken(token) })
    expect(otherId.status).toBe(404)
    sameIdTechnique = (await payload.findByID({
      collection: 'techniques',
      id: draftArticle.id,
      draft: true,
      disableErrors: true,
      overrideAccess: true,
    })) as unknown as ContentDoc | undefined
    const otherCollection = await call('GET', `/api/techniques/${draftArticle.id}?draft=true`, {
      headers: withToken(token),
    })
    if (sameIdTechnique?._status === 'published') expect(otherCollection.status).toBe(200)
    else expect(otherCollection.status).toBe(404)
    expect(leaksSecretOtherThan(otherCollection.text, '')).toBe(false)
    const ids = `where[id][in][0]=${draftArticle.id}&where[id][in][1]=${otherDraft.id}&where[id][in][2]=${pendingArticle.id}`
    for (const [path, expected] of [
      [`/api/articles?${ids}`, [pendingArticle.id]],
      [`/api/articles?draft=true&${ids}`, [pendingArticle.id]],
      [`/api/articles?draft=true&where[_status][equals]=draft&${ids}`, []],
    ] as const) {
      const list = await call('GET', path, { headers: withToken(token) })
      expect(list.status).toBe(200)
      expect({ path, ids: list.body.docs.map((doc: ContentDoc) => doc.id) }).toEqual({ path, ids: expected })
      expect(leaksSecretOtherThan(list.text, '')).toBe(false)
    }
    const count = await call('GET', `/api/articles/count?${ids}`, { headers: withToken(token) })
    expect(count.body.totalDocs).toBe(1)
    const versionIds = await fixtures.versionIds('articles', draftArticle.id)
    for (const path of [
      `/api/articles/versions?where[parent][equals]=${draftArticle.id}`,
      `/api/articles/versions/${versionIds[0]}`,
    ]) {
      const versions = await call('GET', path, { headers: withToken(token) })
      expect({ path, status: versions.status }).toEqual({ path, status: 403 })
      expect(leaksSecretOtherThan(versions.text, '')).toBe(false)
    }
    const workflow = await call('GET', `/api/articles/${draftArticle.id}/workflow`, { headers: withToken(token) })
    expect(workflow.status).toBeGreaterThanOrEqual(400)
  })

  it('cannot change the document', async () => {
    const patch = await call('PATCH', `/api/articles/${draftArticle.id}?draft=true`, {
      headers: withToken(token),
      body: { title: 'Hijacked' },
    })
    expect(patch.status).toBe(403)
    const del = await call('DELETE', `/api/articles/${draftArticle.id}`, { headers: withToken(token) })
    expect(del.status).toBe(403)
    const stored = await payload.findByID({
      collection: 'articles',
      id: draftArticle.id,
      draft: true,
      overrideAccess: true,
    })
    expect(stored.title).toBe(`Draft article ${secret} A`)
  })

  it("Live Preview's merge: unsaved values come back populated as the public sees them, nothing saved, never cached", async () => {
    // What the site's /api/draft/live sends for the admin's Live Preview (@payloadcms/live-preview's mergeData).
    const merge = (id: number, values: Record<string, unknown>) =>
      call('POST', `/api/articles/${id}`, {
        headers: { ...withToken(token), 'x-payload-http-method-override': 'GET' },
        body: { data: values, depth: 1 },
      })
    const typed = {
      id: draftArticle.id,
      title: `Typed, not saved ${suffix}`,
      techniques: [publishedTechnique.id, pendingTechnique.id, draftTechnique.id],
    }
    const answer = await merge(draftArticle.id, typed)
    expect(answer.status).toBe(200)
    expect(answer.body.title).toBe(typed.title)
    // The unpublished technique is left out, as for the public (src/content/relations.ts).
    const techniques = answer.body.techniques as ({ id: number; name: string } | number)[]
    expect(techniques.map((item) => (typeof item === 'number' ? item : item.name))).toEqual([
      `Published technique ${suffix}`,
      `Public technique ${suffix}`,
    ])
    expect(leaksSecretOtherThan(answer.text, '')).toBe(false)
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
    expect(answer.headers.get('x-cache')).toBeNull()
    const stored = await payload.findByID({
      collection: 'articles',
      id: draftArticle.id,
      draft: true,
      overrideAccess: true,
    })
    expect(stored.title).toBe(`Draft article ${secret} A`)
    // Payload answers a merge for any id with the values sent (anonymous callers too); nothing of
    // another draft comes back with them.
    const other = await merge(otherDraft.id, { id: otherDraft.id, title: `Typed elsewhere ${suffix}` })
    expect(leaksSecretOtherThan(other.text, '')).toBe(false)
  })

  it('GraphQL: the document by id, with published relations, and nothing else', async () => {
    const one = await graphql(
      `{ Article(id: ${draftArticle.id}, draft: true) { title techniques { id name } } }`,
      withToken(token),
    )
    expect(one.body.data.Article.title).toBe(`Draft article ${secret} A`)
    expect(one.body.data.Article.techniques.map((item: { id: number }) => item.id).sort()).toEqual(
      [publishedTechnique.id, pendingTechnique.id].sort(),
    )
    expect(leaksSecretOtherThan(one.text, `Draft article ${secret} A`, draftArticle.slug)).toBe(false)
    expect(one.headers.get('cache-control')).toBe('private, no-store')

    const other = await graphql(`{ Article(id: ${otherDraft.id}, draft: true) { title } }`, withToken(token))
    expect(other.body.data?.Article ?? null).toBeNull()
    const list = await graphql(
      `{ Articles(draft: true, where: ${idsWhere([draftArticle.id, otherDraft.id, pendingArticle.id])}) { docs { id title } } countArticles(where: ${idsWhere([draftArticle.id, otherDraft.id])}) { totalDocs } }`,
      withToken(token),
    )
    expect(list.body.errors).toBeUndefined()
    expect(list.body.data.Articles.docs.map((doc: ContentDoc) => doc.id)).toEqual([pendingArticle.id])
    expect(list.body.data.countArticles.totalDocs).toBe(0)
    const versions = await graphql(
      `{ versionsArticles(where: { parent: { equals: ${draftArticle.id} } }) { docs { id } } }`,
      withToken(token),
    )
    expect(versions.body.data?.versionsArticles ?? null).toBeNull()
    expect(versions.body.errors[0].extensions.statusCode).toBe(403)
    const technique = await graphql(`{ Technique(id: ${draftTechnique.id}, draft: true) { name } }`, withToken(token))
    expect(technique.body.data?.Technique ?? null).toBeNull()
    for (const answer of [other, list, versions, technique]) expect(leaksSecretOtherThan(answer.text, '')).toBe(false)
  })

  it('the front end learns what the link opens', async () => {
    const current = await call('GET', '/api/preview-links/current', { headers: withToken(token) })
    expect(current.status).toBe(200)
    expect(current.body).toMatchObject({ collection: 'articles', id: draftArticle.id, slug: draftArticle.slug })
    expect(current.headers.get('cache-control')).toBe('private, no-store')
    const none = await call('GET', '/api/preview-links/current')
    expect(none.status).toBe(401)
  })
})

describe('links that no longer work get 401 with the reason', () => {
  const key = () => previewKey(payload.secret)
  const now = () => Math.floor(Date.now() / 1000)

  async function expectRefused(token: string, reason: RegExp): Promise<void> {
    const rest = await call('GET', `/api/articles/${draftArticle.id}`, { headers: withToken(token) })
    expect(rest.status).toBe(401)
    expect(rest.body.errors[0].message).toMatch(reason)
    expect(leaksSecretOtherThan(rest.text, '')).toBe(false)
    expect(rest.headers.get('cache-control')).toBe('private, no-store')
    const gql = await graphql(`{ Article(id: ${draftArticle.id}) { title } }`, withToken(token))
    expect(gql.body.data?.Article ?? null).toBeNull()
    expect(gql.body.errors[0].message).toMatch(reason)
    expect(leaksSecretOtherThan(gql.text, '')).toBe(false)
    const current = await call('GET', '/api/preview-links/current', { headers: withToken(token) })
    expect(current.status).toBe(401)
    // Even for published content: a bad link is refused, not quietly read as anonymous.
    const published = await call('GET', `/api/articles/${pendingArticle.id}`, { headers: withToken(token) })
    expect(published.status).toBe(401)
  }

  it('expired', async () => {
    const generations = await currentGenerations(payload, 'articles', draftArticle.id)
    const expired = signPreviewToken(key(), {
      c: 'articles',
      i: draftArticle.id,
      e: now() - 1,
      g: generations.all,
      d: generations.document,
    })
    await expectRefused(expired, /expired/)
  })

  it('altered: another id, or a forged signature', async () => {
    const { token } = await linkFor('articles', draftArticle.id)
    const [text, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(text, 'base64url').toString())
    const otherId = Buffer.from(JSON.stringify({ ...claims, i: otherDraft.id })).toString('base64url')
    await expectRefused(`${otherId}.${signature}`, /altered/)
    await expectRefused(`${text}.${'A'.repeat(43)}`, /altered/)
    await expectRefused('not-a-token', /not valid/)
  })

  it("revoked for one document: its links fail, other documents' links and new links work", async () => {
    const first = await linkFor('articles', draftArticle.id)
    const other = await linkFor('articles', otherDraft.id)
    const anonymous = await call('DELETE', `/api/articles/${draftArticle.id}/preview-link`)
    expect(anonymous.status).toBe(401)
    const withLink = await call('DELETE', `/api/articles/${draftArticle.id}/preview-link`, {
      headers: withToken(first.token),
    })
    expect(withLink.status).toBe(401)
    expect((await call('GET', `/api/articles/${draftArticle.id}`, { headers: withToken(first.token) })).status).toBe(
      200,
    )

    const revoked = await call('DELETE', `/api/articles/${draftArticle.id}/preview-link`, {
      headers: asStaff('writer'),
    })
    expect(revoked.status).toBe(200)
    await expectRefused(first.token, /revoked/)
    expect((await call('GET', `/api/articles/${otherDraft.id}`, { headers: withToken(other.token) })).body.title).toBe(
      `Other draft ${secret} C`,
    )
    const fresh = await linkFor('articles', draftArticle.id)
    expect(
      (await call('GET', `/api/articles/${draftArticle.id}`, { headers: withToken(fresh.token) })).body.title,
    ).toBe(`Draft article ${secret} A`)
  })

  it('revoked all at once, by an admin only', async () => {
    const before = [await linkFor('articles', draftArticle.id), await linkFor('articles', otherDraft.id)]
    for (const role of ['writer', 'reviewer'] as const) {
      const refused = await call('DELETE', '/api/preview-links', { headers: asStaff(role) })
      expect({ role, status: refused.status }).toEqual({ role, status: 403 })
    }
    expect((await call('DELETE', '/api/preview-links')).status).toBe(401)
    expect(
      (await call('GET', `/api/articles/${draftArticle.id}`, { headers: withToken(before[0].token) })).status,
    ).toBe(200)

    const revoked = await call('DELETE', '/api/preview-links', { headers: asStaff('admin') })
    expect(revoked.status).toBe(200)
    await expectRefused(before[0].token, /revoked/)
    expect((await call('GET', `/api/articles/${otherDraft.id}`, { headers: withToken(before[1].token) })).status).toBe(
      401,
    )
    const fresh = await linkFor('articles', draftArticle.id)
    expect((await call('GET', `/api/articles/${draftArticle.id}`, { headers: withToken(fresh.token) })).status).toBe(
      200,
    )
  })
})

describe('staff with a link', () => {
  it.each(ROLES)('a logged-in %s reads as usual; the token changes nothing for them', async (role) => {
    const { token } = await linkFor('articles', draftArticle.id)
    const list = await call(
      'GET',
      `/api/articles?draft=true&where[id][in][0]=${draftArticle.id}&where[id][in][1]=${otherDraft.id}`,
      { headers: { ...asStaff(role), ...withToken(token) } },
    )
    expect(list.body.docs.map((doc: ContentDoc) => doc.id).sort()).toEqual([draftArticle.id, otherDraft.id].sort())
  })
})
