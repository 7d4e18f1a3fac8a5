/**
 * Publish/unpublish webhooks, delivered through Payload's jobs queue so that a slow or failing
 * receiver never blocks or fails a workflow transition, and a failed delivery is retried with
 * exponential backoff (1 s, 2 s, 4 s, 8 s, 16 s).
 *
 * Each receiver gets a POST of the JSON body with:
 *   x-spa-cms-event:     publish | unpublish
 *   x-spa-cms-signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with WEBHOOK_SECRET>
 *   x-spa-cms-delivery:  the job id, the same on every retry (delivery is at least once: dedupe on it)
 */
import { createHash, createHmac } from 'node:crypto'
import { JobCancelledError, type JobsConfig, type Payload, type TaskConfig } from 'payload'

import { workflowOptions } from './options'

export const WEBHOOK_QUEUE = 'webhooks'
export const WEBHOOK_TASK = 'sendWorkflowWebhook'
export const WEBHOOK_TIMEOUT_MS = 5_000

export interface WebhookBody {
  event: 'publish' | 'unpublish'
  /** The document that changed; for a release, the release itself (`releases`). */
  collection: string
  id: number
  slug: string | null
  title: string
  /** ISO time of the transition; fixed when queued, so every retry sends the same bytes. */
  at: string
  /**
   * Cache tags made stale (`doc:<collection>:<id>`, `list:<collection>`), as in cached answers'
   * Cache-Tag header: every item's for a release.
   */
  tags: string[]
  /** A release: the documents that went live (or back) together. */
  documents?: { collection: string; id: number; slug: string | null; title: string }[]
}

export interface WebhookTaskIO {
  input: { receiver: string; body: string }
  output: { status: number }
}

/** `sha256=<hex>`: what a receiver recomputes over the raw body with the shared secret. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/**
 * Jobs name their receiver by this fingerprint: the URL itself, which may carry a token, never
 * enters a job row, its task log or its error messages.
 */
export const receiverFingerprint = (url: string) => createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 16)

/** Scheme, host and port only: receiver URLs may carry tokens in their path or query. */
export function describeUrl(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(invalid URL)'
  }
}

function eventOf(body: string): string {
  try {
    const event = (JSON.parse(body) as { event?: unknown }).event
    return typeof event === 'string' ? event : 'unknown'
  } catch {
    return 'unknown'
  }
}

