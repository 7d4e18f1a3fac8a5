/**
 * Request bodies sent to the API, file uploads excepted (Payload limits those itself): at most
 * `maxBytes`, counted as they arrive so a chunked body without Content-Length is limited too.
 * The accepted body is buffered here, so Next gets a replayed request carrying the same bytes
 * (express must not consume the stream Payload reads). Malformed JSON and text with NUL
 * characters get 400 here: Payload's GraphQL route answers the first, Postgres the second, with 500.
 */
import { IncomingMessage } from 'node:http'
import type { Request, RequestHandler, Response } from 'express'

import { containsNulCharacter } from '../nulCharacters'
import { sendApiError } from './apiError'

const bufferedBodies = new WeakMap<IncomingMessage, Buffer>()
/** Parsed once here, for the middleware after that reads the body as JSON (the read cache). */
const parsedJsonBodies = new WeakMap<IncomingMessage, unknown>()
/** What went wrong with a body read before express (readJsonBodyBeforeExpress), answered by the middleware. */
const earlyFailures = new WeakMap<IncomingMessage, { problem: string } | { error: unknown }>()

const mediaTypeOf = (req: IncomingMessage) => (req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase()
const isMultipart = (req: IncomingMessage) => mediaTypeOf(req).startsWith('multipart/')
/** The admin's relationship search: a form-encoded query string that Payload runs as a GET. */
const isMethodOverrideSearch = (req: IncomingMessage) =>
  mediaTypeOf(req) === 'application/x-www-form-urlencoded' &&
  [req.headers['x-payload-http-method-override'], req.headers['x-http-method-override']].includes('GET')

/**
 * Payload reads a body only as `application/json` (spelled exactly so), as multipart form data,
 * or as the admin's method-override search; anything else reached its handlers as no body at
 * all and failed with a 500. The JSON media type is rewritten in lower case for Payload.
 */
function bodyTypeProblem(req: IncomingMessage): string | undefined {
  const mediaType = mediaTypeOf(req)
  if (mediaType === 'application/json') {
    const parameters = (req.headers['content-type'] ?? '').split(';').slice(1)
    req.headers['content-type'] = ['application/json', ...parameters].join(';')
    return undefined
  }
  if (mediaType === 'multipart/form-data' || isMethodOverrideSearch(req)) return undefined
  return 'Send the request body as JSON (Content-Type: application/json), or as multipart/form-data to upload a file.'
}
const mayHaveBody = (req: IncomingMessage) =>
  req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined
/** An empty body (`Content-Length: 0`, as some clients send with DELETE) needs no type. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0

/** Refused before the body was read: the connection is closed instead of waiting for the rest. */
function refuse(res: Response, status: number, message: string): void {
  res.set('connection', 'close')
  sendApiError(res, status, message)
}

const refuseTooLarge = (res: Response, maxBytes: number) =>
  refuse(res, 413, `The request body is too large: at most ${Math.floor(maxBytes / 1024)} kB is accepted.`)

type JsonCheck = { json: unknown; problem?: undefined } | { json?: undefined; problem: string }

/** The parsed JSON body, or why it is refused (exported for callers that remember the judgement by the body's text). */
export function checkJsonText(text: string): JsonCheck {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: 'The request body is not valid JSON. Check for a missing quote, comma or bracket.' }
  }
  return containsNulCharacter(json)
    ? { problem: 'Text in the request cannot contain NUL characters (\\u0000).' }
    : { json }
}

/** A new request with the same head as `req` whose body is `body`. */
function replay(req: Request, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket)
  copy.method = req.method
  copy.url = req.originalUrl
  copy.httpVersion = req.httpVersion
  copy.httpVersionMajor = req.httpVersionMajor
  copy.httpVersionMinor = req.httpVersionMinor
  copy.headers = { ...req.headers, 'content-length': String(body.length) }
  delete copy.headers['transfer-encoding']
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((entry) => [name, entry]) : [name, String(value)],
  )
  // Without `complete`, the copy counts as aborted once read, and destroying it closes the socket.
  copy.complete = true
  copy.push(body)
  copy.push(null)
  return copy
}

