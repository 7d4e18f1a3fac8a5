/**
 * /ready against a database that does not answer: 503 with a reason, quickly.
 */
import { createServer, type Server } from 'node:net'
import type { AddressInfo } from 'node:net'

import { loadSettings } from '../../src/config'
import { createLogger } from '../../src/logging'
import { createApp } from '../../src/server/app'
import { databaseReadiness } from '../../src/server/readiness'

async function listen(
  server: { listen: Server['listen'] } & { address(): AddressInfo | string | null },
): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return (server.address() as AddressInfo).port
}

it('answers 503 with a JSON reason when the database is down, 200 when it is up', async () => {
  const logger = createLogger('silent')
  // A port that accepts nothing: nobody listens there once the probe server is closed.
  const probe = createServer()
  const deadPort = await listen(probe)
  await new Promise((resolve) => probe.close(resolve))

  const down = databaseReadiness(`postgres://postgres@127.0.0.1:${deadPort}/nothing`, logger)
  const up = databaseReadiness(process.env.DATABASE_URL as string, logger)
  const { security } = loadSettings()
  const downServer = createApp({ logger, readiness: down, security }).listen(0, '127.0.0.1')
  const upServer = createApp({ logger, readiness: up, security }).listen(0, '127.0.0.1')
  await Promise.all([downServer, upServer].map((server) => new Promise((resolve) => server.once('listening', resolve))))
  try {
    const unavailable = await fetch(`http://127.0.0.1:${(downServer.address() as AddressInfo).port}/ready`)
    expect(unavailable.status).toBe(503)
    const body = (await unavailable.json()) as { status: string; reason: string }
    expect(body.status).toBe('unavailable')
    expect(body.reason).toMatch(/^database unavailable: /)

    const health = await fetch(`http://127.0.0.1:${(downServer.address() as AddressInfo).port}/health`)
    expect(health.status).toBe(200)

    const ready = await fetch(`http://127.0.0.1:${(upServer.address() as AddressInfo).port}/ready`)
    expect(ready.status).toBe(200)
  } finally {
    await Promise.all([downServer, upServer].map((server) => new Promise((resolve) => server.close(resolve))))
    await Promise.all([down.close(), up.close()])
  }
})
