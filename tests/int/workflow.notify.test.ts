/**
 * Workflow notifications against real receivers: mails over SMTP to a local smtp-server, webhooks
 * over HTTP to local servers, through the Payload instance built from payload.config.ts (its email
 * adapter and jobs queue). Only the document ids in the notices are made up: notify never reads
 * the document, it reports what the workflow tells it.
 */
import { spawn } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import path from 'node:path'
import { Writable } from 'node:stream'

import pino from 'pino'
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import { projectRoot } from '../../src/config'
import { TYPESCRIPT_NODE_ARGS } from '../../src/server/childScripts'
import { documentReference, notifyWorkflowTransition, type WorkflowNotice } from '../../src/workflow/notify'
import {
  queueWebhooks,
  receiverFingerprint,
  WEBHOOK_QUEUE,
  webhookQueueAtRest,
  type WebhookBody,
} from '../../src/workflow/webhooks'
import { startWebhookReceiver, waitFor, type WebhookReceiver } from '../helpers/receivers'
import { useEnv, useFixtures, useLocalPayload, useSmtpReceiver, useUsers, useWebhookReceiver } from '../helpers/suite'

const SECRET = `whsec-${randomBytes(16).toString('hex')}`
const SERVER_URL = 'https://cms.spa.test'

const smtp = useSmtpReceiver()
const plain = useWebhookReceiver()
const flaky = useWebhookReceiver({ failFirst: 2 })
const slow = useWebhookReceiver({ delayMs: 3000 })
// settings() reads these once, when payload.config is first loaded by useLocalPayload().
useEnv(() => ({
  SMTP_HOST: smtp.host,
  SMTP_PORT: String(smtp.port),
  SMTP_SECURE: 'false',
  SMTP_FROM: 'Spa CMS <cms@spa.test>',
  SMTP_USER: undefined,
  SMTP_PASSWORD: undefined,
  WEBHOOK_URLS: [plain.url, flaky.url, slow.url].join(','),
  WEBHOOK_SECRET: SECRET,
  SERVER_URL,
}))
const payload = useLocalPayload()
const people = useUsers(
  useFixtures(payload),
  { writer: 'writer', rita: 'reviewer', otherReviewer: 'reviewer', thirdReviewer: 'reviewer', admin: 'admin' },
  { label: 'notify' },
)
const reviewers = () => [people.rita, people.otherReviewer, people.thirdReviewer]

beforeAll(async () => {
  await payload.update({
    collection: 'users',
    id: people.rita.id,
    data: { name: 'Rita Reviewer' },
    overrideAccess: true,
  })
  people.rita.name = 'Rita Reviewer'
})

const person = (user: User) => ({ id: user.id, email: user.email, name: user.name ?? null })
const label = () => randomBytes(4).toString('hex')
/** Document ids of our own, far from any real row, one per notice. */
let nextDocumentId = 900_000_000 + Math.floor(Math.random() * 1_000_000)

function notice(overrides: Partial<WorkflowNotice> & Pick<WorkflowNotice, 'action' | 'actor'>): WorkflowNotice {
  const collection = overrides.collection ?? 'articles'
  const documentId = nextDocumentId++
  return {
    collection,
    ...documentReference(payload, collection, documentId),
    documentId,
    title: `Hot stone massage ${label()}`,
    slug: null,
    from: 'draft',
    to: 'in_review',
    submitter: null,
    comment: null,
    ...overrides,
  }
}

const mailsAbout = (title: string) => smtp.messages.filter((message) => message.subject.includes(title))

