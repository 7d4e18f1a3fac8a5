/**
 * Serves the stock Payload app (T1s) with Next's request handler on plain node:http, the way
 * `next start` does. Usage: DATABASE_URL=… PAYLOAD_SECRET=… node --import tsx bench/stock/server.ts
 * (prints {"port":…} when ready). bench/run.ts builds it first (see stockBuild.ts).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import next from 'next'

import { projectRoot } from '../../src/config'

const app = next({ dir: path.join(projectRoot, 'bench/stock') })
await app.prepare()
const handle = app.getRequestHandler()
const server = createServer((req, res) => void handle(req, res))
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })))
process.once('SIGTERM', () => server.close(() => void app.close().then(() => process.exit(0))))
