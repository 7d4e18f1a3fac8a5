/**
 * Payload's email adapter for spa-cms: nodemailer over SMTP when SMTP_HOST is set, otherwise one
 * structured log line per mail (recipients and subject only: never the body or a credential).
 *
 * Our own adapter rather than @payloadcms/email-nodemailer: that package pins its `payload` peer
 * to one exact version, which never matches ours for long.
 */
import nodemailer from 'nodemailer'
import type { PayloadEmailAdapter as EmailAdapter, SendEmailOptions } from 'payload'

import type { Settings } from '../config'

type SmtpSettings = Settings['smtp']

/** Bounded waits, so a hung mail server never holds a background send for minutes. */
const CONNECTION_TIMEOUT_MS = 10_000
const SOCKET_TIMEOUT_MS = 30_000

/** `Name <address>` or a bare address, as SMTP_FROM is written. */
export function parseFromAddress(from: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from)
  if (match) return { name: match[1].trim(), address: match[2] }
  return { name: '', address: from.trim() }
}

type AddressInput = SendEmailOptions['to']

/** The recipients of a message, as plain addresses, for the log. */
function recipientsOf(input: AddressInput): string[] {
  if (!input) return []
  if (typeof input === 'string') return [input]
  if (Array.isArray(input)) return input.flatMap((entry) => recipientsOf(entry as AddressInput))
  if (input.group) return input.group.flatMap((entry) => recipientsOf(entry))
  return input.address ? [input.address] : []
}

export function emailAdapter(smtp: SmtpSettings): EmailAdapter {
  const from = parseFromAddress(smtp.from)
  const defaultFrom = from.name ? { name: from.name, address: from.address } : from.address

  if (!smtp.host) {
    return ({ payload }) => ({
      name: 'log',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: async (message) => {
        payload.logger.info(
          { mail: { to: recipientsOf(message.to), subject: message.subject } },
          'mail not sent: no SMTP_HOST configured',
        )
      },
    })
  }

  return () => {
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    })
    return {
      name: 'smtp',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: (message) => transport.sendMail({ ...message, from: message.from ?? defaultFrom }),
    }
  }
}
