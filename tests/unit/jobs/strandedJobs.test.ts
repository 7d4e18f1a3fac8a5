/**
 * What becomes of a job whose runner stopped while running it (src/jobs/strandedJobs.ts): the
 * lost run counts as a failed try, by Payload's own rule for a task's retries.
 */
import type { SanitizedConfig } from 'payload'

import { retriesOf, RUNNER_STOPPED, strandedOutcome, type StrandedJob } from '../../../src/jobs/strandedJobs'

const claimedAt = new Date('2026-12-04T09:00:00.000Z')
const now = new Date('2026-12-04T09:05:00.000Z')
const job = (overrides: Partial<StrandedJob> = {}): StrandedJob => ({
  id: 7,
  taskSlug: 'sendWorkflowWebhook',
  totalTried: 0,
  input: { receiver: 'abc', body: '{}' },
  claimedAt,
  ...overrides,
})

describe('strandedOutcome', () => {
  it('gives a job with retries left back to the queue, one try counted, without an error', () => {
    const { final, data } = strandedOutcome(job({ totalTried: 1 }), 5, now)
    expect(final).toBe(false)
    expect(data).toMatchObject({ processing: false, totalTried: 2, hasError: false, updatedAt: now.toISOString() })
    expect(data.error).toBeUndefined()
  })

  it("fails a job that has used every retry (Payload's rule: tried `attempts` times before this run)", () => {
    expect(strandedOutcome(job({ totalTried: 4 }), 5, now).final).toBe(false)
    const { final, data } = strandedOutcome(job({ totalTried: 5 }), 5, now)
    expect(final).toBe(true)
    expect(data).toMatchObject({ processing: false, totalTried: 6, hasError: true })
    expect(data.error).toMatchObject({ name: RUNNER_STOPPED, cancelled: false })
    expect(data.error?.message).toContain('no retries left (tried 6 times)')
  })

  it('fails at once a job whose task has no retries', () => {
    expect(strandedOutcome(job(), 0, now)).toMatchObject({ final: true, data: { hasError: true, totalTried: 1 } })
  })

  it("logs the lost run as a failed try of the job's task, so that Payload counts it too", () => {
    const entry = strandedOutcome(job(), 3, now).data.log?.$push
    expect(entry).toMatchObject({
      taskSlug: 'sendWorkflowWebhook',
      taskID: '1',
      state: 'failed',
      input: { receiver: 'abc', body: '{}' },
      executedAt: claimedAt.toISOString(),
      completedAt: now.toISOString(),
      error: { name: RUNNER_STOPPED },
    })
    expect(entry?.id).toMatch(/^[0-9a-f]{24}$/)
    expect(strandedOutcome(job(), 3, now).data.log?.$push.id).not.toBe(entry?.id)
  })

  it('writes no log entry for a job without a task (a workflow), only the count', () => {
    expect(strandedOutcome(job({ taskSlug: null }), 3, now).data.log).toBeUndefined()
  })
})

describe('retriesOf', () => {
  const config = {
    jobs: {
      tasks: [
        { slug: 'counted', retries: 3 },
        { slug: 'attempts', retries: { attempts: 5, backoff: { type: 'fixed', delay: 10 } } },
        { slug: 'none' },
      ],
    },
  } as unknown as SanitizedConfig

  it("reads a task's retries as a number or as { attempts }, and none as 0", () => {
    expect(retriesOf(config, 'counted')).toBe(3)
    expect(retriesOf(config, 'attempts')).toBe(5)
    expect(retriesOf(config, 'none')).toBe(0)
    expect(retriesOf(config, 'unknown')).toBe(0)
    expect(retriesOf(config, null)).toBe(0)
  })
})
