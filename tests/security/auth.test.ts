/**
 * Attacks on accounts: password guessing (lockout, per-IP rate limits), finding out who has an
 * account, reusing tokens after logout, reusing or outliving password reset tokens, and
 * unlocking accounts without being an admin.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import pg from 'pg'
import type { User } from '../../payload-types'
import { FAILED_LOGIN_ANSWER_MS, FORGOT_PASSWORD_ANSWER_MS } from '../../src/security/http/uniformTiming'
import { httpClient, type HttpResult, type Who } from '../helpers/http'
import { startServer } from '../helpers/server'
import { useFixtures, useLocalPayload, useServer } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

const NEW_PASSWORD = 'Quiet-Forest-77!'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
// Generous limits here: this file is about accounts; the rate limits have their own server below.
const http = httpClient(useServer({ env: { LOGIN_RATE_LIMIT: '1000', FORGOT_PASSWORD_RATE_LIMIT: '1000' } }))

const newUser = (role: 'admin' | 'reviewer' | 'writer'): Promise<User> => fixtures.user(role, `auth-${role}`)

const login = (email: string, password = TEST_PASSWORD) => http.post('/api/users/login', { email, password })

/** Logs `user` in on `http` under a name of their own, and returns it. */
async function loggedIn(user: User): Promise<string> {
  const name = `user-${user.id}`
  await http.login(user.email, name)
  return name
}

const me = async (who: Who) => (await http.get('/api/users/me', who)).body.user as User | null

async function resetTokenOf(user: User): Promise<string> {
  const stored = await payload.findByID({
    collection: 'users',
    id: user.id,
    showHiddenFields: true,
    overrideAccess: true,
  })
  return stored.resetPasswordToken as string
}

describe('password guessing', () => {
  it('locks an account after 5 failed logins, even against the right password', async () => {
    const victim = await newUser('writer')
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await login(victim.email, `wrong-${attempt}`)).status).toBe(401)
    const { status, body } = await login(victim.email)
    expect(status).toBe(401)
    expect(body.errors[0].message).toMatch(/locked/i)
  })

  it('lets only an admin unlock an account', async () => {
    const victim = await newUser('writer')
    for (let attempt = 1; attempt <= 5; attempt++) await login(victim.email, `wrong-${attempt}`)
    for (const role of ['writer', 'reviewer'] as const) {
      const { status } = await http.post(
        '/api/users/unlock',
        { email: victim.email },
        await loggedIn(await newUser(role)),
      )
      expect({ role, status }).toEqual({ role, status: 403 })
    }
    expect((await http.post('/api/users/unlock', { email: victim.email })).status).toBe(403)
    expect((await login(victim.email)).status).toBe(401)
    expect(
      (await http.post('/api/users/unlock', { email: victim.email }, await loggedIn(await newUser('admin')))).status,
    ).toBe(200)
    expect((await login(victim.email)).status).toBe(200)
  })
})

describe('finding out who has an account', () => {
  it('gets the same answer from login for an unknown email and a wrong password', async () => {
    const known = await newUser('writer')
    const wrongPassword = await login(known.email, 'not-the-password')
    const unknownEmail = await login(uniqueEmail('nobody'), 'not-the-password')
    expect(unknownEmail.status).toBe(wrongPassword.status)
    expect(unknownEmail.body).toEqual(wrongPassword.body)
  })

  it('gets the same answer from forgot-password for a known and an unknown email', async () => {
    const known = await newUser('writer')
    const forKnown = await http.post('/api/users/forgot-password', { email: known.email })
    const forUnknown = await http.post('/api/users/forgot-password', { email: uniqueEmail('nobody') })
    expect(forKnown.status).toBe(200)
    expect(forUnknown).toEqual({ ...forKnown, headers: forUnknown.headers })
    expect(JSON.stringify(forKnown.body)).not.toContain(await resetTokenOf(known))
  })
})

const timed = async (send: () => Promise<unknown>) => {
  const started = performance.now()
  await send()
  return performance.now() - started
}

