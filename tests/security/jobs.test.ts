/**
 * Payload's jobs (webhook deliveries, mails, scheduled publishing) and the runner recorded on each
 * claim are the server's own: no role reads, forges or rewrites them over REST or GraphQL, and only
 * an admin may ask the server to run its queues. A writer who could mark a job as running under a
 * live runner's key would hold back a scheduled publish; one who could read jobs would read who is
 * notified of what.
 */
import { randomBytes } from 'node:crypto'

import { receiverFingerprint, WEBHOOK_TASK } from '../../src/workflow/webhooks'
import { httpClient } from '../helpers/http'
import { useCleanup, useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const queue = `locked-out-${randomBytes(4).toString('hex')}`
const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer', admin: 'admin' }, { label: 'jobs', http })
useCleanup('the jobs', () =>
  payload.delete({ collection: 'payload-jobs', where: { queue: { equals: queue } }, overrideAccess: true }),
)

const everyone = [undefined, 'writer', 'reviewer', 'admin'] as const
const label = (who: string | undefined) => who ?? 'anonymous'

async function queuedJob(): Promise<{ id: number; runner?: number | null; processing?: boolean | null }> {
  const job = await payload.jobs.queue({
    task: WEBHOOK_TASK as never,
    queue,
    input: { receiver: receiverFingerprint('https://hooks.spa.test/in'), body: '{}' } as never,
  })
  return job as unknown as { id: number }
}

it.each(everyone.map((who) => [label(who), who]))(
  '%s can neither list, read, create, change nor delete a job over REST',
  async (_, who) => {
    const job = await queuedJob()
    const answers = [
      await http.get('/api/payload-jobs', who),
      await http.get(`/api/payload-jobs/${job.id}`, who),
      await http.post('/api/payload-jobs', { queue, taskSlug: WEBHOOK_TASK, processing: true, runner: 1 }, who),
      await http.patch(`/api/payload-jobs/${job.id}`, { processing: true, runner: 1 }, who),
      await http.delete(`/api/payload-jobs/${job.id}`, who),
    ]
    for (const answer of answers) expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(answers.map((answer) => answer.body))).not.toContain('hooks.spa.test')
    const stored = await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
    expect(stored).toMatchObject({ processing: false, runner: null })
  },
)

it.each(everyone.map((who) => [label(who), who]))('%s reads no job, and no runner, over GraphQL', async (_, who) => {
  await queuedJob()
  const listed = await http.graphql(
    `{ PayloadJobs(where: { queue: { equals: "${queue}" } }) { docs { id runner } } }`,
    who,
  )
  // Payload leaves the jobs collection out of the schema: asking for it is an error, not an empty list.
  expect(listed.body.errors?.length ?? 0).toBeGreaterThan(0)
  expect(listed.body.data?.PayloadJobs?.docs ?? []).toEqual([])
})

it.each([label(undefined), 'writer', 'reviewer'].map((who) => [who]))(
  '%s may not make the server run its queues',
  async (who) => {
    const job = await queuedJob()
    const as = who === 'anonymous' ? undefined : who
    for (const path of [`/api/payload-jobs/run?queue=${queue}`, '/api/payload-jobs/run?allQueues=true']) {
      // Payload's run endpoint refuses with 401 whoever its access rule turns away.
      expect((await http.get(path, as)).status).toBe(401)
    }
    const stored = await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
    expect(stored).toMatchObject({ processing: false, totalTried: 0 })
  },
)

it('an admin may make the server run a queue', async () => {
  const job = await queuedJob()
  expect((await http.get(`/api/payload-jobs/run?queue=${queue}&limit=100`, 'admin')).status).toBe(200)
  // Its receiver is not configured here: the run cancels the job rather than send it.
  const stored = await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
  expect(stored).toMatchObject({ processing: false, hasError: true, error: { cancelled: true } })
})
