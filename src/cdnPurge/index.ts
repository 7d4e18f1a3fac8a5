/**
 * cdnPurge(options): tells a CDN which cached answers a publish or unpublish made stale, by tag.
 *
 * On each publish and unpublish the workflow queues one purge job (beside its webhooks, with the
 * same tags: `doc:<collection>:<id>`, `list:<collection>`, as in cached answers' Cache-Tag and
 * Surrogate-Key headers). The job POSTs to the configured endpoint:
 *   body:            {"tags":["doc:articles:12","list:articles"]}    (Cloudflare's shape)
 *   Surrogate-Key:   doc:articles:12 list:articles                   (Fastly's shape)
 *   <header>:        <secret>                                         (e.g. Authorization, Fastly-Key)
 *   x-spa-cms-delivery: the job id, the same on every retry
 * and is retried like the webhooks (five attempts, 1 s, 2 s, 4 s, 8 s apart): it travels in their
 * queue, so the same runner delivers it at once and picks it up again after a restart.
 * Without an endpoint the plugin adds the task only, and nothing is queued.
 */
import type { Config, Payload, TaskConfig } from 'payload'

import { describeUrl, WEBHOOK_QUEUE } from '../workflow/webhooks'

export interface CdnPurgeOptions {
  /** The CDN's purge endpoint, the header that carries the secret, and the secret (CDN_PURGE_*). */
  endpoint?: { url: string; header: string; secret: string }
  /** Whether this process runs due jobs (JOBS_RUNNER): it then picks up purges a restart left behind. */
  runJobs?: boolean
}

export const CDN_PURGE_TASK = 'purgeCdnTags'
export const CDN_PURGE_TIMEOUT_MS = 5_000
const OPTIONS_KEY = 'cdnPurge'

export interface CdnPurgeTaskIO {
  input: { tags: string[] }
  output: { status: number }
}

const endpointOf = (payload: Payload): CdnPurgeOptions['endpoint'] =>
  (payload.config.custom?.[OPTIONS_KEY] as CdnPurgeOptions | undefined)?.endpoint

export const cdnPurgeTask: TaskConfig<CdnPurgeTaskIO> = {
  slug: CDN_PURGE_TASK,
  label: 'Purge CDN tags',
  inputSchema: [{ name: 'tags', type: 'text', hasMany: true, required: true }],
  outputSchema: [{ name: 'status', type: 'number', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, job, req }) => {
    const endpoint = endpointOf(req.payload)
    // A process without the setting (a script, a misconfigured instance) leaves the purge to a retry elsewhere.
    if (!endpoint) throw new Error('CDN_PURGE_URL is not set in the process that ran this purge')
    let response: Response
    try {
      response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'spa-cms-cdn-purge',
          'surrogate-key': input.tags.join(' '),
          'x-spa-cms-delivery': String(job.id),
          [endpoint.header]: endpoint.secret,
        },
        body: JSON.stringify({ tags: input.tags }),
        redirect: 'manual',
        signal: AbortSignal.timeout(CDN_PURGE_TIMEOUT_MS),
      })
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${CDN_PURGE_TIMEOUT_MS} ms`
          : String((error as Error)?.cause ?? error)
      throw new Error(`CDN purge at ${describeUrl(endpoint.url)} failed: ${reason}`, { cause: error })
    }
    await response.body?.cancel().catch(() => {})
    if (response.status < 200 || response.status > 299)
      throw new Error(`CDN purge at ${describeUrl(endpoint.url)} answered ${response.status}`)
    return { output: { status: response.status } }
  },
}

/** Queues the purge of what a change made stale, by tag; returns how many jobs were queued (0 or 1). */
export async function queueCdnPurge(payload: Payload, tags: string[]): Promise<number> {
  if (!endpointOf(payload)) return 0
  await payload.jobs.queue({ task: CDN_PURGE_TASK, queue: WEBHOOK_QUEUE, input: { tags } })
  return 1
}

export const cdnPurge =
  (options: CdnPurgeOptions) =>
  (config: Config): Config => {
    const ownAutoRun = config.jobs?.autoRun
    return {
      ...config,
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), cdnPurgeTask],
        autoRun:
          options.endpoint && options.runJobs
            ? async (payload) => [
                ...(typeof ownAutoRun === 'function' ? await ownAutoRun(payload) : (ownAutoRun ?? [])),
                { queue: WEBHOOK_QUEUE, cron: '* * * * *', limit: 10 },
              ]
            : ownAutoRun,
      },
      custom: { ...config.custom, [OPTIONS_KEY]: options },
    }
  }