describe('login answers for unknown emails', () => {
  it('are the same as for an account, attempt after attempt, lock included', async () => {
    const known = await newUser('writer')
    const unknown = uniqueEmail('nobody')
    for (let attempt = 1; attempt <= 7; attempt++) {
      const forKnown = await login(known.email, `wrong-${attempt}`)
      const forUnknown = await login(unknown, `wrong-${attempt}`)
      expect({ attempt, status: forUnknown.status, body: forUnknown.body }).toEqual({
        attempt,
        status: forKnown.status,
        body: forKnown.body,
      })
    }
    expect((await login(unknown, 'wrong')).body.errors[0].message).toMatch(/locked/i)
  })

  it.each([
    ['REST', (email: string) => login(email, 'not-the-password')],
    [
      'GraphQL',
      (email: string) =>
        http.post('/api/graphql', {
          query: `mutation { loginUser(email: "${email}", password: "not-the-password") { token } }`,
        }),
    ],
  ])('take as long as for an account (%s)', async (_, failLogin) => {
    const known = await newUser('writer')
    // Alternating pairs, compared by their medians: one slow moment of a busy machine is not a tell.
    const forKnown: number[] = []
    const forUnknown: number[] = []
    for (let pair = 0; pair < 3; pair++) {
      forKnown.push(await timed(() => failLogin(known.email)))
      forUnknown.push(await timed(() => failLogin(uniqueEmail('nobody'))))
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]
    expect(Math.min(...forKnown, ...forUnknown)).toBeGreaterThanOrEqual(FAILED_LOGIN_ANSWER_MS - 5)
    expect(Math.abs(median(forKnown) - median(forUnknown))).toBeLessThan(250)
  })
})

describe('forgot-password timing', () => {
  it.each([
    ['REST', (email: string) => http.post('/api/users/forgot-password', { email })],
    [
      'GraphQL',
      (email: string) => http.post('/api/graphql', { query: `mutation { forgotPasswordUser(email: "${email}") }` }),
    ],
  ])('takes as long for a known email as for an unknown one (%s)', async (_, forgot) => {
    const known = await newUser('writer')
    const forKnown = await timed(() => forgot(known.email))
    const forUnknown = await timed(() => forgot(uniqueEmail('nobody')))
    expect(forKnown).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS - 5)
    expect(forUnknown).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS - 5)
    expect(Math.abs(forKnown - forUnknown)).toBeLessThan(250)
  })
})

describe('tokens', () => {
  it('are worthless after logout', async () => {
    const user = await newUser('writer')
    const who = await loggedIn(user)
    expect((await me(who))?.id).toBe(user.id)
    expect((await http.post('/api/users/logout', {}, who)).status).toBe(200)
    expect(await me(who)).toBeNull()
    const write = await http.patch(`/api/users/${user.id}`, { name: 'after logout' }, who)
    expect(write.status).toBe(403)
  })

  it('reset a password once only', async () => {
    const user = await newUser('writer')
    await http.post('/api/users/forgot-password', { email: user.email })
    const token = await resetTokenOf(user)
    expect((await http.post('/api/users/reset-password', { token, password: NEW_PASSWORD })).status).toBe(200)
    const reused = await http.post('/api/users/reset-password', { token, password: 'Another-Try-99!' })
    expect(reused.status).toBe(403)
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200)
  })

  it('reset nothing once expired', async () => {
    const user = await newUser('writer')
    await http.post('/api/users/forgot-password', { email: user.email })
    const token = await resetTokenOf(user)
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await db.connect()
    try {
      await db.query("UPDATE users SET reset_password_expiration = now() - interval '1 minute' WHERE id = $1", [
        user.id,
      ])
    } finally {
      await db.end()
    }
    expect((await http.post('/api/users/reset-password', { token, password: NEW_PASSWORD })).status).toBe(403)
    expect((await login(user.email)).status).toBe(200)
  })
})

