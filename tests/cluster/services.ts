/**
 * The shared services of a spa-cms cluster as real processes on 127.0.0.1, for tests/cluster:
 * a Postgres primary with a streaming replica made by pg_basebackup (Debian's Postgres binaries),
 * Redis, an S3 server (npm s3rver) and HAProxy with the project's deploy/haproxy.cfg.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { userInfo } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { projectRoot } from '../../src/config'
import { findFreePort } from '../../src/db/embeddedPostgres'
import { waitFor } from '../helpers/receivers'

interface Binaries {
  initdb: string
  postgres: string
  pgBasebackup: string
  haproxy: string
  redisServer: string
}

function onPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin']
  return dirs.map((dir) => path.join(dir, name)).find((file) => existsSync(file))
}

/** Debian installs each Postgres major under /usr/lib/postgresql/<major>/bin; the newest wins. */
function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  return majors.map((major) => path.join(root, major, 'bin')).find((dir) => existsSync(path.join(dir, 'pg_basebackup')))
}

/** The programs the cluster tests run, or what is missing. */
export function clusterBinaries(): { binaries?: Binaries; missing: string[] } {
  const bin = postgresBinDir()
  const found = {
    initdb: bin && path.join(bin, 'initdb'),
    postgres: bin && path.join(bin, 'postgres'),
    pgBasebackup: bin && path.join(bin, 'pg_basebackup'),
    haproxy: onPath('haproxy'),
    redisServer: onPath('redis-server'),
  }
  const missing = Object.entries(found)
    .filter(([, file]) => !file)
    .map(([name]) => name)
  return missing.length ? { missing } : { binaries: found as Binaries, missing }
}

interface RunAs {
  uid: number
  gid: number
}

/** Postgres refuses to run as root: as root, run it as the postgres system user. */
function postgresUser(): RunAs | undefined {
  if (userInfo().uid !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

export interface Process {
  child: ChildProcess
  output(): string
  /** Sends `signal` and resolves once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

function startProcess(
  command: string,
  args: string[],
  options: { runAs?: RunAs; env?: NodeJS.ProcessEnv } = {},
): Process {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
    ...(options.runAs ?? {}),
  })
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)))
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  return {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      process.off('exit', killOnExit)
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill(signal)
      await exited
    },
  }
}

async function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.end(() => resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

async function waitForPort(what: string, port: number, process: Process): Promise<void> {
  await waitFor(
    `${what} on port ${port}`,
    async () => {
      if (process.child.exitCode !== null) throw new Error(`${what} exited: ${process.output()}`)
      return portAnswers(port)
    },
    60_000,
  )
}

function ownedDirectory(dir: string, runAs: RunAs | undefined): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (runAs) chownSync(dir, runAs.uid, runAs.gid)
  return dir
}

export interface ReplicatedPostgres {
  primaryUrl(database: string): string
  replicaUrl(database: string): string
  /** Stops (and resumes) applying the primary's changes on the replica: replication lag on demand. */
  pauseReplay(): Promise<void>
  resumeReplay(): Promise<void>
  stop(): Promise<void>
}

const postgresArgs = (dataDir: string, port: number) => [
  '-D',
  dataDir,
  '-p',
  String(port),
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'max_connections=200',
  // A throwaway cluster: durability across power loss does not matter here.
  '-c',
  'fsync=off',
]

async function untilAccepting(url: string): Promise<void> {
  await waitFor(
    `Postgres at ${url}`,
    async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 })
      try {
        await client.connect()
        await client.query('SELECT 1')
        return true
      } catch {
        return false
      } finally {
        await client.end().catch(() => undefined)
      }
    },
    60_000,
  )
}

async function onReplica<T>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows[0] as T
  } finally {
    await client.end()
  }
}

