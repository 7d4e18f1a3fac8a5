/**
 * Structured logs (pino) for the express server and for Payload itself.
 * Credentials never reach a log line: the paths below are replaced before writing.
 */
import pino, { type LoggerOptions } from 'pino'

import type { LogLevel } from './config'

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.hash',
  '*.salt',
  '*.resetPasswordToken',
  '*.apiKey',
  'password',
  'token',
  'secret',
  'databaseUrl',
  'connectionString',
  // Webhook receiver URLs may carry tokens; Payload logs failed jobs whole.
  'job.input.url',
  '*.job.input.url',
  'input.url',
]

function baseOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Error objects are serialized with stack and message under `err`.
    serializers: { err: pino.stdSerializers.err },
  }
}

export function payloadLoggerOptions(level: LogLevel): LoggerOptions {
  return { ...baseOptions(level), name: 'payload' }
}

export function createLogger(level: LogLevel, name = 'spa-cms') {
  return pino({ ...baseOptions(level), name })
}

export type Logger = ReturnType<typeof createLogger>
