/**
 * The real server over HTTP, on a database of its own (so the first-user flow starts empty):
 * health, readiness, admin, REST, GraphQL, first user, roles, request ids and log hygiene.
 */
import { createMigratedDatabase, dropDatabase } from '../setup/testDatabase'
import { startServer, type RunningServer } from '../helpers/server'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

let server: RunningServer
let databaseUrl: string

beforeAll(async () => {
  databaseUrl = await createMigratedDatabase(process.env.SPA_CMS_TEST_SERVER_URL as string, 'http')
  server = await startServer({ DATABASE_URL: databaseUrl })
})

afterAll(async () => {
  await server?.stop()
  await dropDatabase(databaseUrl)
})

const url = (path: string) => `${server.baseUrl}${path}`

async function postJson(path: string, body: unknown, token?: string) {
  const response = await fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any>, headers: response.headers }
}

async function login(email: string): Promise<string> {
  const { status, body } = await postJson('/api/users/login', { email, password: TEST_PASSWORD })
  expect(status).toBe(200)
  return body.token as string
}

describe('health and readiness', () => {
  it('answers /health without the database', async () => {
    const response = await fetch(url('/health'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('answers /ready while the database answers', async () => {
    const response = await fetch(url('/ready'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ready' })
  })
})

describe('the editorial team, from the first visit on', () => {
  const adminEmail = uniqueEmail('first-admin')
  const writerEmail = uniqueEmail('writer')
  let adminToken: string
  let writerToken: string
  let writerId: number

  it('sends a first visitor of the admin to create-first-user', async () => {
    const response = await fetch(url('/admin'), { redirect: 'manual' })
    expect([200, 307, 302]).toContain(response.status)
    const page = response.status === 200 ? await response.text() : (response.headers.get('location') ?? '')
    expect(page).toContain('create-first-user')
  })

  it('makes the first registered user an admin, whatever role they ask for', async () => {
    const { status, body } = await postJson('/api/users/first-register', {
      email: adminEmail,
      password: TEST_PASSWORD,
      role: 'writer',
    })
    expect(status).toBe(200)
    expect(body.user.role).toBe('admin')
    adminToken = body.token
  })

  it('refuses a second first-register', async () => {
    const { status } = await postJson('/api/users/first-register', { email: uniqueEmail('late'), password: TEST_PASSWORD })
    expect(status).toBe(403)
  })

  it('lets the admin create a writer over REST', async () => {
    const { status, body } = await postJson('/api/users', { email: writerEmail, password: TEST_PASSWORD, role: 'writer' }, adminToken)
    expect(status).toBe(201)
    expect(body.doc.role).toBe('writer')
    writerId = body.doc.id
    writerToken = await login(writerEmail)
  })

  it('refuses a writer creating users over REST', async () => {
    const { status, body } = await postJson('/api/users', { email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'admin' }, writerToken)
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/not allowed/i)
  })

  it('refuses a writer promoting themselves over REST, with the reason', async () => {
    const response = await fetch(url(`/api/users/${writerId}`), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${writerToken}` },
      body: JSON.stringify({ role: 'admin' }),
    })
    const body = (await response.json()) as any
    expect({ status: response.status, message: body.errors[0].message }).toEqual({ status: 403, message: 'You cannot change your own role.' })
  })

  it('refuses a writer promoting themselves over GraphQL', async () => {
    const { body } = await postJson(
      '/api/graphql',
      { query: `mutation { updateUser(id: ${writerId}, data: { role: admin }) { role } }` },
      writerToken,
    )
    expect(body.errors?.[0]?.message).toBe('You cannot change your own role.')
  })

  it('answers GraphQL: a writer sees the admins and reviewers (not their emails), anonymous users see nobody', async () => {
    const team = await postJson('/api/graphql', { query: '{ Users(sort: "createdAt") { docs { email role } } }' }, writerToken)
    expect(team.body.data.Users.docs).toEqual([
      { email: null, role: 'admin' },
      { email: writerEmail, role: 'writer' },
    ])
    const anonymous = await postJson('/api/graphql', { query: '{ Users { docs { email } } }' })
    expect(anonymous.body.data.Users).toBeNull()
    expect(anonymous.body.errors[0].extensions.statusCode).toBe(403)
  })

  it('never writes passwords or tokens to the log', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200)) // let the last log lines arrive
    expect(server.output()).not.toContain(TEST_PASSWORD)
    expect(server.output()).not.toContain(writerToken)
    expect(server.output()).not.toContain(adminToken)
  })
})

describe('request ids', () => {
  it('returns a request id and logs it with the request', async () => {
    const response = await fetch(url('/api/users/me'))
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const line = server.output().split('\n').find((entry) => entry.includes(id as string))
    expect(JSON.parse(line as string)).toMatchObject({ req: { id, method: 'GET', path: '/api/users/me' }, res: { statusCode: 200 } })
  })

  it('keeps a caller’s well-formed request id and replaces a malformed one', async () => {
    const kept = await fetch(url('/health'), { headers: { 'x-request-id': 'cdn-abc.123' } })
    expect(kept.headers.get('x-request-id')).toBe('cdn-abc.123')
    const replaced = await fetch(url('/health'), { headers: { 'x-request-id': 'not a safe id; '.repeat(20) } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
