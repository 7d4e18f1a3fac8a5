/**
 * Next runs register() once when the server starts. Payload would otherwise start (and with it
 * its job runner, jobs.autoRun) only when the first request arrives, so a scheduled publish on a
 * quiet site would wait for a visitor. Starting it here is the same getPayload() call Payload's
 * route handlers make (cron: true), so they find this instance and share it.
 */
export async function register(): Promise<void> {
  // Not in the edge runtime, and not while `next build` prerenders (no database then).
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config, cron: true })
}
