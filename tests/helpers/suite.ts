/**
 * One way to set up a test file. Each `use…()` call, made at the top of a file (or of a
 * describe block), registers the jest hooks that start something before the block's tests and
 * stop it after them, and returns a handle to it right away: the handle forwards to the real
 * object once its beforeAll has run, and says which one was used too early otherwise.
 *
 * Things stop in the reverse order they were declared (the server before the database it uses,
 * the fixtures before the Payload they delete through); when a beforeAll fails, what did start
 * is stopped all the same.
 *
 *   const payload = useLocalPayload()
 *   const fixtures = useFixtures(payload)
 *   const server = useServer({ env: { MAX_BODY_KB: '8' } })
 *   const http = httpClient(server)
 *   const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { http })
 *
 *   it('…', async () => expect((await http.act('articles', id, 'submit', 'writer')).status).toBe(200))
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import type { TestRole } from './users'
import { closePayload, startPayload } from '../../src/db/payloadLifecycle'
import { createMigratedDatabase, dropDatabase } from '../setup/testDatabase'
import { Fixtures, ReadScenario } from './content'
import type { HttpClient } from './http'
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './receivers'
import { startServer, type RunningServer } from './server'

/** A server start may wait for a busy machine (startServer gives up after 120 s). */
const START_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 120_000

interface Started {
  what: string
  stop: () => Promise<void>
}

/**
 * What has started and not stopped yet, newest last. Inner describe blocks start after and stop
 * before their outer block, so the newest entries always belong to the block being torn down.
 */
const started: Started[] = []

/** Stops `entry` and everything that started after it, newest first; no-op if already stopped. */
async function stopDownTo(entry: Started): Promise<void> {
  if (!started.includes(entry)) return
  const errors: unknown[] = []
  for (;;) {
    const newest = started.pop() as Started
    try {
      await newest.stop()
    } catch (error) {
      errors.push(error)
    }
    if (newest === entry) break
  }
  if (errors.length) throw errors[0]
}

/** Where a use()'s value is in its life: what its handle says when it is used at the wrong time. */
type Phase<T> =
  { phase: 'waiting' } | { phase: 'running'; value: T } | { phase: 'failed'; error: unknown } | { phase: 'stopped' }

function unavailable(what: string, state: Phase<unknown>): Error {
  switch (state.phase) {
    case 'failed':
      return new Error(
        `${what} did not start: ${state.error instanceof Error ? state.error.message : String(state.error)}`,
      )
    case 'stopped':
      return new Error(`${what} has been stopped (its block's afterAll ran)`)
    default:
      return new Error(`${what} has not started yet: use it inside a test or hook, after its beforeAll`)
  }
}

/**
 * A handle to a value that exists only once `start` has run: property reads, calls and writes
 * go to the value; before that (or after `stop`) they fail, saying why.
 */
function lazyHandle<T extends object>(what: string, current: () => Phase<T>): T {
  const value = (): T => {
    const state = current()
    if (state.phase !== 'running') throw unavailable(what, state)
    return state.value
  }
  return new Proxy({} as T, {
    get(_, property) {
      const target = value()
      const found = Reflect.get(target, property, target) as unknown
      // Bound, so that methods reach the value's own (and private) fields, not the proxy's.
      return typeof found === 'function' ? found.bind(target) : found
    },
    set: (_, property, newValue) => Reflect.set(value(), property, newValue),
    has: (_, property) => Reflect.has(value(), property),
    ownKeys: () => Reflect.ownKeys(value()),
    getOwnPropertyDescriptor: (_, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), property)
      return descriptor && { ...descriptor, configurable: true }
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  })
}

/**
 * The building block of every `use…()`: `start` in a beforeAll, `stop` in an afterAll (in the
 * reverse order of declaration). Returns a handle to what `start` resolves with.
 */
export function use<T extends object>(
  what: string,
  start: () => Promise<T> | T,
  stop: (value: T) => Promise<unknown> | unknown = () => undefined,
  { startTimeoutMs = START_TIMEOUT_MS }: { startTimeoutMs?: number } = {},
): T {
  let state: Phase<T> = { phase: 'waiting' }
  const entry: Started = {
    what,
    stop: async () => {
      const previous = state
      state = { phase: 'stopped' }
      if (previous.phase === 'running') await stop(previous.value)
    },
  }
  beforeAll(async () => {
    // On the stack before it starts, so that its place in the stopping order is its declaration's.
    started.push(entry)
    try {
      const value = await start()
      // A start that outlived its beforeAll's timeout: the block is over, so it stops at once.
      if (state.phase === 'stopped') await stop(value)
      else state = { phase: 'running', value }
    } catch (error) {
      state = { phase: 'failed', error }
      throw error
    }
  }, startTimeoutMs)
  afterAll(() => stopDownTo(entry), STOP_TIMEOUT_MS)
  return lazyHandle(what, () => state)
}

