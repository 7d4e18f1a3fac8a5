/**
 * A request whose body was already read (to decide whether a GraphQL POST is a cacheable query)
 * handed on with that body readable again, since Payload reads the body from the stream itself.
 */
import { IncomingMessage } from 'node:http'

export function replayedRequest(original: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(original.socket)
  replay.method = original.method
  replay.url = original.url
  replay.headers = original.headers
  replay.rawHeaders = original.rawHeaders
  replay.httpVersion = original.httpVersion
  replay.httpVersionMajor = original.httpVersionMajor
  replay.httpVersionMinor = original.httpVersionMinor
  replay.push(body)
  replay.push(null)
  // Marks the body as fully received: an IncomingMessage destroyed before that destroys its socket.
  replay.complete = true
  return replay
}

export class BodyTooLargeError extends Error {}

/** Reads the whole body, refusing to hold more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