/** The body's bytes and, for JSON, its value, kept for the middleware and Next after it. */
function keep(req: IncomingMessage, body: Buffer, checked: JsonCheck | undefined): void {
  bufferedBodies.set(req, body)
  if (checked) parsedJsonBodies.set(req, checked.json)
}

export function limitApiRequestBodies(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const failure = earlyFailures.get(req)
    if (failure) return 'error' in failure ? next(failure.error) : sendApiError(res, 400, failure.problem)
    // Already read (by the read cache's hit path): the stream is consumed, the checks were made.
    if (bufferedBodies.has(req) || !mayHaveBody(req)) return next()
    const typeProblem = hasBody(req) ? bodyTypeProblem(req) : undefined
    if (typeProblem) return refuse(res, 415, typeProblem)
    if (isMultipart(req)) return next()
    if (Number(req.headers['content-length']) > maxBytes) return refuseTooLarge(res, maxBytes)

    const chunks: Buffer[] = []
    let received = 0
    const collect = (chunk: Buffer) => {
      received += chunk.length
      if (received <= maxBytes) return chunks.push(chunk)
      req.off('data', collect).off('end', finish)
      refuseTooLarge(res, maxBytes)
    }
    const finish = () => {
      const body = Buffer.concat(chunks)
      const checked =
        body.length > 0 && mediaTypeOf(req) === 'application/json' ? checkJsonText(body.toString('utf8')) : undefined
      if (checked?.problem) return sendApiError(res, 400, checked.problem)
      keep(req, body, checked)
      next()
    }
    req.on('data', collect).once('end', finish).once('error', next)
  }
}

/**
 * Reads a JSON body before express (the read cache's hit path for GraphQL POSTs) under the rules
 * above. Only a body that cannot be refused for its type or size is read here: `application/json`
 * with a Content-Length within the limit. For anything else this returns false having read
 * nothing, and express reads and judges the body as always.
 * `done` gets the body's bytes, not yet judged (undefined when the request failed): a caller that
 * can answer by the bytes alone needs nothing more, and one that hands the request on to express
 * first passes them to `judgeBodyReadBeforeExpress`, so the middleware finds the body read and
 * judged (a body that is not valid JSON is answered 400 there, with every other refusal).
 */
export function readJsonBodyBeforeExpress(
  req: IncomingMessage,
  maxBytes: number,
  done: (body: Buffer | undefined) => void,
): boolean {
  const length = Number(req.headers['content-length'])
  if (req.headers['transfer-encoding'] !== undefined || !(length > 0) || length > maxBytes) return false
  if (mediaTypeOf(req) !== 'application/json' || bodyTypeProblem(req)) return false
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.once('error', (error) => {
    earlyFailures.set(req, { error })
    done(undefined)
  })
  req.once('end', () => done(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)))
  return true
}

/** Parses and checks a body read by readJsonBodyBeforeExpress, and leaves it (or why it is refused) for the middleware. */
export function judgeBodyReadBeforeExpress(req: IncomingMessage, body: Buffer): void {
  const checked = checkJsonText(body.toString('utf8'))
  if (checked.problem) earlyFailures.set(req, { problem: checked.problem })
  else keep(req, body, checked)
}

/** The body read by limitApiRequestBodies, for middleware that needs to look at it. */
export const bufferedBodyOf = (req: IncomingMessage): Buffer | undefined => bufferedBodies.get(req)

/** The JSON body as parsed above; undefined when the request sent no JSON. */
export const jsonBodyOf = (req: IncomingMessage): unknown => parsedJsonBodies.get(req)

/** Hands `handler` a replayed request when the body was buffered above, the original otherwise. */
export function withReplayedBody(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const body = bufferedBodies.get(req)
    handler(body ? (replay(req, body) as Request) : req, res, next)
  }
}
