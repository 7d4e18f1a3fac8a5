/**
 * One claim per job (src/jobs/claimJobsOnce.ts): runners that look for due jobs at the same moment,
 * as the instances of a cluster do, never run the same job twice. Four runs of one queue start
 * together here, each claiming in its own transaction like runners in separate processes; the
 * jobs are webhook deliveries to a local receiver, which sees each delivery id once.
 */
import { randomBytes } from 'node:crypto'

import { receiverFingerprint, WEBHOOK_TASK } from '../../src/workflow/webhooks'
import { useCleanup, useEnv, useLocalPayload, useWebhookReceiver } from '../helpers/suite'

const JOBS = 40
const RUNNERS = 4
const queue = `claims-${randomBytes(4).toString('hex')}`

const receiver = useWebhookReceiver()
// Read when the Payload config loads: the handler sends only to configured receivers.
useEnv(() => ({ WEBHOOK_URLS: receiver.url, WEBHOOK_SECRET: randomBytes(16).toString('hex') }))
const payload = useLocalPayload()
useCleanup('the jobs', () =>
  payload.delete({ collection: 'payload-jobs', where: { queue: { equals: queue } }, overrideAccess: true }),
)

it('runs each job once when several runners claim at the same moment', async () => {
  for (let index = 0; index < JOBS; index++) {
    await payload.jobs.queue({
      task: WEBHOOK_TASK as never,
      queue,
      input: { receiver: receiverFingerprint(receiver.url), body: JSON.stringify({ index }) } as never,
    })
  }
  const runs = await Promise.allSettled(
    Array.from({ length: RUNNERS }, () => payload.jobs.run({ queue, limit: JOBS, silent: true })),
  )

  const deliveries = receiver.attempts.map((attempt) => String(attempt.headers['x-spa-cms-delivery']))
  expect(deliveries.filter((delivery, index) => deliveries.indexOf(delivery) !== index)).toEqual([])
  expect(new Set(deliveries).size).toBe(JOBS)
  // Two runners finishing one job would also trip over each other (one deletes what the other updates).
  expect(runs.filter((run) => run.status === 'rejected')).toEqual([])
})
