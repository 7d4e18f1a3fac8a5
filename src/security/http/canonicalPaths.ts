/**
 * Which path a request is for is decided once, here, before any other guard looks at it.
 *
 * Express matches routes on the raw path while Next (and Payload behind it) decode it and
 * resolve dot segments, so `/api/users/%6cogin`, `/./api/graphql` or `/api/users%2Flogin` would
 * reach Payload's login without passing the guards keyed on `/api/users/login`. Rather than
 * guess every normalisation Next and Payload apply, a path is accepted only in the one form all
 * of them read alike; anything else is refused with 400 and the form to use instead.
 */
import type { RequestHandler } from 'express'

import { sendApiError } from './apiError'

/** RFC 3986 "unreserved": never needs encoding, so an encoded one only disguises a path. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/
/** Characters that change which route a decoded path names, or that a second decoding would. */
const ROUTE_CHANGING = new Set(['/', '\\', '%', '?', '#'])
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/** The request target in canonical form, or why it is not. */
export function canonicalPathProblem(target: string): string | undefined {
  if (!target.startsWith('/')) return 'The request target must be a path starting with "/".'
  const path = target.split('?', 1)[0]
  if (CONTROL.test(path) || path.includes('\\') || path.includes('#')) {
    return 'The request path contains a character that is not allowed (a control character, "\\" or "#").'
  }
  const problem = percentEncodingProblem(path)
  if (problem) return problem
  const segments = path.split('/').slice(1)
  // A single trailing slash is fine: Payload and express both ignore it.
  const inner = segments.at(-1) === '' ? segments.slice(0, -1) : segments
  if (inner.some((segment) => segment === '.' || segment === '..'))
    return `Dot segments ("." or "..") are not allowed in the request path; send ${resolvedPath(path)}.`
  if (inner.some((segment) => segment === '') && path !== '/')
    return 'Empty segments ("//") are not allowed in the request path.'
  return undefined
}

function percentEncodingProblem(path: string): string | undefined {
  const encodings = path.match(/%(..)?/g) ?? []
  for (const encoding of encodings) {
    if (!/^%[0-9A-Fa-f]{2}$/.test(encoding))
      return 'The request path has a malformed %-encoding: "%" must be followed by two hexadecimal digits.'
    const character = String.fromCharCode(parseInt(encoding.slice(1), 16))
    if (UNRESERVED.test(character))
      return `Letters, digits and "-._~" must not be %-encoded in the request path; send ${decodedUnreserved(path)}.`
    if (ROUTE_CHANGING.has(character) || CONTROL.test(character))
      return `"${encoding}" is not allowed in the request path.`
  }
  return undefined
}

const decodedUnreserved = (path: string) =>
  path.replace(/%([0-9A-Fa-f]{2})/g, (encoding, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16))
    return UNRESERVED.test(character) ? character : encoding
  })

const resolvedPath = (path: string) => new URL(path, 'http://canonical.invalid').pathname

export function requireCanonicalPaths(): RequestHandler {
  return (req, res, next) => {
    const problem = canonicalPathProblem(req.url)
    if (!problem) return next()
    // Keep-alive would let the rest of a refused request's body be read as the next request.
    res.set('connection', 'close')
    sendApiError(res, 400, problem)
  }
}
