/**
 * `npm run bench:transitions [-- --rounds 30]`: what one workflow action costs, away from any other
 * load. A writer's article goes round edit → submit → approve → publish `rounds` times (after the
 * first round it is a live page edited again, as in the soak); each action runs through
 * performTransition as the endpoint runs it, one at a time, and is timed from the call to its
 * answer, with this process's CPU time until its mails and webhooks are handed on. On a machine
 * shared with other work the CPU time is the steadier figure. The database is freshly migrated
 * (the machine's Postgres with DATABASE_URL, an embedded one otherwise) and dropped afterwards.
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { createLocalReq } from 'payload'

import type { User } from '../payload-types'
import { runScript } from '../src/scripts/runScript'
import { performTransition } from '../src/workflow/perform'
import { Fixtures } from '../tests/helpers/content'
import { withFreshPayload } from './freshPayload'
import { summarise } from './stats'

/** Long enough for what a transition does after its answer (mails, webhooks) to be done. */
const SETTLE_MS = 100

const ACTIONS = ['submit', 'approve', 'publish'] as const
type Action = (typeof ACTIONS)[number]

interface Sample {
  wallMs: number
  cpuMs: number
}

runScript('transitions bench', async () => {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '30' } } })
  const rounds = Number(values.rounds)
  if (!(rounds > 1)) throw new Error(`--rounds must be a number above 1, got "${values.rounds}"`)
  const samples: Record<Action, Sample[]> = { submit: [], approve: [], publish: [] }
  await withFreshPayload('bench_transitions', async (payload) => {
    const fixtures = new Fixtures(payload)
    const people: Record<'writer' | 'reviewer', User> = {
      writer: await fixtures.user('writer', 'bench-transitions-writer'),
      reviewer: await fixtures.user('reviewer', 'bench-transitions-reviewer'),
    }
    const actorOf: Record<Action, User> = { submit: people.writer, approve: people.reviewer, publish: people.reviewer }
    const article = await fixtures.draft('articles', 'Transitions bench')
    for (let round = 0; round < rounds; round++) {
      if (round > 0)
        await payload.update({
          collection: 'articles',
          id: article.id,
          data: { excerpt: `Edited in round ${round}` },
          draft: true,
          user: people.writer,
          overrideAccess: true,
        })
      for (const action of ACTIONS) {
        const req = await createLocalReq({ user: { ...actorOf[action], collection: 'users' } }, payload)
        const cpuBefore = process.cpuUsage()
        const started = performance.now()
        await performTransition(req, { collection: 'articles', id: article.id, action })
        const wallMs = performance.now() - started
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
        const cpu = process.cpuUsage(cpuBefore)
        // The first round warms up (a never-published article, code not yet optimised): not counted.
        if (round > 0) samples[action].push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 })
      }
    }
  })
  console.log(
    `${rounds - 1} rounds after a warm-up round; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  )
  for (const action of ACTIONS) {
    const wall = summarise(samples[action].map((sample) => sample.wallMs))
    const cpu = summarise(samples[action].map((sample) => sample.cpuMs))
    console.log(
      `${action}: answer p50 ${wall.p50.toFixed(1)} ms (max ${wall.max.toFixed(1)}), ` +
        `CPU p50 ${cpu.p50.toFixed(1)} ms (max ${cpu.max.toFixed(1)})`,
    )
  }
})
