/** The protections every request passes before it reaches Next (and Payload). */
import { Router, type RequestHandler } from 'express'

import type { SecuritySettings } from '../../config'
import { refuseUnsafeGraphqlDocuments } from './graphqlFields'
import { apiSecurityHeaderList, securityHeaderList, securityHeaders, type HeaderList } from './headers'
import { createRateLimiters, rateLimits, type GraphqlRateLimit, type RateLimitStores } from './rateLimits'
import { limitApiRequestBodies } from './requestBodies'
import { uniformAccountTiming } from './uniformTiming'

export { checkJsonText, judgeBodyReadBeforeExpress, readJsonBodyBeforeExpress, withReplayedBody } from './requestBodies'
export { graphqlQueryProblem } from './graphqlFields'
export type { RateLimitStores } from './rateLimits'

/**
 * What an anonymous read answered from the read cache still passes: the same security headers,
 * body limit and GraphQL counters as every other request. The GraphQL document checks refuse
 * only queries whose answer is never stored, and the cache plans no key for such a query
 * (graphqlQueryProblem), so none can reach a stored answer. The others guard logins, password
 * resets and writes, which are never answered from the cache.
 */
export interface CachedReadProtections {
  /** The API's (every cached read is an API read). */
  securityHeaders: HeaderList
  /** The body limit's bytes, for bodies read before express (readJsonBodyBeforeExpress). */
  maxBodyBytes: number
  /** Reads and limits an API request body, as the body limit below does (once per request). */
  readApiBody: RequestHandler
  graphqlLimit: GraphqlRateLimit
}

export interface Protections {
  /** Every request's protections, in order. */
  middleware: Router
  forCachedReads: CachedReadProtections
}

export function securityMiddleware(
  security: SecuritySettings,
  { devServer, rateLimitStores }: { devServer: boolean; rateLimitStores?: RateLimitStores },
): Protections {
  const headers = {
    pages: securityHeaderList({ devServer, previewOrigins: security.previewOrigins }),
    api: apiSecurityHeaderList(),
  }
  const readApiBody = limitApiRequestBodies(security.maxBodyBytes)
  const limiters = createRateLimiters(security.rateLimits, rateLimitStores)
  const router = Router()
  router.use(securityHeaders(headers))
  // Bodies first: the rate limits recognise GraphQL logins by the query in the body.
  router.use('/api', readApiBody)
  router.use('/api/graphql', refuseUnsafeGraphqlDocuments())
  router.use(rateLimits(limiters))
  router.use(uniformAccountTiming())
  return {
    middleware: router,
    forCachedReads: {
      securityHeaders: headers.api,
      maxBodyBytes: security.maxBodyBytes,
      readApiBody,
      graphqlLimit: limiters.graphql,
    },
  }
}