describe('workflow mails', () => {
  it('submit mails every reviewer, but never the person who submitted', async () => {
    const byWriter = notice({ action: 'submit', actor: person(people.writer), submitter: person(people.writer) })
    await notifyWorkflowTransition(payload, byWriter)
    const byReviewer = notice({ action: 'submit', actor: person(reviewers()[2]), submitter: person(reviewers()[2]) })
    await notifyWorkflowTransition(payload, byReviewer)

    const first = mailsAbout(byWriter.title)
    for (const reviewer of reviewers()) expect(first.filter((mail) => mail.to.includes(reviewer.email))).toHaveLength(1)
    for (const other of [people.writer, people.admin])
      expect(first.filter((mail) => mail.to.includes(other.email))).toHaveLength(0)
    // One mail per person: nobody sees who else was told.
    expect(first.every((mail) => mail.to.length === 1)).toBe(true)

    const second = mailsAbout(byReviewer.title)
    expect(second.filter((mail) => mail.to.includes(reviewers()[0].email))).toHaveLength(1)
    expect(second.filter((mail) => mail.to.includes(reviewers()[1].email))).toHaveLength(1)
    expect(second.filter((mail) => mail.to.includes(reviewers()[2].email))).toHaveLength(0)

    const mail = first.find((entry) => entry.to.includes(reviewers()[0].email))!
    expect(mail.subject).toBe(`Review requested: "${byWriter.title}"`)
    expect(mail.from).toBe('cms@spa.test')
    expect(mail.text).toContain('Hello Rita Reviewer,')
    expect(mail.text).toContain(`${people.writer.email} submitted the article "${byWriter.title}" for review.`)
    expect(mail.text).toContain('from "Draft" to "In review"')
    expect(mail.text).toContain(`${SERVER_URL}/admin/collections/articles/${byWriter.documentId}`)
  })

  it('request_changes mails the submitter, with the comment', async () => {
    const comment = 'Please cite a source for the claim about circulation.\nAnd shorten the intro.'
    const requested = notice({
      action: 'request_changes',
      from: 'in_review',
      to: 'changes_requested',
      actor: person(reviewers()[0]),
      submitter: person(people.writer),
      comment,
      collection: 'myths',
      title: `Massage releases toxins ${label()}`,
    })
    await notifyWorkflowTransition(payload, requested)

    const mails = mailsAbout(requested.title)
    expect(mails).toHaveLength(1)
    expect(mails[0].to).toEqual([people.writer.email.toLowerCase()])
    expect(mails[0].subject).toBe(`Changes requested: "${requested.title}"`)
    expect(mails[0].text).toContain(`Rita Reviewer reviewed the myth "${requested.title}" and asked for changes.`)
    expect(mails[0].text).toContain('"Changes requested"')
    expect(mails[0].text).toContain('  Please cite a source for the claim about circulation.\n  And shorten the intro.')
    expect(mails[0].text).toContain(`${SERVER_URL}/admin/collections/myths/${requested.documentId}`)
  })

  it('approve and publish mail the submitter, and nobody mails themselves', async () => {
    const approved = notice({
      action: 'approve',
      from: 'in_review',
      to: 'approved',
      actor: person(reviewers()[1]),
      submitter: person(people.writer),
      collection: 'techniques',
    })
    await notifyWorkflowTransition(payload, approved)
    const published = notice({
      action: 'publish',
      from: 'approved',
      to: 'published',
      actor: person(reviewers()[1]),
      submitter: person(people.writer),
      collection: 'faqs',
    })
    await notifyWorkflowTransition(payload, published)
    // A reviewer publishing what they submitted themselves: nobody else to tell.
    const own = notice({
      action: 'publish',
      from: 'approved',
      to: 'published',
      actor: person(reviewers()[1]),
      submitter: person(reviewers()[1]),
    })
    await notifyWorkflowTransition(payload, own)
    const withdrawn = notice({
      action: 'withdraw',
      from: 'in_review',
      to: 'draft',
      actor: person(people.writer),
      submitter: person(people.writer),
    })
    await notifyWorkflowTransition(payload, withdrawn)

    const approvedMails = mailsAbout(approved.title)
    expect(approvedMails.map((mail) => mail.to)).toEqual([[people.writer.email.toLowerCase()]])
    expect(approvedMails[0].subject).toBe(`Approved: "${approved.title}"`)
    expect(approvedMails[0].text).toContain(`approved the technique "${approved.title}"`)
    expect(approvedMails[0].text).toContain('"Approved"')

    const publishedMails = mailsAbout(published.title)
    expect(publishedMails.map((mail) => mail.to)).toEqual([[people.writer.email.toLowerCase()]])
    expect(publishedMails[0].subject).toBe(`Published: "${published.title}"`)
    expect(publishedMails[0].text).toContain(`published the FAQ "${published.title}". It is now live.`)
    expect(publishedMails[0].text).toContain(`${SERVER_URL}/admin/collections/faqs/${published.documentId}`)

    expect(mailsAbout(own.title)).toHaveLength(0)
    expect(mailsAbout(withdrawn.title)).toHaveLength(0)
  })

  it('without SMTP_HOST a mail is written to the log, not sent, and no secret is logged', async () => {
    const subject = `Log only ${label()}`
    const script = `
      const { closePayload, startPayload } = await import(${JSON.stringify(path.join(projectRoot, 'src/db/payloadLifecycle.ts'))})
      const payload = await startPayload()
      try {
        await payload.sendEmail({ to: 'someone@spa.test', subject: ${JSON.stringify(subject)}, text: 'the body stays private' })
      } finally {
        await closePayload(payload)
      }
    `
    const child = spawn(process.execPath, [...TYPESCRIPT_NODE_ARGS, '--input-type=module', '-e', script], {
      cwd: projectRoot,
      env: {
        ...process.env,
        SMTP_HOST: '',
        SMTP_USER: 'mailer',
        SMTP_PASSWORD: 'smtp-password-never-logged',
        WEBHOOK_URLS: '',
        WEBHOOK_SECRET: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect({ code, output }).toMatchObject({ code: 0 })

    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; mail?: unknown })
    const logged = lines.filter((line) => line.msg === 'mail not sent: no SMTP_HOST configured')
    expect(logged).toEqual([expect.objectContaining({ mail: { to: ['someone@spa.test'], subject } })])
    expect(output).not.toContain('smtp-password-never-logged')
    expect(output).not.toContain('the body stays private')
    expect(mailsAbout(subject)).toHaveLength(0)
  })
})

describe('publish and unpublish webhooks', () => {
  const receivers = () => [plain, flaky, slow]
  const deliveriesOf = (receiver: WebhookReceiver, id: number, event: string, list = receiver.requests) =>
    list.filter((request) => {
      const body = JSON.parse(request.body) as { id?: number; event?: string }
      return body.id === id && body.event === event
    })

  let published: WorkflowNotice
  let elapsedMs: number
  let slowAnsweredAtReturn: number

  beforeAll(async () => {
    published = notice({
      action: 'publish',
      from: 'approved',
      to: 'published',
      actor: person(reviewers()[0]),
      submitter: person(people.writer),
      title: `Everything about "deep tissue" massage ${label()}`,
      slug: 'everything-about-deep-tissue-massage',
    })
    const started = performance.now()
    await notifyWorkflowTransition(payload, published)
    elapsedMs = performance.now() - started
    slowAnsweredAtReturn = deliveriesOf(slow, published.documentId, 'publish').length
  })

  it('returns without waiting for the receivers', () => {
    // The slow receiver takes 3 s to answer and the flaky one needs retries over 3 s.
    expect(elapsedMs).toBeLessThan(1000)
    expect(slowAnsweredAtReturn).toBe(0)
  })

  it('delivers one webhook per URL, signed with the secret over the exact body', async () => {
    for (const receiver of receivers()) {
      await waitFor(
        `the publish webhook at ${receiver.url}`,
        () => deliveriesOf(receiver, published.documentId, 'publish').length > 0,
      )
    }
    for (const receiver of receivers()) {
      const deliveries = deliveriesOf(receiver, published.documentId, 'publish')
      expect(deliveries).toHaveLength(1)
      const [{ headers, body }] = deliveries
      expect(headers['content-type']).toBe('application/json')
      expect(headers['x-spa-cms-event']).toBe('publish')
      const expected = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`
      expect(headers['x-spa-cms-signature']).toBe(expected)
      const parsed = JSON.parse(body) as Record<string, unknown>
      expect(parsed).toEqual({
        event: 'publish',
        collection: 'articles',
        id: published.documentId,
        slug: 'everything-about-deep-tissue-massage',
        title: published.title,
        at: expect.any(String),
        // The read cache's tags of what went stale: receivers purge exactly those (README: Freshness).
        tags: [
          `doc:articles:${published.documentId}`,
          'list:articles',
          'slug:articles:everything-about-deep-tissue-massage',
        ],
      })
      expect(new Date(parsed.at as string).toISOString()).toBe(parsed.at)
      expect(Math.abs(Date.parse(parsed.at as string) - Date.now())).toBeLessThan(60_000)
    }
    // Every receiver got the same bytes, so the same signature.
    const bodies = new Set(
      receivers().map((receiver) => deliveriesOf(receiver, published.documentId, 'publish')[0].body),
    )
    expect(bodies.size).toBe(1)
  })

  it('retries a receiver that fails the first two attempts until it accepts', async () => {
    await waitFor('the flaky receiver to accept', () => deliveriesOf(flaky, published.documentId, 'publish').length > 0)
    const attempts = deliveriesOf(flaky, published.documentId, 'publish', flaky.attempts)
    expect(attempts).toHaveLength(3)
    // The same delivery each time: same body, same signature, same delivery id.
    expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1)
    expect(new Set(attempts.map((attempt) => attempt.headers['x-spa-cms-signature'])).size).toBe(1)
    expect(new Set(attempts.map((attempt) => attempt.headers['x-spa-cms-delivery'])).size).toBe(1)
    // Exponential backoff: about 1 s, then about 2 s, between attempts.
    expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeGreaterThanOrEqual(900)
    expect(attempts[2].receivedAt - attempts[1].receivedAt).toBeGreaterThanOrEqual(1900)
  })

  it('unpublish sends event "unpublish" to every receiver', async () => {
    const unpublished = notice({
      ...published,
      action: 'unpublish',
      from: 'published',
      to: 'unpublished',
      documentId: published.documentId,
    })
    await notifyWorkflowTransition(payload, unpublished)
    for (const receiver of receivers()) {
      await waitFor(
        `the unpublish webhook at ${receiver.url}`,
        () => deliveriesOf(receiver, published.documentId, 'unpublish').length > 0,
      )
      const [{ headers, body }] = deliveriesOf(receiver, published.documentId, 'unpublish')
      expect(headers['x-spa-cms-event']).toBe('unpublish')
      expect(headers['x-spa-cms-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`)
      expect(JSON.parse(body)).toMatchObject({ event: 'unpublish', collection: 'articles', id: published.documentId })
    }
    // Nothing is left in the queue: every delivery completed.
    await waitFor('the webhook queue to empty', async () => {
      const { totalDocs } = await payload.count({
        collection: 'payload-jobs' as never,
        where: { queue: { equals: WEBHOOK_QUEUE } },
        overrideAccess: true,
      })
      return totalDocs === 0
    })
    // The tests below queue jobs themselves: the runner's last pass must not take them.
    await webhookQueueAtRest(payload)
  })

  it('never writes a receiver URL (which may carry a token) into a job', async () => {
    const body: WebhookBody = {
      event: 'publish',
      collection: 'articles',
      id: 1,
      slug: null,
      title: 'fingerprints',
      tags: ['doc:articles:1', 'list:articles'],
      at: new Date().toISOString(),
    }
    await queueWebhooks(payload, body)
    const { docs } = await payload.find({
      collection: 'payload-jobs' as never,
      where: { queue: { equals: WEBHOOK_QUEUE } },
      limit: 100,
      overrideAccess: true,
    })
    try {
      expect(docs.length).toBeGreaterThanOrEqual(3)
      for (const receiver of [plain, flaky, slow]) expect(JSON.stringify(docs)).not.toContain(receiver.url)
    } finally {
      await payload.delete({
        collection: 'payload-jobs' as never,
        where: { id: { in: docs.map((doc) => (doc as unknown as { id: number }).id) } },
        overrideAccess: true,
      })
    }
  })

  it('never sends a queued job to a URL that is not in WEBHOOK_URLS: the job is cancelled', async () => {
    const stranger = await startWebhookReceiver()
    try {
      const body = JSON.stringify({
        event: 'publish',
        collection: 'articles',
        id: 1,
        slug: null,
        title: 'forged',
        at: new Date().toISOString(),
      })
      const job = (await payload.jobs.queue({
        task: 'sendWorkflowWebhook' as never,
        queue: WEBHOOK_QUEUE,
        input: { receiver: receiverFingerprint(stranger.url), body } as never,
      })) as unknown as {
        id: number
      }
      try {
        await payload.jobs.runByID({ id: job.id })
        const after = (await payload.findByID({
          collection: 'payload-jobs' as never,
          id: job.id,
          overrideAccess: true,
        })) as unknown as {
          hasError: boolean
          error: { cancelled?: boolean; message?: string }
        }
        expect(after.hasError).toBe(true)
        expect(after.error).toMatchObject({ cancelled: true, message: expect.stringContaining('no longer configured') })
        expect(stranger.attempts).toHaveLength(0)
        // The job row, its task log and its error name the receiver by fingerprint only.
        expect(JSON.stringify(after)).not.toContain(new URL(stranger.url).pathname)
      } finally {
        await payload.delete({ collection: 'payload-jobs' as never, id: job.id, overrideAccess: true })
      }
    } finally {
      await stranger.close()
    }
  })
})

describe('when the mail server is down', () => {
  it('the notice still resolves, and the failure is logged', async () => {
    await smtp.close()
    const lines: string[] = []
    const capture = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
        callback()
      },
    })
    const logger = payload.logger
    payload.logger = pino({ level: 'info' }, capture) as unknown as Payload['logger']
    try {
      const down = notice({
        action: 'approve',
        from: 'in_review',
        to: 'approved',
        actor: person(reviewers()[0]),
        submitter: person(people.writer),
      })
      await expect(notifyWorkflowTransition(payload, down)).resolves.toBeUndefined()
    } finally {
      payload.logger = logger
    }
    const failures = lines
      .map((line) => JSON.parse(line) as { msg?: string; mail?: { to?: string } })
      .filter((line) => line.msg === 'workflow mail could not be sent')
    expect(failures).toEqual([expect.objectContaining({ mail: { to: people.writer.email } })])
  })
})
