/**
 * T0, the physical limit: a bare node:http server that answers each benchmark request with one
 * indexed Postgres lookup of the very JSON spa-cms gives for it (captured by run.ts into
 * bench_t0_responses). No framework, no cache: parse, one query, write.
 * Usage: DATABASE_URL=… node --import tsx bench/bareServer.ts  (prints {"port":…} when ready)
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

const server = createServer(async (req, res) => {
  try {
    const body = req.method === 'POST' ? await bodyOf(req) : undefined
    const key = requestKey({ method: req.method as 'GET' | 'POST', path: req.url ?? '', body })
    const { rows } = await pool.query<{ body: string }>('SELECT body FROM bench_t0_responses WHERE key = $1', [key])
    if (!rows[0]) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Not Found"}]}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(rows[0].body) }).end(rows[0].body)
  } catch (error) {
    res.writeHead(500).end(String(error))
  }
})

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })))
process.once('SIGTERM', () => server.close(() => void pool.end()))