describe('per-IP rate limits', () => {
  const limited = useServer({
    env: {
      LOGIN_RATE_LIMIT: '3',
      FORGOT_PASSWORD_RATE_LIMIT: '2',
      GRAPHQL_RATE_LIMIT: '4',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    },
  })

  interface Answer {
    status: number
    retryAfter: number
    body: HttpResult['body']
    headers: IncomingHttpHeaders
  }

  /** Each test is a different client: its own loopback address (127.0.0.x), so its own counters. */
  function clientAt(address: string, server = limited) {
    const { port } = new URL(server.baseUrl)
    /** `path` is sent exactly as written; a string `body` is sent as it is (raw JSON); no body: a GET. */
    return (path: string, body: unknown, headers: Record<string, string> = {}) =>
      new Promise<Answer>((resolve, reject) => {
        const payloadBytes =
          body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
        const bodyHeaders =
          body === undefined ? {} : { 'content-type': 'application/json', 'content-length': payloadBytes.length }
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path,
            method: body === undefined ? 'GET' : 'POST',
            localAddress: address,
            headers: { ...headers, ...bodyHeaders },
          },
          (response) => {
            let text = ''
            response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                retryAfter: Number(response.headers['retry-after']),
                body: JSON.parse(text),
                headers: response.headers,
              }),
            )
          },
        )
        request.once('error', reject)
        request.end(payloadBytes)
      })
  }

  const graphqlLogin = (email: string, password: string) => ({
    query: `mutation { loginUser(email: "${email}", password: "${password}") { token } }`,
  })

  function expectLimited(answer: Answer, what: RegExp) {
    expect(answer.status).toBe(429)
    expect(answer.retryAfter).toBeGreaterThan(0)
    expect(answer.body.errors[0].message).toMatch(what)
  }

  it('answers the login attempt over the limit with 429, Retry-After and a sentence, even with the right password', async () => {
    const user = await newUser('writer')
    const post = clientAt('127.0.0.11')
    for (let attempt = 1; attempt <= 3; attempt++)
      expect((await post('/api/users/login', { email: uniqueEmail('guess'), password: 'guess' })).status).toBe(401)
    expectLimited(
      await post('/api/users/login', { email: user.email, password: TEST_PASSWORD }),
      /Too many login attempts/,
    )
  })

  it('counts GraphQL logins with REST logins', async () => {
    const post = clientAt('127.0.0.12')
    for (let attempt = 1; attempt <= 2; attempt++)
      expect((await post('/api/users/login', { email: uniqueEmail('guess'), password: 'guess' })).status).toBe(401)
    expect((await post('/api/graphql', graphqlLogin(uniqueEmail('guess'), 'guess'))).status).toBe(200) // GraphQL reports the failure in errors
    expectLimited(await post('/api/graphql', graphqlLogin(uniqueEmail('guess'), 'guess')), /Too many login attempts/)
  })

  it('refuses several password guesses in one GraphQL request', async () => {
    const post = clientAt('127.0.0.13')
    const guesses = ['a', 'b', 'c'].map(
      (password, index) => `guess${index}: loginUser(email: "someone@spa.test", password: "${password}") { token }`,
    )
    const answer = await post('/api/graphql', { query: `mutation { ${guesses.join(' ')} }` })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toBe('Only one loginUser is allowed per request.')
  })

  it('limits forgot-password requests, over REST and GraphQL together', async () => {
    const post = clientAt('127.0.0.14')
    expect((await post('/api/users/forgot-password', { email: uniqueEmail('spray') })).status).toBe(200)
    expect(
      (await post('/api/graphql', { query: `mutation { forgotPasswordUser(email: "${uniqueEmail('spray')}") }` }))
        .status,
    ).toBe(200)
    expectLimited(
      await post('/api/users/forgot-password', { email: uniqueEmail('spray') }),
      /Too many password reset requests/,
    )
  })

  it('ignores a forged X-Forwarded-For when no proxy is trusted (TRUST_PROXY=0)', async () => {
    const post = clientAt('127.0.0.16')
    for (let attempt = 1; attempt <= 3; attempt++) {
      const forged = { 'x-forwarded-for': `203.0.113.${attempt}` }
      expect((await post('/api/users/login', { email: uniqueEmail('guess'), password: 'guess' }, forged)).status).toBe(
        401,
      )
    }
    expectLimited(
      await post(
        '/api/users/login',
        { email: uniqueEmail('guess'), password: 'guess' },
        { 'x-forwarded-for': '203.0.113.9' },
      ),
      /Too many login attempts/,
    )
  })

  it('counts each client behind a trusted proxy on its own (TRUST_PROXY=1)', async () => {
    const proxied = await startServer({
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT: '1',
      GRAPHQL_RATE_LIMIT: '2',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    })
    try {
      const viaProxy = clientAt('127.0.0.17', proxied)
      const guess = { email: uniqueEmail('guess'), password: 'guess' }
      expect((await viaProxy('/api/users/login', guess, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(401)
      expect((await viaProxy('/api/users/login', guess, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(401)
      expectLimited(
        await viaProxy('/api/users/login', guess, { 'x-forwarded-for': '198.51.100.1' }),
        /Too many login attempts/,
      )
      // GraphQL reads answered from the read cache before express are counted by the same client address.
      const read = { query: '{ Articles(limit: 1) { docs { id } } }' }
      const from = (client: string) => viaProxy('/api/graphql', read, { 'x-forwarded-for': client })
      expect([(await from('198.51.100.3')).status, (await from('198.51.100.3')).headers['x-cache']]).toEqual([
        200,
        'HIT',
      ])
      expectLimited(await from('198.51.100.3'), /Too many GraphQL requests/)
      const other = await from('198.51.100.4')
      expect([other.status, other.headers['x-cache']]).toEqual([200, 'HIT'])
    } finally {
      await proxied.stop()
    }
  }, 120_000)

  it('limits GraphQL requests', async () => {
    const post = clientAt('127.0.0.15')
    const query = { query: '{ Articles(limit: 1) { docs { id } } }' }
    for (let attempt = 1; attempt <= 4; attempt++) expect((await post('/api/graphql', query)).status).toBe(200)
    expectLimited(await post('/api/graphql', query), /Too many GraphQL requests/)
  })

  it.each([
    ['POST', '127.0.0.22'],
    ['GET', '127.0.0.23'],
  ])(
    'counts GraphQL %s reads answered from the read cache, and refuses them over the limit like any other',
    async (method, address) => {
      const ask = clientAt(address)
      const query = `{ Articles(limit: 2, where: { title: { like: "limit-${method}" } }) { docs { id } } }`
      const read = () =>
        method === 'POST'
          ? ask('/api/graphql', { query })
          : ask(`/api/graphql?query=${encodeURIComponent(query)}`, undefined)
      const answers = []
      for (let attempt = 1; attempt <= 4; attempt++) answers.push(await read())
      expect(answers.map((answer) => [answer.status, answer.headers['x-cache']])).toEqual([
        [200, 'MISS'],
        [200, 'HIT'],
        [200, 'HIT'],
        [200, 'HIT'],
      ])
      expect(answers.map((answer) => /\br=(\d+)/.exec(String(answer.headers.ratelimit))?.[1])).toEqual([
        '3',
        '2',
        '1',
        '0',
      ])
      const refused = await read()
      expectLimited(refused, /Too many GraphQL requests/)
      expect(refused.headers['x-cache']).toBeUndefined()
      expect(refused.headers['x-request-id']).toMatch(/^[\w-]{36}$/)
      expect(refused.headers['x-content-type-options']).toBe('nosniff')
    },
  )

  const guess = () => ({ email: uniqueEmail('guess'), password: 'guess' })

  it.each([
    '/./api/users/login',
    '/api/users/./login',
    '/api/users/../users/login',
    '/api/users/%2e/login',
    '/api/users/%6cogin',
    '/api/%75sers/login',
    '/api/users%2Flogin',
    '/api/users%2flogin',
    '/api//users/login',
    '/api/users/login%00',
    '/api/users/log%zzin',
    '/api\\users/login',
    '/api/./graphql',
    '/api/graphq%6c',
  ])('refuses the disguised path %s with 400 before any guard, and it reaches no login', async (path) => {
    const user = await newUser('writer')
    const post = clientAt('127.0.0.18')
    const answer = await post(path, {
      email: user.email,
      password: TEST_PASSWORD,
      query: `mutation { loginUser(email: "${user.email}", password: "${TEST_PASSWORD}") { token } }`,
    })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toMatch(/path/)
    expect(JSON.stringify(answer.body)).not.toContain('token')
  })

  it('counts logins however the letter case of the path is written', async () => {
    const post = clientAt('127.0.0.19')
    for (const path of ['/api/users/LOGIN', '/api/users/Login', '/api/users/login']) {
      expect((await post(path, guess())).status).toBe(401)
    }
    expectLimited(await post('/api/users/lOgIn', guess()), /Too many login attempts/)
  })

  it('counts a GraphQL login however its JSON spells the field name', async () => {
    const post = clientAt('127.0.0.20')
    const escaped = (email: string) =>
      `{"query":"mutation { \\u006coginUser(email: \\"${email}\\", password: \\"guess\\") { token } }"}`
    for (let attempt = 1; attempt <= 3; attempt++)
      expect((await post('/api/graphql', escaped(uniqueEmail('guess')))).status).toBe(200)
    expectLimited(await post('/api/graphql', escaped(uniqueEmail('guess'))), /Too many login attempts/)
  })

  it('refuses several escaped, aliased or fragment-spread logins in one GraphQL request', async () => {
    const post = clientAt('127.0.0.21')
    const twoEscaped =
      '{"query":"mutation { a: \\u006coginUser(email: \\"x@spa.test\\", password: \\"a\\") { token } b: loginUser(email: \\"x@spa.test\\", password: \\"b\\") { token } }"}'
    expect((await post('/api/graphql', twoEscaped)).body.errors[0].message).toBe(
      'Only one loginUser is allowed per request.',
    )
    const viaFragments = {
      query:
        'mutation { ...A ...B } fragment A on Mutation { a: loginUser(email: "x@spa.test", password: "a") { token } } fragment B on Mutation { b: loginUser(email: "x@spa.test", password: "b") { token } }',
    }
    expect((await post('/api/graphql', viaFragments)).body.errors[0].message).toBe(
      'Only one loginUser is allowed per request.',
    )
  })
})
