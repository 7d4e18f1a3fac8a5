/**
 * Holds back a response Next is writing until it is complete, so the whole body can be looked at
 * (the read cache stores it and gives it an ETag) or held back (uniform timing) before anything
 * reaches the client.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

export interface CompletedResponse {
  status: number
  body: Buffer
  /** Sends the (possibly changed) response for real. */
  send(body: Buffer): void
}

type WriteCallback = (error?: Error | null) => void

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined
  if (Buffer.isBuffer(chunk)) return chunk
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
}

const callbackOf = (...args: unknown[]) => args.find((arg): arg is WriteCallback => typeof arg === 'function')

export function captureResponse(res: ServerResponse, onComplete: (response: CompletedResponse) => void): void {
  const chunks: Buffer[] = []
  const real = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
  // Node's own end() writes the headers through res.writeHead: hand everything back first.
  const release = () => Object.assign(res, real)

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status
    const headers = rest.find(
      (arg): arg is OutgoingHttpHeaders => typeof arg === 'object' && arg !== null && !Array.isArray(arg),
    )
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value)
    return res
  }) as ServerResponse['writeHead']

  res.flushHeaders = () => undefined

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    const buffer = toBuffer(chunk, rest[0])
    if (buffer) chunks.push(buffer)
    callbackOf(...rest)?.()
    return true
  }) as ServerResponse['write']

  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const buffer = toBuffer(chunk, rest[0])
    if (buffer) chunks.push(buffer)
    const callback = callbackOf(chunk, ...rest)
    onComplete({
      status: res.statusCode,
      body: Buffer.concat(chunks),
      send: (body) => {
        release()
        res.removeHeader('transfer-encoding')
        if (res.statusCode === 304) {
          res.removeHeader('content-length')
          res.end(undefined, callback)
          return
        }
        res.setHeader('content-length', body.length)
        res.end(body, callback)
      },
    })
    return res
  }) as ServerResponse['end']
}
