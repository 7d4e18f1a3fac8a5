/**
 * The real server (src/server/index.ts) in a child process on an ephemeral port,
 * as `npm start` runs it, for HTTP tests.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../../src/config'
import { TYPESCRIPT_NODE_ARGS } from '../../src/server/childScripts'

export interface RunningServer {
  baseUrl: string
  /** The server process, e.g. to read its memory from /proc/<pid>/status. */
  pid: number
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL, as a crash or the OOM killer would end it; resolves once the process is gone. */
  kill(): Promise<void>
}

const READY_TIMEOUT_MS = 120_000

export function spawnServer(env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, 'src/server/index.ts')], {
    cwd: projectRoot,
    // Test servers share the run's database: only a test about the job runner turns it on
    // (JOBS_RUNNER=on), so that no other server runs its jobs.
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DEMO_CONTENT: 'off',
      JOBS_RUNNER: 'off',
      // Where a test turns the runner on, schedules come due within two seconds rather than ten.
      SCHEDULE_CHECK_SECONDS: '2',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

export function collectOutput(child: ChildProcess): () => string {
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  return () => output
}

export async function startServer(
  env: Record<string, string | undefined> = {},
  readyTimeoutMs = READY_TIMEOUT_MS,
): Promise<RunningServer> {
  const child = spawnServer(env)
  // If a test file dies without its afterAll, its server must not outlive the test run.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const output = collectOutput(child)
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that never became ready must not stay behind, using the machine for nothing.
      child.kill('SIGKILL')
      reject(new Error(`server not ready in time:\n${output()}`))
    }, readyTimeoutMs)
    // Stops looking once found: a long-running server (the soak) prints a line per request.
    const findPort = () => {
      const match = /"port":(\d+),"admin"/.exec(output())
      if (!match) return
      clearTimeout(timer)
      child.stdout?.off('data', findPort)
      resolve(Number(match[1]))
    }
    child.stdout?.on('data', findPort)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with code ${code} before it was ready:\n${output()}`))
    })
  })
  const endWith = async (signal: NodeJS.Signals) => {
    process.off('exit', killOnExit)
    child.kill(signal)
    return waitForExit(child)
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    output,
    stop: () => endWith('SIGTERM'),
    kill: async () => {
      await endWith('SIGKILL')
    },
  }
}
