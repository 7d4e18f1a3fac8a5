/**
 * No job is lost with its runner (src/jobs): a job whose process is killed while running it runs
 * again at the next claim of any runner, and a job whose runner is alive is never taken from it.
 * The runners are real processes (a child that loads the Payload config, as an instance does);
 * the jobs are webhook deliveries to local receivers, which see every attempt.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'

import { projectRoot } from '../../src/config'
import { RUNNER_LOCK_SPACE_OID_SQL } from '../../src/jobs/runnerLock'
import { RUNNER_STOPPED } from '../../src/jobs/strandedJobs'
import { TYPESCRIPT_NODE_ARGS } from '../../src/server/childScripts'
import { receiverFingerprint, WEBHOOK_TASK } from '../../src/workflow/webhooks'
import { waitFor, type WebhookReceiver } from '../helpers/receivers'
import { useCleanup, useEnv, useLocalPayload, useWebhookReceiver } from '../helpers/suite'

/** A child process needs a few seconds to load the Payload config, more on a busy machine. */
const CHILD_TIMEOUT_MS = 90_000
const queue = `stranded-${randomBytes(4).toString('hex')}`

const hanging = useWebhookReceiver({ stallFirst: 1 })
const slow = useWebhookReceiver({ delayMs: 4_000 })
const plain = useWebhookReceiver()
// Read when the Payload config loads, here and in the child runners (which inherit it).
useEnv(() => ({
  WEBHOOK_URLS: [hanging.url, slow.url, plain.url].join(','),
  WEBHOOK_SECRET: randomBytes(16).toString('hex'),
}))
const payload = useLocalPayload()
useCleanup('the jobs', () =>
  payload.delete({ collection: 'payload-jobs', where: { queue: { equals: queue } }, overrideAccess: true }),
)

interface JobRow {
  id: number
  processing?: boolean | null
  runner?: number | null
  totalTried?: number | null
  hasError?: boolean | null
  error?: { name?: string; message?: string } | null
  log?: { state: string; error?: { name?: string } }[] | null
}

async function queueDelivery(receiver: WebhookReceiver): Promise<number> {
  const job = await payload.jobs.queue({
    task: WEBHOOK_TASK as never,
    queue,
    input: { receiver: receiverFingerprint(receiver.url), body: JSON.stringify({ queue }) } as never,
  })
  return (job as unknown as { id: number }).id
}

async function jobById(id: number): Promise<JobRow | null> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { id: { equals: id } },
    depth: 0,
    overrideAccess: true,
  })
  return (docs[0] as unknown as JobRow | undefined) ?? null
}

/** Another runner: its own process, its own lock, running one job by id. */
function startChildRunner(jobId: number): {
  child: ChildProcess
  exited: Promise<number | null>
  output: () => string
} {
  const script = `
    const { closePayload, startPayload } = await import(${JSON.stringify(path.join(projectRoot, 'src/db/payloadLifecycle.ts'))})
    const payload = await startPayload()
    try {
      await payload.jobs.runByID({ id: ${jobId} })
    } finally {
      await closePayload(payload)
    }
  `
  const child = spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, '--input-type=module', '-e', script], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

