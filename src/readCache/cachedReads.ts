/**
 * The HTTP side of the read cache:
 * - `answerHitsBeforeExpress` answers anonymous reads already in memory (GETs, and GraphQL POSTs
 *   with a small JSON body, read there) straight from the HTTP server, with a request id, log line,
 *   security headers, GraphQL document checks and rate limit, as express would have, but without
 *   express's router, middleware and the promises they make;
 * - `answerFromReadCache` runs early in express (right after request ids and logging) for the reads
 *   the hit path above leaves to express (a GraphQL POST body without Content-Length, say):
 *   anonymous reads of published content (see cachePlan.ts) already in memory are answered there,
 *   with the security headers, body limit and GraphQL rate limit they need, and pass nothing else;
 * - `cachedReads` wraps Next's request handler: what was not in memory is produced by Payload
 *   and stored with what it depends on;
 * - every request runs in a scope where Payload's hooks note what it read and changed, and what
 *   it changed is dropped from the cache before its response starts (its transaction has
 *   committed by then), so the writer's next read is never stale;
 * - browsers and CDNs get an ETag and public Cache-Control for those reads, `private, no-store`
 *   for anything sent with credentials.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import type { NextFunction, Request, RequestHandler, Response } from 'express'

import type { Logger } from '../logging'
import { logAnsweredAtOnce, requestIdOf } from '../server/requestLogging'
import { canonicalPathProblem } from '../security/http/canonicalPaths'
import type { HeaderList } from '../security/http/headers'

import { captureResponse } from '../server/responseCapture'
import {
  checkJsonText,
  graphqlQueryProblem,
  judgeBodyReadBeforeExpress,
  readJsonBodyBeforeExpress,
  type CachedReadProtections,
} from '../security/http'
import type { Verdict } from '../security/http/clientWindows'
import { setHeaders } from '../security/http/headers'
import { jsonBodyOf } from '../security/http/requestBodies'
import {
  boundedMemo,
  carriesCredentials,
  GRAPHQL_PATH,
  planGraphqlRequest,
  planRestRequest,
  graphqlParamsFromSearch,
  type CachePlan,
  type GraphqlParams,
} from './cachePlan'
import { publicContent } from './publicContent'
import { cdnTagHeaders } from './cdnTags'
import {
  dropPageOnlyHeaders,
  entityTag,
  matchesIfNoneMatch,
  PERSONAL_CACHE_CONTROL,
  publicCacheControl,
  type PublicCachePolicy,
} from './httpCaching'
import type { CachedResponse, ReadCache } from './readCache'
import { newReadCacheScope, runInReadCacheScope, type ReadCacheScope } from './requestScope'

type CacheablePlan = Extract<CachePlan, { cache: true }>

function dropChangesBeforeResponding(res: ServerResponse, scope: ReadCacheScope, cache: ReadCache): void {
  const writeHead = res.writeHead.bind(res)
  res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    if (scope.changes.size > 0) cache.invalidate(scope.changes)
    return writeHead(...args)
  }) as ServerResponse['writeHead']
}

/** Headers that belong to one exchange, not to the content. */
const PER_EXCHANGE_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'x-request-id',
  'set-cookie',
])

/**
 * The headers Payload gave the answer. Those set before it ran (request id, security headers,
 * rate-limit counters) belong to each request and are set afresh on every hit.
 */
function contentHeaders(res: ServerResponse, setBeforePayload: Set<string>): CachedResponse['headers'] {
  const headers: CachedResponse['headers'] = {}
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined && !PER_EXCHANGE_HEADERS.has(name) && !setBeforePayload.has(name)) headers[name] = value
  }
  return headers
}

/**
 * The keys of a plan's variants, built once: a remembered plan (planAnonymousGet, planOfGraphqlBody)
 * then looks its answer up by the same string every time, whose hash V8 has already worked out,
 * instead of hashing a new copy of a long query on every hit.
 */
const variantKeysOfPlans = new WeakMap<CacheablePlan, Map<string, string>>()
/** Front ends send a few encodings and origins; a client varying them at will cannot make a plan's keys grow. */
const VARIANTS_REMEMBERED = 16

/**
 * Next compresses by Accept-Encoding and Payload answers CORS by Origin: requests differing
 * in those get different bytes, so they are different entries.
 */
