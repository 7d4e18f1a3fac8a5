/** The protections every request passes before it reaches Next (and Payload). */
import { Router } from 'express'

import type { SecuritySettings } from '../../config'
import { securityHeaders } from './headers'
import { rateLimits } from './rateLimits'
import { limitApiRequestBodies } from './requestBodies'

export { withReplayedBody } from './requestBodies'

export function securityMiddleware(security: SecuritySettings, { devServer }: { devServer: boolean }): Router {
  const router = Router()
  router.use(securityHeaders({ devServer }))
  router.use(rateLimits(security.rateLimits))
  router.use('/api', limitApiRequestBodies(security.maxBodyBytes))
  return router
}
