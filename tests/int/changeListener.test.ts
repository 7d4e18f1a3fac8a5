/**
 * The change listener's heartbeat: a connection that stops carrying notices without failing (a
 * pooler that dropped LISTEN, a firewall that silently drops a long-lived connection) must count
 * as lost, so the read cache stops serving; a new connection brings it back.
 *
 * Between the listener and Postgres sits a TCP relay on 127.0.0.1 that the test can turn into a
 * black hole: the connections stay open, and nothing passes any more.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import pg from 'pg'

import { createLogger } from '../../src/logging'
import {
  CHANGE_CHANNEL,
  listenForChanges,
  type ChangeListener,
  type ChangeNotice,
} from '../../src/readCache/changeListener'
import { waitFor } from '../helpers/receivers'
import { use, useCleanup } from '../helpers/suite'

interface Relay {
  url: string
  /** Existing connections stop passing data, in both directions, without closing. */
  swallowEverything(): void
  close(): Promise<void>
}

async function startRelay(databaseUrl: string): Promise<Relay> {
  const target = new URL(databaseUrl)
  const connections = new Set<{ client: Socket; server: Socket; swallowed: boolean }>()
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname)
    const connection = { client, server: upstream, swallowed: false }
    connections.add(connection)
    client.on('data', (chunk) => connection.swallowed || upstream.write(chunk))
    upstream.on('data', (chunk) => connection.swallowed || client.write(chunk))
    const end = () => {
      connections.delete(connection)
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = new URL(databaseUrl)
  url.hostname = '127.0.0.1'
  url.port = String((server.address() as AddressInfo).port)
  return {
    url: url.toString(),
    swallowEverything: () => connections.forEach((connection) => (connection.swallowed = true)),
    close: async () => {
      connections.forEach((connection) => {
        connection.client.destroy()
        connection.server.destroy()
      })
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

let listener: ChangeListener | undefined
const databaseUrl = process.env.DATABASE_URL as string
const relay = use(
  'the relay',
  () => startRelay(databaseUrl),
  (running) => running.close(),
)
useCleanup('the listener', () => listener?.close())

async function notify(payload: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload])
  await client.end()
}

it('counts a connection that silently stopped carrying notices as lost, and listens again on a new one', async () => {
  const events: string[] = []
  const notices: ChangeNotice[] = []
  listener = listenForChanges(
    relay.url,
    {
      onChange: (notice) => notices.push(notice),
      onListening: () => events.push('listening'),
      onLost: () => events.push('lost'),
    },
    createLogger('silent'),
    { intervalMs: 200, timeoutMs: 500 },
  )

  await waitFor('the listener to hear its first heartbeat', () => events.includes('listening'))
  await notify('articles:41')
  await waitFor('the notice', () => notices.some((notice) => notice.id === '41'))

  relay.swallowEverything()
  await waitFor('the silent connection to count as lost', () => events.includes('lost'), 5_000)
  // The relay passes new connections: the listener reconnects and hears notices again.
  await waitFor('listening again', () => events.lastIndexOf('listening') > events.indexOf('lost'), 10_000)
  await notify('articles:42')
  await waitFor('a notice on the new connection', () => notices.some((notice) => notice.id === '42'))
})
