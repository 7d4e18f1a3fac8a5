/**
 * Next runs register() once when the server starts. Payload would otherwise start (and with it
 * its job runner, jobs.autoRun) only when the first request arrives, so a scheduled publish on a
 * quiet site would wait for a visitor. Starting it here is the same getPayload() call Payload's
 * route handlers make (cron: true), so they find this instance (or its start) and share it.
 * Not awaited: the server listens meanwhile, as it did before.
 */
export async function register(): Promise<void> {
  // Not in the edge runtime, and not while `next build` prerenders (no database then).
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  getPayload({ config, cron: true }).catch((error: unknown) => {
    // Payload's logger does not exist yet; the first request starts Payload (and the runner) again.
    console.error('spa-cms: Payload did not start with the server; it will start with the first request.', error)
  })
}
