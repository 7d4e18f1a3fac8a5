import { Router } from 'express'

import type { ReadinessProbe } from './readiness'

/** Liveness never touches the database; readiness answers 200 only while the database does. */
export function healthRoutes(readiness: ReadinessProbe): Router {
  const router = Router()
  router.get('/health', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' })
  })
  router.get('/ready', async (_req, res) => {
    const result = await readiness.check()
    res.set('cache-control', 'no-store')
    if (result.ready) res.json({ status: 'ready' })
    else res.status(503).json({ status: 'unavailable', reason: result.reason })
  })
  return router
}
