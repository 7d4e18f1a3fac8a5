/** The protections every request passes before it reaches Next (and Payload). */
import { Router } from 'express'

import type { SecuritySettings } from '../../config'
import { refuseUnsafeGraphqlDocuments } from './graphqlFields'
import { securityHeaders } from './headers'
import { rateLimits, type RateLimitStores } from './rateLimits'
import { limitApiRequestBodies } from './requestBodies'
import { uniformAccountTiming } from './uniformTiming'

export { withReplayedBody } from './requestBodies'
export type { RateLimitStores } from './rateLimits'

export function securityMiddleware(security: SecuritySettings, { devServer, rateLimitStores }: { devServer: boolean; rateLimitStores?: RateLimitStores }): Router {
  const router = Router()
  router.use(securityHeaders({ devServer }))
  // Bodies first: the rate limits recognise GraphQL logins by the query in the body.
  router.use('/api', limitApiRequestBodies(security.maxBodyBytes))
  router.use('/api/graphql', refuseUnsafeGraphqlDocuments())
  router.use(rateLimits(security.rateLimits, rateLimitStores))
  router.use(uniformAccountTiming())
  return router
}
