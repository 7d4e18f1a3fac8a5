/** Starting the benchmarks' servers and seeding their data set (bench/run.ts, bench/admin.ts). */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { projectRoot } from '../src/config'
import { findFreePort } from '../src/db/embeddedPostgres'
import { TYPESCRIPT_NODE_ARGS } from '../src/server/childScripts'
import { collectOutput, spawnServer, waitForExit } from '../tests/helpers/server'

export interface Running {
  baseUrl: string
  pid: number
  stop(): Promise<void>
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`)
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`server not ready in time:\n${output()}`)
}

/**
 * spa-cms as another checkout holds it (`--baseline <dir>`: the code before a change, built there
 * with `npm run build`), so that before and after are measured side by side in one run.
 */
function spawnServerFrom(checkout: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, path.join(checkout, 'src/server/index.ts')], {
    cwd: checkout,
    env: { ...process.env, HOST: '127.0.0.1', DEMO_CONTENT: 'off', JOBS_RUNNER: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM')
  await waitForExit(child)
}

/**
 * spa-cms as `npm start` runs it; request logs at warn, as the other tiers log nothing either.
 * All load comes from one address, as from a front end's server: its GraphQL rate limit is lifted.
 */
export async function startSpaCms(databaseUrl: string, readCache: 'on' | 'off', checkout?: string): Promise<Running> {
  const port = await findFreePort()
  const baseUrl = `http://127.0.0.1:${port}`
  // SERVER_URL is the address the admin is opened at (the browser bench): Payload trusts its cookie only there.
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    SERVER_URL: baseUrl,
    READ_CACHE: readCache,
    LOG_LEVEL: 'warn',
    GRAPHQL_RATE_LIMIT: '1000000000',
  }
  const child = checkout ? spawnServerFrom(checkout, env) : spawnServer(env)
  const output = collectOutput(child)
  await waitUntilAnswering(`${baseUrl}/ready`, child, output)
  return { baseUrl, pid: child.pid as number, stop: () => stopChild(child) }
}

/** A server of ours that prints {"port":…} on its first line once it listens. */
async function startPortPrinter(script: string, args: string[], env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    const onData = (chunk: string) => {
      output += chunk
      const match = /\{"port":(\d+)\}/.exec(output)
      if (!match) return
      child.stdout?.off('data', onData)
      child.stdout?.resume()
      resolve(Number(match[1]))
    }
    child.stdout?.setEncoding('utf8').on('data', onData)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)))
  })
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, stop: () => stopChild(child) }
}

export const startBareServer = (databaseUrl: string, fromMemory: boolean) =>
  startPortPrinter('bench/bareServer.ts', fromMemory ? ['--memory'] : [], { DATABASE_URL: databaseUrl })

export async function startStockPayload(databaseUrl: string): Promise<Running> {
  return startPortPrinter('bench/stock/server.ts', [], {
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  })
}

export async function seed(databaseUrl: string, publishedArticles: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, 'bench/seed.ts'), '--articles', String(publishedArticles)],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    },
  )
  if ((await waitForExit(child)) !== 0) throw new Error('seeding the benchmark data failed')
}
