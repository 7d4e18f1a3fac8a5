/**
 * Crash safety: the server is killed with SIGKILL in the middle of a stream of writes and
 * transitions. After a restart every write that had been answered with 2xx is there, and every
 * document's stage agrees with its audit trail (a transition and its audit row commit together).
 */
import { contentData, randomSuffix } from '../helpers/content'
import { httpClient, type HttpClient, type HttpResult } from '../helpers/http'
import { startServer, type RunningServer } from '../helpers/server'
import { useCleanup, useFixtures, useLocalPayload, useUsers } from '../helpers/suite'
import { expectStageMatchesAuditTrail } from './auditTrail'

type Person = 'writer' | 'reviewer'

/** Parallel streams of writes, so that several requests are in flight when the server dies. */
const WRITERS = 3
/** Acknowledged writes before the kill. */
const WRITES_BEFORE_CRASH = 40

/** Each document's life: edits and transitions, in order (the last edit reopens live content). */
const LIFE: ({ edit: true } | { action: string; who: Person })[] = [
  { edit: true },
  { action: 'submit', who: 'writer' },
  { action: 'approve', who: 'reviewer' },
  { action: 'publish', who: 'reviewer' },
  { edit: true },
]

/** What the server acknowledged for one document, and the one write it had not answered yet. */
interface Acknowledged {
  id: number
  title: string
  actions: string[]
  unansweredTitle?: string
  unansweredAction?: string
}

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const people = useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' })
/** The server of the moment: the test starts it, kills it and starts it again. */
let server: RunningServer | undefined
useCleanup('the server', () => server?.stop())
/** Follows the server of the moment; the logins (JWTs) stay valid across the restart. */
const http = httpClient({
  get baseUrl() {
    if (!server) throw new Error('no server is running')
    return server.baseUrl
  },
})

class ServerGone extends Error {}

/**
 * Writes documents through their life until the server dies. Anything but a 2xx while it is alive
 * fails the test; a request cut off by the crash ends the stream.
 */
async function writeUntilCrash(
  http: HttpClient,
  acknowledged: Acknowledged[],
  crashed: () => boolean,
  onWrite: () => void,
): Promise<void> {
  const send = async (request: () => Promise<HttpResult>): Promise<HttpResult> => {
    try {
      const result = await request()
      if (crashed() && result.status >= 500) throw new ServerGone()
      expect(result.status).toBeLessThan(300)
      onWrite()
      return result
    } catch (error) {
      if (crashed()) throw new ServerGone()
      throw error
    }
  }
  try {
    while (!crashed()) {
      const title = `Crash ${randomSuffix()}`
      const created = await send(() =>
        http.post('/api/articles?draft=true', { ...contentData('articles', title), _status: 'draft' }, 'writer'),
      )
      const doc: Acknowledged = { id: created.body.doc.id, title, actions: [] }
      fixtures.track('articles', doc.id)
      acknowledged.push(doc)
      for (const step of LIFE) {
        if ('edit' in step) {
          doc.unansweredTitle = `Edited ${randomSuffix()}`
          await send(() => http.patch(`/api/articles/${doc.id}?draft=true`, { title: doc.unansweredTitle }, 'writer'))
          doc.title = doc.unansweredTitle
          doc.unansweredTitle = undefined
        } else {
          doc.unansweredAction = step.action
          await send(() => http.act('articles', doc.id, step.action, step.who))
          doc.actions.push(step.action)
          doc.unansweredAction = undefined
        }
      }
    }
  } catch (error) {
    if (!(error instanceof ServerGone)) throw error
  }
}

it('keeps every acknowledged write and a consistent audit trail across a SIGKILL', async () => {
  server = await startServer()
  for (const person of ['writer', 'reviewer'] as const) await http.login(people[person].email, person)

  const acknowledged: Acknowledged[] = []
  let writes = 0
  let crash: Promise<void> | undefined
  const running = server
  const onWrite = () => {
    writes += 1
    if (writes === WRITES_BEFORE_CRASH) crash = running.kill()
  }
  await Promise.all(
    Array.from({ length: WRITERS }, () => writeUntilCrash(http, acknowledged, () => crash !== undefined, onWrite)),
  )
  await crash
  expect(writes).toBeGreaterThanOrEqual(WRITES_BEFORE_CRASH)
  // The crash cut writes off mid-stream: some were sent and never answered.
  expect(acknowledged.filter((doc) => doc.unansweredTitle || doc.unansweredAction).length).toBeGreaterThan(0)

  server = await startServer()
  for (const doc of acknowledged) {
    const stored = await http.get(`/api/articles/${doc.id}?draft=true&depth=0`, 'writer')
    expect(stored.status).toBe(200)
    expect([doc.title, doc.unansweredTitle]).toContain(stored.body.title)

    const trail = await expectStageMatchesAuditTrail(payload, 'articles', doc.id)
    const actions = trail.map((event) => event.action)
    expect(actions.slice(0, doc.actions.length)).toEqual(doc.actions)
    expect(actions.slice(doc.actions.length)).toEqual(actions.length > doc.actions.length ? [doc.unansweredAction] : [])
  }
}, 300_000) // two server starts, each allowed two minutes on a busy machine
