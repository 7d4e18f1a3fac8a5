import type { Payload } from 'payload'

import { closePayload, startPayload } from '../../src/db/payloadLifecycle'

/** One Payload instance per test file, on the run's database; close it in afterAll. */
export async function openPayload(): Promise<Payload> {
  return startPayload()
}

export { closePayload }
