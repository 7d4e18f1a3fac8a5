/**
 * The bare servers, the physical limits spa-cms is measured against: node:http answering each
 * benchmark request with the very JSON spa-cms gives for it (captured by run.ts into
 * bench_t0_responses). No framework, no middleware.
 *   T0   one indexed Postgres lookup per request: parse, one query, write.
 *   T0′  (`--memory`) the same bytes from a Map loaded at start: parse, look up, write.
 * Usage: DATABASE_URL=… node --import tsx bench/bareServer.ts [--memory]  (prints {"port":…} when ready)
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import pg from 'pg'

import { requestKey } from './scenarios'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 })

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

type Lookup = (key: string) => Promise<Buffer | undefined>

async function inMemory(): Promise<Lookup> {
  const { rows } = await pool.query<{ key: string; body: string }>('SELECT key, body FROM bench_t0_responses')
  const bodies = new Map(rows.map((row) => [row.key, Buffer.from(row.body)]))
  return async (key) => bodies.get(key)
}

const fromDatabase: Lookup = async (key) => {
  const { rows } = await pool.query<{ body: string }>('SELECT body FROM bench_t0_responses WHERE key = $1', [key])
  return rows[0] ? Buffer.from(rows[0].body) : undefined
}

const lookup = process.argv.includes('--memory') ? await inMemory() : fromDatabase

const server = createServer(async (req, res) => {
  try {
    const body = req.method === 'POST' ? await bodyOf(req) : undefined
    const found = await lookup(requestKey({ method: req.method as 'GET' | 'POST', path: req.url ?? '', body }))
    if (!found) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Not Found"}]}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': found.length }).end(found)
  } catch (error) {
    res.writeHead(500).end(String(error))
  }
})

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })))
process.once('SIGTERM', () => server.close(() => void pool.end()))
