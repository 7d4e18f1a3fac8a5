/**
 * "Editing now": who else has a document open in the edit view. The admin says it is there every
 * 15 s and learns who else is:
 *   POST   /api/<collection>/<id>/presence   → { editing: [{ id, name, since }] } (others only)
 *   DELETE /api/<collection>/<id>/presence   (leaving)
 * Kept in Payload's key-value store (a database table), so every instance sees everyone.
 */
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { documentId } from '../endpoints'
import type { WorkflowCollection } from '../options'
import { actorOf } from '../perform'

/** Three missed heartbeats: the tab was closed or the laptop went to sleep. */
export const PRESENCE_TTL_MS = 45_000

interface Presence {
  id: number
  name: string
  since: string
  seenAt: number
}

const keyOf = (collection: string, id: number, userId?: number) => `presence:${collection}:${id}:${userId ?? ''}`

/** Everyone whose heartbeat for this document is recent; stale entries are dropped on the way. */
async function presentOn(payload: Payload, collection: string, id: number, now: number): Promise<Presence[]> {
  const { docs } = await payload.db.find({
    collection: 'payload-kv',
    where: { key: { like: keyOf(collection, id) } },
    limit: 0,
    pagination: false,
  })
  const present: Presence[] = []
  for (const row of docs as unknown as { key: string; data: Presence }[]) {
    if (!row.key.startsWith(keyOf(collection, id))) continue
    if (now - row.data.seenAt <= PRESENCE_TTL_MS) present.push(row.data)
    else await payload.kv.delete(row.key)
  }
  return present
}

export async function heartbeat(req: PayloadRequest, collection: WorkflowCollection, id: number) {
  const { user } = actorOf(req, 'edit content')
  const now = Date.now()
  const key = keyOf(collection, id, user.id)
  const earlier = await req.payload.kv.get<Presence>(key)
  const since = earlier && now - earlier.seenAt <= PRESENCE_TTL_MS ? earlier.since : new Date(now).toISOString()
  await req.payload.kv.set(key, { id: user.id, name: user.name?.trim() || user.email, since, seenAt: now })
  const others = (await presentOn(req.payload, collection, id, now)).filter((one) => one.id !== user.id)
  return { editing: others.map(({ id: otherId, name, since: from }) => ({ id: otherId, name, since: from })) }
}

export const presenceEndpoints = (collection: WorkflowCollection): Endpoint[] => [
  {
    path: '/:id/presence',
    method: 'post',
    handler: async (req) => Response.json(await heartbeat(req, collection, documentId(req))),
  },
  {
    path: '/:id/presence',
    method: 'delete',
    handler: async (req) => {
      const { user } = actorOf(req, 'edit content')
      await req.payload.kv.delete(keyOf(collection, documentId(req), user.id))
      return new Response(null, { status: 204 })
    },
  },
]