/**
 * Payload's local API on the run's database (or whichever DATABASE_URL is set when it starts,
 * see useEnv), built from payload.config.ts as the server builds it.
 */
export function useLocalPayload(): Payload {
  return use(
    'the local Payload',
    () => startPayload(),
    (payload) => closePayload(payload),
  )
}

/** Documents and users created as the system, deleted again after the block's tests. */
export function useFixtures(payload: Payload): Fixtures {
  return use(
    'the fixtures',
    () => new Fixtures(payload),
    (fixtures) => fixtures.cleanup(),
  )
}

/** The documents the public-read tests look at (see ReadScenario), created as fixtures. */
export function useReadScenario(fixtures: Fixtures): ReadScenario {
  const scenario = new ReadScenario()
  use('the read scenario', async () => {
    await scenario.create(fixtures)
    return scenario
  })
  return scenario
}

/**
 * People with the given roles, e.g. `{ writer: 'writer', otherWriter: 'writer' }`, created as
 * fixtures; with `http`, each is also logged in there under their name (`http.get(path, 'writer')`).
 * `label` goes into their email addresses, to tell them apart in logs and mails.
 */
export function useUsers<const Names extends string>(
  fixtures: Fixtures,
  roles: Record<Names, TestRole>,
  { label, http }: { label?: string; http?: HttpClient } = {},
): Record<Names, User> {
  return use(`the users ${Object.keys(roles).join(', ')}`, async () => {
    const people = {} as Record<Names, User>
    for (const [name, role] of Object.entries(roles) as [Names, TestRole][]) {
      people[name] = await fixtures.user(role, label ? `${label}-${name}` : name)
      if (http) await http.login(people[name].email, name)
    }
    return people
  })
}

/**
 * The real server (`npm start`) in a child process on a port of its own, on the run's database
 * unless `env` says otherwise; `env` may be a function, to read other handles when it starts.
 * `name` tells several servers of one file apart in messages.
 */
export function useServer({
  env = {},
  readyTimeoutMs,
  name = 'the server',
}: {
  env?: Record<string, string | undefined> | (() => Record<string, string | undefined>)
  readyTimeoutMs?: number
  name?: string
} = {}): RunningServer {
  return use(
    name,
    () => startServer(typeof env === 'function' ? env() : env, readyTimeoutMs),
    (server) => server.stop(),
    { startTimeoutMs: (readyTimeoutMs ?? START_TIMEOUT_MS) + 60_000 },
  )
}

export interface OwnDatabase {
  /** Its URL, on the run's Postgres server. */
  readonly url: string
}

/**
 * A freshly migrated database for this block alone (e.g. to start from no users, or where other
 * files' writes would disturb what is measured), dropped afterwards.
 */
export function useOwnDatabase(purpose: string): OwnDatabase {
  return use(
    `the database for ${purpose}`,
    async () => ({ url: await createMigratedDatabase(process.env.SPA_CMS_TEST_SERVER_URL as string, purpose) }),
    (database) => dropDatabase(database.url),
  )
}

/**
 * Sets environment variables for the block (undefined deletes one), e.g. before useLocalPayload
 * for settings payload.config.ts reads when it loads, and restores them afterwards.
 */
export function useEnv(values: Record<string, string | undefined> | (() => Record<string, string | undefined>)): void {
  use(
    'the environment',
    () => {
      const wanted = typeof values === 'function' ? values() : values
      const saved = Object.fromEntries(Object.keys(wanted).map((key) => [key, process.env[key]]))
      setEnv(wanted)
      return saved
    },
    setEnv,
  )
}

function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}

export interface TempDir {
  readonly path: string
}

/**
 * An empty folder in the system's temporary folder, deleted with its contents afterwards. Others
 * may enter it: run as root, an embedded Postgres inside runs as the postgres user.
 */
export function useTempDir(prefix: string): TempDir {
  return use(
    `the folder ${prefix}…`,
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
      chmodSync(dir, 0o755)
      return { path: dir }
    },
    (dir) => rmSync(dir.path, { recursive: true, force: true }),
  )
}

/** A local SMTP server that keeps what it is sent (see receivers.ts). */
export function useSmtpReceiver(): SmtpReceiver {
  return use('the SMTP receiver', startSmtpReceiver, (smtp) => smtp.close())
}

/** A local webhook receiver (see receivers.ts). */
export function useWebhookReceiver(options: WebhookReceiverOptions = {}): WebhookReceiver {
  return use(
    'the webhook receiver',
    () => startWebhookReceiver(options),
    (receiver) => receiver.close(),
  )
}

/**
 * Work to do after the block's tests, in the same order as the rest: before whatever was
 * declared earlier stops (e.g. deleting rows while the local Payload declared above still runs).
 */
export function useCleanup(what: string, cleanup: () => Promise<unknown> | unknown): void {
  use(what, () => ({}), cleanup)
}
