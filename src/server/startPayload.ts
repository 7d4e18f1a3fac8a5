/**
 * Payload starts inside Next, and with it its job runner (jobs.autoRun) and the read cache's
 * knowledge of what is public content, on the first request that needs it. The server asks for
 * one itself as soon as it listens, so that scheduled publishing also happens on a site nobody
 * visits and the first visitors' reads are cached. Over HTTP like any request, so
 * Next's own copy of Payload serves it: a getPayload() from outside Next (or from Next's
 * instrumentation hook, a separate bundle) would load a second copy of Payload, whose errors
 * Payload's route handlers no longer recognise (their `data` is dropped from answers).
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Logger } from '../logging'

const START_TIMEOUT_MS = 120_000

export async function startPayloadNow(server: Server, logger: Logger): Promise<void> {
  const { address, port } = server.address() as AddressInfo
  const host =
    address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address
  try {
    const response = await fetch(`http://${host}:${port}/api/users/me`, {
      signal: AbortSignal.timeout(START_TIMEOUT_MS),
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`it answered ${response.status}`)
  } catch (error) {
    logger.warn(
      { err: error },
      'Payload did not start with the server; it starts, with its job runner, on the first request',
    )
  }
}