export const webhookTask: TaskConfig<WebhookTaskIO> = {
  slug: WEBHOOK_TASK,
  label: 'Send a workflow webhook',
  inputSchema: [
    { name: 'receiver', type: 'text', required: true },
    { name: 'body', type: 'textarea', required: true },
  ],
  outputSchema: [{ name: 'status', type: 'number', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, job, req }) => {
    const { urls: webhookUrls, secret: webhookSecret } = workflowOptions(req.payload).webhooks
    // Only the receivers configured now: a job row never sends to an address of its own choosing.
    const url = webhookUrls.find((candidate) => receiverFingerprint(candidate) === input.receiver)
    if (!url) throw new JobCancelledError(`webhook receiver ${input.receiver} is no longer configured in WEBHOOK_URLS`)
    if (!webhookSecret) throw new Error('WEBHOOK_SECRET is not set: webhooks are never sent unsigned')
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'spa-cms-webhooks',
          'x-spa-cms-event': eventOf(input.body),
          'x-spa-cms-signature': signWebhookBody(input.body, webhookSecret),
          'x-spa-cms-delivery': String(job.id),
        },
        body: input.body,
        // A redirected POST would be re-sent elsewhere (or as a GET): count it as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      })
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms`
          : String((error as Error)?.cause ?? error)
      throw new Error(`webhook to ${describeUrl(url)} failed: ${reason}`, { cause: error })
    }
    await response.body?.cancel().catch(() => {})
    if (response.status < 200 || response.status > 299) {
      throw new Error(`webhook to ${describeUrl(url)} answered ${response.status}`)
    }
    return { output: { status: response.status } }
  },
}

/** Queues one delivery per configured receiver; returns how many were queued. */
export async function queueWebhooks(payload: Payload, body: WebhookBody): Promise<number> {
  // body.tags: the read cache's tags of what the change made stale; receivers purge exactly those (README: Freshness).
  const json = JSON.stringify(body)
  const { urls } = workflowOptions(payload).webhooks
  for (const url of urls) {
    await payload.jobs.queue({
      task: WEBHOOK_TASK,
      queue: WEBHOOK_QUEUE,
      input: { receiver: receiverFingerprint(url), body: json },
    })
  }
  return urls.length
}

/**
 * `jobs.autoRun` entries for the job runner: once a minute, a runner that has receivers configured
 * runs what is due in the webhook queue (jobs a restart left behind). A process without
 * WEBHOOK_URLS (a script, a test server on a shared database) never touches the queue.
 */
export const webhookAutoRun = (receivers: string[]): Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> =>
  receivers.length > 0 ? [{ queue: WEBHOOK_QUEUE, cron: '* * * * *', limit: 10 }] : []

interface QueueRunner {
  running: boolean
  /** Kicked again while running: run once more before sleeping. */
  again: boolean
  timer?: ReturnType<typeof setTimeout>
}

const runners = new WeakMap<Payload, QueueRunner>()
/** Safety bound on back-to-back runs in one go; each run handles up to RUN_LIMIT jobs. */
const MAX_RUNS_PER_KICK = 50
const RUN_LIMIT = 20
const MIN_FOLLOW_UP_MS = 250

/**
 * After payload.destroy() the Postgres adapter drops its drizzle instance: stop following up. A
 * Payload that can no longer even be asked (a stopped handle throws) is closed too.
 */
function isClosed(payload: Payload): boolean {
  try {
    return 'drizzle' in payload.db && (payload.db as { drizzle?: unknown }).drizzle === undefined
  } catch {
    return true
  }
}

/**
 * Runs the webhook queue in the background until nothing is due, then sleeps until the next
 * retry is due (an unref'd timer: it never keeps a process alive). Returns at once; never throws.
 * Runs in one process are serialised, so a kick during a run only schedules another pass.
 */
export function kickWebhookQueue(payload: Payload): void {
  let runner = runners.get(payload)
  if (!runner) runners.set(payload, (runner = { running: false, again: false }))
  if (runner.running) {
    runner.again = true
    return
  }
  if (isClosed(payload)) return
  if (runner.timer) clearTimeout(runner.timer)
  runner.timer = undefined
  runner.running = true
  const state = runner
  void runUntilIdle(payload, state)
    .catch((err: unknown) => {
      // A run cut short by shutdown is no failure to report (and there is no logger left to ask).
      if (!isClosed(payload)) payload.logger.error({ err }, 'webhook queue run failed')
      return null
    })
    .then((nextDue) => {
      state.running = false
      if (isClosed(payload)) return
      if (state.again) return kickWebhookQueue(payload)
      if (nextDue === null) return
      state.timer = setTimeout(
        () => kickWebhookQueue(payload),
        Math.max(MIN_FOLLOW_UP_MS, nextDue.getTime() - Date.now() + 50),
      )
      state.timer.unref()
    })
}

/**
 * Resolves once this process runs nothing from the webhook queue (a run already going finishes
 * first): for callers that must find the queue as they left it, such as a script or a test that
 * queues jobs itself. Jobs queued afterwards wait for the next kick, retry timer or cron.
 */
export async function webhookQueueAtRest(payload: Payload): Promise<void> {
  while (runners.get(payload)?.running) await new Promise((resolve) => setTimeout(resolve, 20))
}

async function runUntilIdle(payload: Payload, runner: QueueRunner): Promise<Date | null> {
  let runs = 0
  do {
    runner.again = false
    while (runs++ < MAX_RUNS_PER_KICK) {
      const result = await payload.jobs.run({ queue: WEBHOOK_QUEUE, limit: RUN_LIMIT })
      if (result.noJobsRemaining) break
    }
  } while (runner.again && runs < MAX_RUNS_PER_KICK)
  return nextDueRetry(payload)
}

/** When the earliest job still waiting in the webhook queue is due (now, if it has no wait). */
async function nextDueRetry(payload: Payload): Promise<Date | null> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: WEBHOOK_QUEUE } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { processing: { equals: false } },
      ],
    },
    sort: 'waitUntil',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const job = docs[0] as { waitUntil?: string | null } | undefined
  if (!job) return null
  return job.waitUntil ? new Date(job.waitUntil) : new Date()
}