/** A job for `receiver`, claimed by a child runner that is in the middle of delivering it. */
async function childRunnerMidDelivery(
  receiver: WebhookReceiver,
): Promise<{ id: number } & ReturnType<typeof startChildRunner>> {
  const id = await queueDelivery(receiver)
  const runner = startChildRunner(id)
  try {
    await waitFor('the child runner to send the delivery', () => receiver.attempts.length === 1, CHILD_TIMEOUT_MS)
  } catch (error) {
    runner.child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}; the child said: ${runner.output()}`, { cause: error })
  }
  return { id, ...runner }
}

const deliveryIds = (receiver: WebhookReceiver) =>
  receiver.attempts.map((attempt) => String(attempt.headers['x-spa-cms-delivery']))

it(
  'runs again a job whose runner was killed in the middle of it, at the next claim of another runner',
  async () => {
    const { id, child, exited } = await childRunnerMidDelivery(hanging)
    try {
      expect(await jobById(id)).toMatchObject({ processing: true, runner: expect.any(Number) })
    } finally {
      child.kill('SIGKILL')
    }
    await exited

    // Postgres drops the dead runner's lock as soon as it sees its connection close.
    await waitFor('another runner to deliver the stranded job', async () => {
      await payload.jobs.run({ queue, silent: true })
      return hanging.requests.length === 1
    })
    const [lost, delivered] = deliveryIds(hanging)
    expect(deliveryIds(hanging)).toHaveLength(2)
    expect(delivered).toBe(lost)
    // Delivered: Payload deletes a completed job.
    expect(await jobById(id)).toBeNull()
  },
  CHILD_TIMEOUT_MS * 2,
)

it(
  'never takes a job from a runner that is alive, however often others look for work',
  async () => {
    const { id, child, exited } = await childRunnerMidDelivery(slow)
    try {
      const { runner } = (await jobById(id))!
      for (let look = 0; look < 5; look++) await payload.jobs.run({ queue, silent: true })
      expect(await jobById(id)).toMatchObject({ processing: true, runner, hasError: false })
      expect(await exited).toBe(0)
    } finally {
      child.kill('SIGKILL')
    }
    expect(slow.attempts).toHaveLength(1)
    expect(slow.requests).toHaveLength(1)
    expect(await jobById(id)).toBeNull()
  },
  CHILD_TIMEOUT_MS * 2,
)

it('a runner whose lock connection is cut goes on, and claims under a new lock from then on', async () => {
  // A receiver nobody configured: the run cancels the job, and its row keeps the runner's key.
  const cancelledJob = async () => {
    const job = await payload.jobs.queue({
      task: WEBHOOK_TASK as never,
      queue,
      input: { receiver: receiverFingerprint('https://nowhere.spa.test/hook'), body: '{}' } as never,
    })
    const { id } = job as unknown as { id: number }
    await payload.jobs.runByID({ id })
    return (await jobById(id))!
  }
  const runnerHolding = (key: number) =>
    payload.db.drizzle.execute<{ pid: number; application_name: string }>(
      sql`SELECT locks.pid, activity.application_name FROM pg_locks AS locks
          JOIN pg_stat_activity AS activity ON activity.pid = locks.pid
          WHERE locks.locktype = 'advisory' AND locks.granted AND locks.objsubid = 2
            AND locks.classid::bigint = ${sql.raw(RUNNER_LOCK_SPACE_OID_SQL)} AND locks.objid::bigint = ${key}`,
    )

  const before = await cancelledJob()
  expect(before).toMatchObject({ hasError: true, runner: expect.any(Number) })
  const { rows } = await runnerHolding(before.runner!)
  expect(rows).toEqual([{ pid: expect.any(Number), application_name: 'spa-cms job runner' }])
  await payload.db.drizzle.execute(sql`SELECT pg_terminate_backend(${rows[0].pid})`)
  await waitFor(
    'the cut connection to let go of its lock',
    async () => (await runnerHolding(before.runner!)).rows.length === 0,
  )

  const after = await cancelledJob()
  expect(after.runner).toEqual(expect.any(Number))
  expect(after.runner).not.toBe(before.runner)
  expect((await runnerHolding(after.runner!)).rows).toHaveLength(1)
})

describe('a job left running by a runner that is gone', () => {
  /** What a runner that stopped leaves behind: the job still marked running, under its key. */
  async function strand(id: number, runner: number | null, totalTried: number): Promise<void> {
    await payload.update({
      collection: 'payload-jobs',
      id,
      data: { processing: true, runner, totalTried } as never,
      overrideAccess: true,
    })
  }

  // Keys are drawn from 1 up: no runner ever holds 0.
  it.each([
    ['a runner whose lock is gone', 0],
    ['a release from before runners were recorded', null],
  ])('with retries left, claimed by %s, runs again', async (_, runner) => {
    const before = plain.requests.length
    const id = await queueDelivery(plain)
    await strand(id, runner, 2)
    await payload.jobs.run({ queue, silent: true })
    expect(plain.requests).toHaveLength(before + 1)
    expect(await jobById(id)).toBeNull()
  })

  it('with no retries left, fails with an error that says what happened, and is not sent', async () => {
    const before = plain.attempts.length
    const id = await queueDelivery(plain)
    // The webhook task has 5 retries: this was its last run.
    await strand(id, 0, 5)
    await payload.jobs.run({ queue, silent: true })
    expect(plain.attempts).toHaveLength(before)
    const failed = await jobById(id)
    expect(failed).toMatchObject({ processing: false, hasError: true, totalTried: 6 })
    expect(failed?.error).toMatchObject({ name: RUNNER_STOPPED, message: expect.stringContaining('no retries left') })
    expect(failed?.log?.at(-1)).toMatchObject({ state: 'failed', error: { name: RUNNER_STOPPED } })
  })
})
