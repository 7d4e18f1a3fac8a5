/**
 * The real server over HTTP, on a database of its own (so the first-user flow starts empty):
 * health, readiness, admin, REST, GraphQL, first user, roles, request ids and log hygiene.
 */
import { httpClient } from '../helpers/http'
import { useOwnDatabase, useServer } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

const database = useOwnDatabase('http')
const server = useServer({ env: () => ({ DATABASE_URL: database.url }) })
const http = httpClient(server)

describe('health and readiness', () => {
  it('answers /health without the database', async () => {
    const { status, body } = await http.get('/health')
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'ok' })
  })

  it('answers /ready while the database answers', async () => {
    const { status, body } = await http.get('/ready')
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'ready' })
  })
})

describe('the editorial team, from the first visit on', () => {
  const adminEmail = uniqueEmail('first-admin')
  const writerEmail = uniqueEmail('writer')
  let adminToken: string
  let writerToken: string
  let writerId: number

  it('sends a first visitor of the admin to create-first-user', async () => {
    const response = await fetch(http.url('/admin'), { redirect: 'manual' })
    expect([200, 307, 302]).toContain(response.status)
    const page = response.status === 200 ? await response.text() : (response.headers.get('location') ?? '')
    expect(page).toContain('create-first-user')
  })

  it('makes the first registered user an admin, whatever role they ask for', async () => {
    const { status, body } = await http.post('/api/users/first-register', {
      email: adminEmail,
      password: TEST_PASSWORD,
      role: 'writer',
    })
    expect(status).toBe(200)
    expect(body.user.role).toBe('admin')
    adminToken = body.token
    http.remember('admin', adminToken)
  })

  it('refuses a second first-register', async () => {
    const { status } = await http.post('/api/users/first-register', {
      email: uniqueEmail('late'),
      password: TEST_PASSWORD,
    })
    expect(status).toBe(403)
  })

  it('lets the admin create a writer over REST', async () => {
    const { status, body } = await http.post(
      '/api/users',
      { email: writerEmail, password: TEST_PASSWORD, role: 'writer' },
      'admin',
    )
    expect(status).toBe(201)
    expect(body.doc.role).toBe('writer')
    writerId = body.doc.id
    writerToken = await http.login(writerEmail, 'writer')
  })

  it('refuses a writer creating users over REST', async () => {
    const { status, body } = await http.post(
      '/api/users',
      { email: uniqueEmail('x'), password: TEST_PASSWORD, role: 'admin' },
      'writer',
    )
    expect(status).toBe(403)
    expect(body.errors[0].message).toMatch(/not allowed/i)
  })

  it('refuses a writer promoting themselves over REST, with the reason', async () => {
    const { status, body } = await http.patch(`/api/users/${writerId}`, { role: 'admin' }, 'writer')
    expect({ status, message: body.errors[0].message }).toEqual({
      status: 403,
      message: 'You cannot change your own role.',
    })
  })

  it('refuses a writer promoting themselves over GraphQL', async () => {
    const { body } = await http.graphql(
      `mutation { updateUser(id: ${writerId}, data: { role: admin }) { role } }`,
      'writer',
    )
    expect(body.errors?.[0]?.message).toBe('You cannot change your own role.')
  })

  it('answers GraphQL: a writer sees the admins and reviewers (not their emails), anonymous users see nobody', async () => {
    const team = await http.graphql('{ Users(sort: "createdAt") { docs { email role } } }', 'writer')
    expect(team.body.data.Users.docs).toEqual([
      { email: null, role: 'admin' },
      { email: writerEmail, role: 'writer' },
    ])
    const anonymous = await http.graphql('{ Users { docs { email } } }')
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
    const response = await http.get('/api/users/me')
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const line = server
      .output()
      .split('\n')
      .find((entry) => entry.includes(id as string))
    expect(JSON.parse(line as string)).toMatchObject({
      req: { id, method: 'GET', path: '/api/users/me' },
      res: { statusCode: 200 },
    })
  })

  it('keeps a caller’s well-formed request id and replaces a malformed one', async () => {
    const kept = await http.get('/health', undefined, { headers: { 'x-request-id': 'cdn-abc.123' } })
    expect(kept.headers.get('x-request-id')).toBe('cdn-abc.123')
    const replaced = await http.get('/health', undefined, { headers: { 'x-request-id': 'not a safe id; '.repeat(20) } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
