/**
 * `npm run bench:claims [-- --claims 400 --leftovers 300]`: what a runner's look for work costs when
 * nothing is due, the most frequent claim there is (the schedule's every 10 s, each webhook kick).
 * Each claim runs Payload's `jobs.run` on an empty queue, through src/jobs (its lock, the search for
 * stranded jobs, the locked claim). `leftovers` failed jobs lie in the table, as two weeks of failed
 * deliveries would. Run it in two checkouts to compare them side by side. The database is freshly
 * migrated (the machine's Postgres with DATABASE_URL, an embedded one otherwise) and dropped afterwards.
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'

import { runScript } from '../src/scripts/runScript'
import { WEBHOOK_QUEUE, WEBHOOK_TASK } from '../src/workflow/webhooks'
import { withFreshPayload } from './freshPayload'
import { summarise } from './stats'

const WARM_UP_CLAIMS = 50

function positive(name: string, value: string | undefined): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, got "${value}"`)
  return number
}

runScript('job claims bench', async () => {
  const { values } = parseArgs({
    options: { claims: { type: 'string', default: '400' }, leftovers: { type: 'string', default: '300' } },
  })
  const claims = positive('claims', values.claims)
  const leftovers = positive('leftovers', values.leftovers)
  const wall: number[] = []
  const cpu: number[] = []
  await withFreshPayload('bench_job_claims', async (payload) => {
    for (let index = 0; index < leftovers; index++) {
      await payload.create({
        collection: 'payload-jobs',
        data: { taskSlug: WEBHOOK_TASK, queue: WEBHOOK_QUEUE, input: {}, hasError: true, totalTried: 6 } as never,
        overrideAccess: true,
      })
    }
    for (let claim = 0; claim < WARM_UP_CLAIMS + claims; claim++) {
      const cpuBefore = process.cpuUsage()
      const started = performance.now()
      await payload.jobs.run({ queue: 'nothing-due', silent: true })
      const used = process.cpuUsage(cpuBefore)
      if (claim < WARM_UP_CLAIMS) continue
      wall.push(performance.now() - started)
      cpu.push((used.user + used.system) / 1000)
    }
  })
  const answer = summarise(wall)
  const work = summarise(cpu)
  console.log(
    `${claims} claims on an empty queue, ${leftovers} failed jobs in the table; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  )
  console.log(
    `claim: p50 ${answer.p50.toFixed(2)} ms (max ${answer.max.toFixed(1)}), CPU p50 ${work.p50.toFixed(2)} ms (max ${work.max.toFixed(1)})`,
  )
})
