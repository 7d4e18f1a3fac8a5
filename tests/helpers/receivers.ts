/**
 * Real receivers on 127.0.0.1 for notification tests: an SMTP server that keeps every message it
 * is sent (parsed), and an HTTP server that keeps every webhook it is sent (raw body and headers).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import { simpleParser, type AddressObject } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** Polls `check` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const result = await check()
    if (result) return result as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[]
  subject: string
  text: string
  from: string
}

export interface SmtpReceiver {
  host: string
  port: number
  messages: ReceivedMail[]
  /** Mails whose envelope includes `address`. */
  mailsTo(address: string): ReceivedMail[]
  close(): Promise<void>
}

const addressesOf = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((entry) =>
    entry.value.map((address) => address.address ?? ''),
  )

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to offer, so do not advertise STARTTLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            from: addressesOf(parsed.from).join(', '),
          })
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo
  let closed: Promise<void> | undefined
  return {
    host: '127.0.0.1',
    port,
    messages,
    mailsTo: (address) => messages.filter((message) => message.to.includes(address.toLowerCase())),
    // Idempotent: a test may stop the server early to see what happens when it is down.
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  }
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  /** The body exactly as received. */
  body: string
  receivedAt: number
}

export interface WebhookReceiver {
  url: string
  /** Deliveries answered with 2xx. */
  requests: ReceivedWebhook[]
  /** Every request, the refused ones included. */
  attempts: ReceivedWebhook[]
  close(): Promise<void>
}

export interface WebhookReceiverOptions {
  /** Answer the first N attempts of each delivery with 503 (a receiver that is down for a while). */
  failFirst?: number
  /** Wait that long before answering. */
  delayMs?: number
  /** Leave the first N attempts of each delivery unanswered until the receiver closes (a receiver that hangs). */
  stallFirst?: number
}

export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = []
  const attempts: ReceivedWebhook[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const triesByDelivery = new Map<string, number>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() }
      attempts.push(received)
      // Each delivery (same x-spa-cms-delivery id, the same on every retry) is refused failFirst times.
      const delivery = String(req.headers['x-spa-cms-delivery'] ?? received.body)
      const tries = (triesByDelivery.get(delivery) ?? 0) + 1
      triesByDelivery.set(delivery, tries)
      if (tries <= (options.stallFirst ?? 0)) return
      const refuse = tries - (options.stallFirst ?? 0) <= (options.failFirst ?? 0)
      const answer = () => {
        if (refuse) {
          res.writeHead(503, { 'content-type': 'text/plain' }).end('try again later')
        } else {
          requests.push(received)
          res.writeHead(204).end()
        }
      }
      if (!options.delayMs) return answer()
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer()
      }, options.delayMs)
      timers.add(timer)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/spa-cms`,
    requests,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
