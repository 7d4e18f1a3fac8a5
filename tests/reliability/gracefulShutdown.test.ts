/**
 * SIGTERM on a server with its own embedded Postgres: it stops accepting connections at once,
 * finishes the request in flight, closes its database connections, stops the Postgres it started
 * and exits 0.
 */
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import path from 'node:path'

import { findFreePort } from '../../src/db/embeddedPostgres'
import { httpClient } from '../helpers/http'
import { waitFor } from '../helpers/receivers'
import { startServer, type RunningServer } from '../helpers/server'
import { useCleanup, useTempDir } from '../helpers/suite'
import { TEST_PASSWORD, uniqueEmail } from '../helpers/users'

const root = useTempDir('spa-cms-shutdown-')
/** Started by the test, which stops it itself; stopped here only if the test failed first. */
let server: RunningServer | undefined
useCleanup('the server', () => server?.stop())

/**
 * A login whose body arrives in two parts: in flight once `started` resolves (the server has read
 * the headers and answered `100 Continue`) until `finish()` sends the rest.
 */
function slowLogin(baseUrl: string, email: string) {
  const body = JSON.stringify({ email, password: TEST_PASSWORD })
  const half = Math.floor(body.length / 2)
  const request = httpRequest(`${baseUrl}/api/users/login`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
      expect: '100-continue',
    },
  })
  const started = new Promise<void>((resolve) =>
    request.once('continue', () => {
      request.write(body.slice(0, half))
      resolve()
    }),
  )
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject)
    request.once('response', (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
    })
  })
  request.flushHeaders()
  return { started, answer, finish: () => request.end(body.slice(half)) }
}

function connectionRefused(baseUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

it('finishes the request in flight, refuses new connections, stops its Postgres and exits 0', async () => {
  const dataDir = path.join(root.path, 'data')
  server = await startServer({
    DATABASE_URL: undefined,
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(await findFreePort()),
  })
  const http = httpClient(server.baseUrl)
  const email = uniqueEmail('shutdown-admin')
  expect((await http.post('/api/users/first-register', { email, password: TEST_PASSWORD })).status).toBe(200)
  const postgresPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])
  expect(isRunning(postgresPid)).toBe(true)

  const inFlight = slowLogin(server.baseUrl, email)
  await inFlight.started
  const exitCode = server.stop()
  await waitFor('the server to begin shutting down', () => server!.output().includes('shutting down'))
  expect(await connectionRefused(server.baseUrl)).toBe(true)

  inFlight.finish()
  const answer = await inFlight.answer
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.body).user.email).toBe(email)

  expect(await exitCode).toBe(0)
  // Had Payload's pool stayed open, stopping Postgres would have cut its connections (logged as lost).
  expect(server.output()).not.toMatch(/connection lost/)
  server = undefined
  expect(isRunning(postgresPid)).toBe(false)
})