/** A new primary (initdb) and a streaming replica of it (pg_basebackup -R), each on a free port. */
export async function startReplicatedPostgres(binaries: Binaries, root: string): Promise<ReplicatedPostgres> {
  const runAs = postgresUser()
  const primaryDir = ownedDirectory(path.join(root, 'primary'), runAs)
  execFileSync(binaries.initdb, ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C'], {
    stdio: 'pipe',
    ...(runAs ?? {}),
  })
  const primaryPort = await findFreePort()
  const primary = startProcess(
    binaries.postgres,
    [...postgresArgs(primaryDir, primaryPort), '-c', 'wal_level=replica', '-c', 'max_wal_senders=4'],
    { runAs },
  )
  const url = (port: number) => (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`
  await untilAccepting(url(primaryPort)('postgres'))

  const replicaDir = ownedDirectory(path.join(root, 'replica'), runAs)
  execFileSync(
    binaries.pgBasebackup,
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ],
    { stdio: 'pipe', ...(runAs ?? {}) },
  )
  const replicaPort = await findFreePort()
  const replica = startProcess(binaries.postgres, [...postgresArgs(replicaDir, replicaPort), '-c', 'hot_standby=on'], {
    runAs,
  })
  await untilAccepting(url(replicaPort)('postgres'))
  const recovering = await onReplica<{ pg_is_in_recovery: boolean }>(
    url(replicaPort)('postgres'),
    'SELECT pg_is_in_recovery()',
  )
  if (!recovering.pg_is_in_recovery) throw new Error('the replica is not replicating')

  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    pauseReplay: () => onReplica(url(replicaPort)('postgres'), 'SELECT pg_wal_replay_pause()'),
    resumeReplay: () => onReplica(url(replicaPort)('postgres'), 'SELECT pg_wal_replay_resume()'),
    // Fast shutdown: the replica first, so that it does not wait for its primary.
    stop: async () => {
      await replica.stop('SIGINT')
      await primary.stop('SIGINT')
    },
  }
}

export interface RedisServer {
  url: string
  /** SIGKILL: Redis gone, as a crash would leave it. */
  kill(): Promise<void>
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  restart(): Promise<void>
  stop(): Promise<void>
}

export async function startRedis(binaries: Binaries): Promise<RedisServer> {
  const port = await findFreePort()
  const launch = async () => {
    const redis = startProcess(binaries.redisServer, [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
    ])
    await waitForPort('redis-server', port, redis)
    return redis
  }
  let redis = await launch()
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => redis.stop('SIGKILL'),
    restart: async () => {
      redis = await launch()
    },
    stop: () => redis.stop(),
  }
}

export interface S3Server {
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  stop(): Promise<void>
}

/** s3rver (npm) with one bucket; it accepts the fixed key pair S3RVER / S3RVER and checks signatures. */
export async function startS3(root: string): Promise<S3Server> {
  const port = await findFreePort()
  const bucket = 'spa-cms-media'
  const s3rver = startProcess(process.execPath, [
    path.join(projectRoot, 'node_modules', 's3rver', 'bin', 's3rver.js'),
    '--directory',
    ownedDirectory(path.join(root, 's3'), undefined),
    '--address',
    '127.0.0.1',
    '--port',
    String(port),
    '--silent',
    '--no-vhost-buckets',
    '--configure-bucket',
    bucket,
  ])
  await waitForPort('s3rver', port, s3rver)
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    stop: () => s3rver.stop(),
  }
}

export interface LoadBalancer {
  url: string
  /** Each server's state as HAProxy sees it (`UP`, `DOWN`, …) and how many requests it was sent. */
  servers(): Promise<Record<string, { status: string; requests: number }>>
  stop(): Promise<void>
}

async function askStatsSocket(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath)
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.once('error', reject)
    socket.once('end', () => resolve(answer))
    socket.write(`${command}\n`)
  })
}

/** HAProxy with deploy/haproxy.cfg (the file the compose profile mounts), in front of two instances. */
export async function startHaproxy(
  binaries: Binaries,
  root: string,
  instances: [string, string],
): Promise<LoadBalancer> {
  const port = await findFreePort()
  const statsSocket = path.join(root, 'haproxy-stats.sock')
  const env = {
    ...process.env,
    HAPROXY_BIND: `127.0.0.1:${port}`,
    HAPROXY_STATS_SOCKET: statsSocket,
    SPA_CMS_APP_1: instances[0],
    SPA_CMS_APP_2: instances[1],
  }
  const haproxy = startProcess(binaries.haproxy, ['-db', '-f', path.join(projectRoot, 'deploy', 'haproxy.cfg')], {
    env,
  })
  await waitForPort('haproxy', port, haproxy)
  return {
    url: `http://127.0.0.1:${port}`,
    async servers() {
      const csv = await askStatsSocket(statsSocket, 'show stat')
      const [header, ...rows] = csv
        .replace(/^# /, '')
        .trim()
        .split('\n')
        .map((line) => line.split(','))
      const column = (name: string) => header.indexOf(name)
      const states: Record<string, { status: string; requests: number }> = {}
      for (const row of rows) {
        if (row[column('pxname')] !== 'spa_cms_instances' || row[column('svname')] === 'BACKEND') continue
        states[row[column('svname')]] = { status: row[column('status')], requests: Number(row[column('stot')]) }
      }
      return states
    },
    stop: () => haproxy.stop(),
  }
}