function variantKey(plan: CacheablePlan, req: IncomingMessage): string {
  const encodings = req.headers['accept-encoding']
  const accepted = encodings && encodings !== 'identity' ? encodings : ''
  const variant = `${accepted}\n${req.headers.origin ?? ''}`
  let keys = variantKeysOfPlans.get(plan)
  if (!keys) variantKeysOfPlans.set(plan, (keys = new Map()))
  let key = keys.get(variant)
  if (key === undefined) {
    if (keys.size >= VARIANTS_REMEMBERED) keys.clear()
    keys.set(variant, (key = `${plan.key}\n${variant}`))
  }
  return key
}

function sendCached(req: IncomingMessage, res: ServerResponse, cached: CachedResponse, cacheControl: string): void {
  for (const [name, value] of Object.entries(cached.headers)) res.setHeader(name, value)
  res.setHeader('ETag', cached.etag)
  res.setHeader('Cache-Control', cacheControl)
  res.setHeader('X-Cache', 'HIT')
  if (matchesIfNoneMatch(req.headers['if-none-match'], cached.etag)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.statusCode = 200
  res.setHeader('Content-Length', cached.body.length)
  res.end(cached.body)
}

const isJson = (contentType: unknown) => typeof contentType === 'string' && contentType.startsWith('application/json')
/** What Payload answers reads with: JSON, and the sitemap's XML. */
const isStorable = (contentType: unknown) =>
  isJson(contentType) || (typeof contentType === 'string' && contentType.startsWith('application/xml'))

const DECODERS: Record<string, (body: Buffer) => Buffer> = {
  gzip: gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
}

const ERRORS_KEY = Buffer.from('"errors"')

/** GraphQL reports failures inside a 200; such an answer is not content to keep. */
function hasGraphqlErrors(body: Buffer, contentEncoding: unknown): boolean {
  try {
    const decode = DECODERS[String(contentEncoding ?? '')] ?? ((plain: Buffer) => plain)
    const json = decode(body)
    // Inside JSON strings quotes are escaped: without `"errors"` anywhere there is no such key (no parse needed).
    if (!json.includes(ERRORS_KEY)) return false
    return 'errors' in (JSON.parse(json.toString('utf8')) as object)
  } catch {
    return true
  }
}

const PASS_ANONYMOUS: CachePlan = { cache: false, personal: false }
const PERSONAL: CachePlan = { cache: false, personal: true }

/**
 * A query the GraphQL document guards refuse (graphqlFields.ts) gets no key: express refuses it,
 * and no stored answer can be reached by it on the hit path, which does not run those guards.
 */
function planGraphql(method: string, params: GraphqlParams): CachePlan {
  return graphqlQueryProblem(params.query) === undefined ? planGraphqlRequest(method, params) : PASS_ANONYMOUS
}

/** A GraphQL POST's plan by its parsed body: what is not a JSON object goes to Payload. */
const planGraphqlBody = (body: unknown): CachePlan =>
  body && typeof body === 'object' ? planGraphql('POST', body) : PASS_ANONYMOUS

/** The security middleware read, limited and parsed the body. */
const planGraphqlPost = (req: IncomingMessage): CachePlan => planGraphqlBody(jsonBodyOf(req))

/** A plan made before Payload registered the public content (nothing cacheable yet) is not kept after. */
const publicContentGeneration = () => publicContent()?.generation

/** Bodies up to this size have their plan remembered by their text (planOfGraphqlBody); larger ones are rare. */
const REMEMBERED_BODY_BYTES = 4_096

/**
 * A GraphQL POST's plan by its body's text, judged as the body limit judges it (valid JSON, no NUL
 * characters: anything else gets no key) and planned once per text: front ends send the same few
 * bodies over and over, and a hit then needs neither a parse nor a key built anew.
 */
const planOfGraphqlBody = boundedMemo(
  1_000,
  (text: string) => text,
  (text: string) => planGraphqlBody(checkJsonText(text).json),
  publicContentGeneration,
)

/** The plan of an anonymous request without a body to look at. */
function planFromUrl(method: string, rawUrl: string): CachePlan {
  const url = new URL(rawUrl, 'http://localhost')
  if (url.pathname !== GRAPHQL_PATH) return planRestRequest(method, url.pathname, url.searchParams)
  return planGraphql(method, graphqlParamsFromSearch(url.searchParams) ?? {})
}

/**
 * An anonymous GET's plan depends on its URL alone: each URL is checked and parsed once. A path in
 * any form but the canonical one gets no key, so it never reaches a stored answer: express refuses it
 * (canonicalPaths.ts).
 */
const planAnonymousGet = boundedMemo(
  1_000,
  (url: string) => url,
  (url: string) => (canonicalPathProblem(url) === undefined ? planFromUrl('GET', url) : PASS_ANONYMOUS),
  publicContentGeneration,
)

function planFromRequest(req: Request): CachePlan {
  if (!req.url.startsWith('/api/')) return PASS_ANONYMOUS
  if (carriesCredentials(req.headers)) return PERSONAL
  if (req.method === 'GET') return planAnonymousGet(req.url)
  if (req.method === 'POST' && new URL(req.url, 'http://localhost').pathname === GRAPHQL_PATH)
    return planGraphqlPost(req)
  return planFromUrl(req.method, req.url)
}

/** Planned once per request, by whichever part of the cache looks first (a GraphQL POST's body must have been read). */
const plans = new WeakMap<Request, CachePlan>()

function planOf(req: Request): CachePlan {
  let plan = plans.get(req)
  if (!plan) {
    plan = planFromRequest(req)
    plans.set(req, plan)
  }
  return plan
}

const isGraphqlPost = (req: Request) =>
  req.method === 'POST' && (req.url === GRAPHQL_PATH || req.url.startsWith(`${GRAPHQL_PATH}?`))

/**
 * The hit path: answers anonymous reads that are in memory before the layers they do not need
 * (the remaining middleware, Next, Payload). Everything else goes on unchanged.
 */
export function answerFromReadCache(
  cache: ReadCache,
  policy: PublicCachePolicy,
  protections: CachedReadProtections,
): RequestHandler {
  const cacheControl = publicCacheControl(policy)

  function answerIfCached(req: Request, res: Response, next: NextFunction): void {
    const plan = planOf(req)
    if (!plan.cache) return next()
    const cached = cache.lookup(variantKey(plan, req))
    if (!cached) return next()
    const send = (error?: unknown) => (error ? next(error) : sendCached(req, res, cached, cacheControl))
    if (plan.key.startsWith('graphql')) protections.graphqlLimit.middleware(req, res, send)
    else send()
  }

  return (req, res, next) => {
    if (!cache.serving || !req.url.startsWith('/api/') || carriesCredentials(req.headers)) return next()
    if (req.method === 'GET') {
      setHeaders(res, protections.securityHeaders)
      return answerIfCached(req, res, next)
    }
    if (!isGraphqlPost(req)) return next()
    // Set before the body limit, which may answer 413 or 400 itself.
    setHeaders(res, protections.securityHeaders)
    protections.readApiBody(req, res, (error?: unknown) => (error ? next(error) : answerIfCached(req, res, next)))
  }
}

/** The flat header list (name, value, name, value…) of a hit: written in one go, without a header map. */
function hitHeaders(security: HeaderList, cached: CachedResponse, cacheControl: string, withLength: boolean): string[] {
  const headers: string[] = []
  for (const [name, value] of security) headers.push(name, value)
  for (const [name, value] of Object.entries(cached.headers)) {
    for (const each of [value].flat()) headers.push(name, String(each))
  }
  headers.push('etag', cached.etag, 'cache-control', cacheControl, 'x-cache', 'HIT')
  if (withLength) headers.push('content-length', String(cached.body.length))
  return headers
}

/** Each stored response's headers, worked out on its first hit. */
const headersOfHits = new WeakMap<CachedResponse, { ok: string[]; notModified: string[] }>()

type HeaderPairs = ReadonlyArray<readonly [string, string]>

/** How the hit path finds the client's address: as express's `req.ip` would (its trust-proxy rule). */
export type ClientAddress = (req: IncomingMessage) => string

/**
 * The hit path in front of express: an anonymous read (a REST or GraphQL GET, or a GraphQL POST
 * with a small JSON body) whose answer is in memory is answered here, in one write, as the express
 * chain would answer it: the same request id, log line, security headers, caching headers and,
 * for GraphQL, the same document checks and rate-limit counter. Everything else, and every refusal,
 * goes to `behind` (express), which finds what was done here (a body read, a request counted)
 * instead of doing it again.
 */
export function answerHitsBeforeExpress(
  cache: ReadCache,
  policy: PublicCachePolicy,
  protections: CachedReadProtections,
  logger: Logger,
  clientAddress: ClientAddress,
  behind: RequestListener,
): RequestListener {
  const cacheControl = publicCacheControl(policy)

  function write(
    req: IncomingMessage,
    res: ServerResponse,
    cached: CachedResponse,
    started: number,
    perRequest: HeaderPairs,
  ): void {
    let headers = headersOfHits.get(cached)
    if (!headers) {
      headers = {
        ok: hitHeaders(protections.securityHeaders, cached, cacheControl, true),
        notModified: hitHeaders(protections.securityHeaders, cached, cacheControl, false),
      }
      headersOfHits.set(cached, headers)
    }
    const notModified = matchesIfNoneMatch(req.headers['if-none-match'], cached.etag)
    const status = notModified ? 304 : 200
    const list = [...(notModified ? headers.notModified : headers.ok), 'x-request-id', req.id]
    for (const [name, value] of perRequest) list.push(name, value)
    res.writeHead(status, list)
    if (notModified) res.end()
    else res.end(cached.body)
    logAnsweredAtOnce(logger, req, status, started)
  }

  /** A GraphQL hit, once counted: answered, or handed to express to be refused (429) like any other request. */
  function settle(
    req: IncomingMessage,
    res: ServerResponse,
    cached: CachedResponse,
    started: number,
    verdict: Verdict,
    toExpress: () => void,
  ) {
    if (verdict.kind === 'refused') return toExpress()
    // A shared store that cannot count leaves GraphQL reads unlimited (rateLimits.ts).
    write(req, res, cached, started, verdict.kind === 'allowed' ? verdict.headers : [])
  }

  /**
   * Answers the request if its answer is in memory; false, having written nothing, if not. Planned
   * without keeping the plan (planOf): on a miss express plans again, from memos. `toExpress` hands
   * the request on (a GraphQL read over its rate limit is refused there).
   */
  function answerIfCached(
    req: IncomingMessage,
    res: ServerResponse,
    plan: CachePlan,
    started: number,
    toExpress: () => void,
  ): boolean {
    if (!plan.cache) return false
    const graphql = plan.key.startsWith('graphql')
    const cached = cache.lookup(variantKey(plan, req))
    if (!cached) return false
    req.id = requestIdOf(req)
    if (!graphql) {
      write(req, res, cached, started, [])
      return true
    }
    const verdict = protections.graphqlLimit.count(req, clientAddress(req))
    if (!(verdict instanceof Promise)) settle(req, res, cached, started, verdict, toExpress)
    else verdict.then((counted) => settle(req, res, cached, started, counted, toExpress), toExpress)
    return true
  }

  /**
   * Reads the body here when it is small JSON; answers from memory by the body's text, or hands the
   * request to express with the body read and judged (a larger body's hit is answered there).
   */
  function answerGraphqlPost(req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now()
    return readJsonBodyBeforeExpress(req, protections.maxBodyBytes, (body) => {
      if (!body || body.length > REMEMBERED_BODY_BYTES) return handToExpress(req, res, body)
      const plan = planOfGraphqlBody(body.toString('utf8'))
      if (!answerIfCached(req, res, plan, started, () => handToExpress(req, res, body))) handToExpress(req, res, body)
    })
  }

  function handToExpress(req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): void {
    if (body) judgeBodyReadBeforeExpress(req, body)
    behind(req, res)
  }

  function answerIfEarly(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? ''
    if (!cache.serving || !url.startsWith('/api/') || carriesCredentials(req.headers)) return false
    if (req.method === 'GET')
      return answerIfCached(req, res, planAnonymousGet(url), performance.now(), () => behind(req, res))
    // Its path is exactly /api/graphql, which is canonical.
    if (isGraphqlPost(req as Request)) return answerGraphqlPost(req, res)
    return false
  }

  return (req, res) => {
    if (!answerIfEarly(req, res)) behind(req, res)
  }
}

/**
 * The fills under way, by key: a request that misses while another is producing the same answer
 * waits for it instead of producing it again (after a publish empties a list, every reader would
 * otherwise refill it at once). Settles when the fill offered its answer or its response closed.
 */
function fillsInFlight() {
  const fills = new Map<string, Promise<void>>()
  return {
    pending: (key: string) => fills.get(key),
    start(key: string, res: ServerResponse): () => void {
      let settle!: () => void
      const fill = new Promise<void>((resolve) => (settle = resolve))
      fills.set(key, fill)
      const done = () => {
        if (fills.get(key) === fill) fills.delete(key)
        settle()
      }
      // A response that closed before its fill started (the client hung up) never closes again.
      if (res.closed) done()
      else res.once('close', done)
      return done
    },
  }
}

/** The miss path, around Next's handler: fills the cache and drops what a request changed. */
export function cachedReads(cache: ReadCache, policy: PublicCachePolicy, downstream: RequestHandler): RequestHandler {
  const cacheControl = publicCacheControl(policy)
  const fills = fillsInFlight()

  function fill(
    plan: CacheablePlan,
    key: string,
    req: IncomingMessage,
    res: ServerResponse,
    scope: ReadCacheScope,
    handOn: () => void,
  ): void {
    // Nothing waits for a fill while the cache does not serve (serve() asks only then).
    const filled = cache.serving ? fills.start(key, res) : () => undefined
    const generation = cache.startFill()
    const setBeforePayload = new Set(res.getHeaderNames())
    captureResponse(res, ({ status, body, send }) => {
      const contentType = res.getHeader('content-type')
      const keep =
        status === 200 &&
        isStorable(contentType) &&
        !res.hasHeader('set-cookie') &&
        !(plan.key.startsWith('graphql') && hasGraphqlErrors(body, res.getHeader('content-encoding')))
      if (!keep) {
        filled()
        return send(body)
      }
      dropPageOnlyHeaders(res)
      const tags = [...plan.tags, ...scope.reads]
      const tagHeaders = cdnTagHeaders(tags, policy.tagHeaders)
      const response = {
        body,
        headers: { ...contentHeaders(res, setBeforePayload), ...tagHeaders },
        etag: entityTag(body),
      }
      cache.offer(key, response, tags, generation)
      filled()
      for (const [name, value] of Object.entries(tagHeaders)) res.setHeader(name, value)
      res.setHeader('ETag', response.etag)
      res.setHeader('Cache-Control', cacheControl)
      res.setHeader('X-Cache', 'MISS')
      if (matchesIfNoneMatch(req.headers['if-none-match'], response.etag)) res.statusCode = 304
      send(body)
    })
    handOn()
  }

  function serve(
    plan: CacheablePlan,
    req: IncomingMessage,
    res: ServerResponse,
    scope: ReadCacheScope,
    handOn: () => void,
  ): void {
    const key = variantKey(plan, req)
    const cached = cache.lookup(key)
    if (cached) return sendCached(req, res, cached, cacheControl)
    // Without a serving cache nothing is stored to wait for.
    const pending = cache.serving ? fills.pending(key) : undefined
    if (!pending) return fill(plan, key, req, res, scope, handOn)
    // Served from what the other request stored; if it stored nothing (a change came in meanwhile), fill anew.
    void pending.then(() => {
      // Nobody is left to answer: filling for them would hand Payload a request whose body never comes.
      if (res.closed) return
      const stored = cache.lookup(key)
      if (stored) sendCached(req, res, stored, cacheControl)
      else fill(plan, key, req, res, scope, handOn)
    })
  }

  return (req: Request, res: Response, next: NextFunction) => {
    const scope = newReadCacheScope()
    dropChangesBeforeResponding(res, scope, cache)
    const handOn = () => {
      runInReadCacheScope(scope, () => Promise.resolve(downstream(req, res, next))).catch(next)
    }
    const plan = planOf(req)
    if (plan.cache) return serve(plan, req, res, scope, handOn)
    if (plan.personal) res.setHeader('Cache-Control', PERSONAL_CACHE_CONTROL)
    handOn()
  }
}
