/**
 * Secrets: the server will not run in production on a weak PAYLOAD_SECRET, and no secret, token
 * or password hash ever comes back in an API answer (REST, GraphQL, populated relations) or
 * lands in the log.
 */
import { randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { collectOutput, spawnServer, waitForExit } from '../helpers/server'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'
import { TEST_PASSWORD } from '../helpers/users'

describe('production start', () => {
  it.each([
    ['too short', 'a1b2c3d4e5f6', 'PAYLOAD_SECRET is too short'],
    ['without variety', 'ab'.repeat(20), 'PAYLOAD_SECRET has too little variety'],
    ['a placeholder', 'replace-me-with-a-long-random-value-please', 'PAYLOAD_SECRET is a placeholder value'],
  ])('is refused with a secret %s', async (_what, secret, reason) => {
    const child = spawnServer({ NODE_ENV: 'production', PAYLOAD_SECRET: secret })
    const output = collectOutput(child)
    expect(await waitForExit(child)).toBe(1)
    expect(output()).toContain(`spa-cms cannot start: ${reason}`)
    expect(output()).not.toContain(secret)
  })
})

describe('API answers and logs', () => {
  const payload = useLocalPayload()
  const fixtures = useFixtures(payload)
  const people = useUsers(fixtures, { admin: 'admin', writer: 'writer' }, { label: 'secrets' })
  const server = useServer()
  const http = httpClient(server)
  const tokens: string[] = []
  /** Everything that must never leave the server. */
  const secrets: string[] = []

  beforeAll(async () => {
    tokens.push(await http.login(people.admin.email, 'admin'), await http.login(people.writer.email, 'writer'))
    await http.post('/api/users/forgot-password', { email: people.writer.email })
    for (const user of [people.admin, people.writer]) {
      const stored = await payload.findByID({
        collection: 'users',
        id: user.id,
        showHiddenFields: true,
        overrideAccess: true,
      })
      secrets.push(
        ...[stored.hash, stored.salt, stored.resetPasswordToken].filter((value): value is string => Boolean(value)),
      )
    }
    expect(secrets).toHaveLength(5) // hash and salt of both, and the writer's reset token
    secrets.push(process.env.PAYLOAD_SECRET as string, TEST_PASSWORD)
    await fixtures.published('articles', `Authored ${randomSuffix()}`, { author: people.writer.id })
  })

  function expectNoSecrets(text: string) {
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/"(hash|salt|resetPasswordToken|password)"\s*:\s*"/)
  }

  it.each([
    ['the account list', '/api/users?limit=100&depth=1'],
    ['one account', 'USER'],
    ['my own account', '/api/users/me'],
    [
      'selected hidden fields',
      '/api/users?select[hash]=true&select[salt]=true&select[resetPasswordToken]=true&select[password]=true',
    ],
    ['articles with their authors', '/api/articles?depth=2&limit=100&draft=true'],
    ['the workflow audit trail', '/api/workflow-events?depth=2&limit=100'],
  ])('REST: %s', async (_what, path) => {
    for (const who of ['admin', 'writer']) {
      const { status, text } = await http.get(path.replace('USER', `/api/users/${people.writer.id}`), who)
      expect(status).toBe(200)
      expectNoSecrets(text)
    }
  })

  it('GraphQL: accounts (the schema lists hash, salt and reset token: they must come back empty), and authors through articles', async () => {
    const { status, text, body } = await http.graphql(
      `{ Users(limit: 100) { docs { id email hash salt resetPasswordToken resetPasswordExpiration sessions { id } } }
         meUser { user { id email hash salt resetPasswordToken } }
         Articles(limit: 100, draft: true) { docs { author { id email hash salt resetPasswordToken } } } }`,
      'admin',
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Users.docs.length).toBeGreaterThanOrEqual(2)
    expectNoSecrets(text)
  })

  it('the log, after all of the above', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200))
    expectNoSecrets(server.output())
    for (const token of tokens) expect(server.output()).not.toContain(token)
  })
})
