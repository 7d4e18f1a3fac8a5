/**
 * Revoking preview links. Tokens are stateless; each carries the revocation generations current
 * when it was issued: one for every link, one per document. Revoking bumps a generation, and a
 * token whose generation is behind the current one is refused. The generations live in a small
 * collection that no client reads or writes (only this plugin's endpoints, for staff).
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionConfig, Payload } from 'payload'

export const REVOCATIONS_SLUG = 'preview-link-revocations'

/** `all`, or `<collection>:<id>` for one document. */
export const EVERY_LINK = 'all'
export const documentScope = (collection: string, id: number | string) => `${collection}:${id}`

export const PreviewLinkRevocations: CollectionConfig = {
  slug: REVOCATIONS_SLUG,
  admin: { hidden: true },
  graphQL: false,
  // Only the plugin's endpoints touch it, as the system after their own checks.
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'scope', type: 'text', required: true, unique: true, index: true },
    { name: 'generation', type: 'number', required: true, defaultValue: 0 },
  ],
}

export interface Generations {
  all: number
  document: number
}

/** The current generations for one document (0 while nothing was ever revoked). */
export async function currentGenerations(payload: Payload, collection: string, id: number): Promise<Generations> {
  const documentKey = documentScope(collection, id)
  // The system reads its own bookkeeping: no client can read this collection.
  const { docs } = await payload.find({
    collection: REVOCATIONS_SLUG as never,
    where: { scope: { in: [EVERY_LINK, documentKey] } },
    limit: 2,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const rows = docs as unknown as { scope: string; generation: number }[]
  return {
    all: rows.find((row) => row.scope === EVERY_LINK)?.generation ?? 0,
    document: rows.find((row) => row.scope === documentKey)?.generation ?? 0,
  }
}

/**
 * Bumps a scope's generation in one statement (two revocations at once both count), so every
 * token issued before it is refused from now on.
 */
export async function revoke(payload: Payload, scope: string): Promise<number> {
  const db = payload.db as unknown as {
    drizzle: { execute: (query: unknown) => Promise<{ rows: { generation: number }[] }> }
  }
  const { rows } = await db.drizzle.execute(sql`
    insert into preview_link_revocations (scope, generation, updated_at, created_at)
    values (${scope}, 1, now(), now())
    on conflict (scope) do update set generation = preview_link_revocations.generation + 1, updated_at = now()
    returning generation`)
  return Number(rows[0].generation)
}
