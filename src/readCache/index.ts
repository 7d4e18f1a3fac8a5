/**
 * readCache(options): the Payload side of the read cache, as a plugin. The cache itself lives in
 * the express server (cachedReads.ts); this plugin tells it what to serve and when to forget:
 * - it works out the public content (collections with drafts: their published documents are
 *   what anonymous readers get) and the GraphQL root fields that read it, and registers both;
 * - it adds the hooks that record what each request read and changed (payloadHooks.ts) to the
 *   public content and to what it embeds (upload collections: images);
 * - at start it makes sure every one of those tables announces its changes (the triggers of
 *   migration 20261127_035844_read_cache), so other instances hear of them too.
 */
import { sql } from '@payloadcms/db-postgres'
import { formatNames, toWords, type CollectionConfig, type Config, type Payload } from 'payload'

import { recordDocumentRead, recordPublicChange, recordPublicDelete } from './payloadHooks'
import { registerPublicContent } from './publicContent'

export interface ReadCacheOptions {
  /** Collections whose published documents the cache answers for. Default: every collection with drafts. */
  isPublicContent?: (collection: CollectionConfig) => boolean
  /** Collections that are public as a whole and appear inside content. Default: upload collections. */
  isEmbedded?: (collection: CollectionConfig) => boolean
}

const hasDrafts = (collection: CollectionConfig) =>
  Boolean(typeof collection.versions === 'object' && collection.versions.drafts)
const isUpload = (collection: CollectionConfig) => Boolean(collection.upload)

/** The root query fields Payload's GraphQL gives a collection (see @payloadcms/graphql initCollections). */
export function graphqlRootFields(collection: CollectionConfig): string[] {
  if (collection.graphQL === false) return []
  const names = formatNames(collection.slug)
  const singular = collection.graphQL?.singularName ? toWords(collection.graphQL.singularName, true) : names.singular
  let plural = collection.graphQL?.pluralName ? toWords(collection.graphQL.pluralName, true) : names.plural
  if (plural === singular) plural = `all${singular}`
  return [singular, plural, `count${plural}`]
}

function withChangeRecording(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterRead: [...(hooks.afterRead ?? []), recordDocumentRead],
      afterChange: [...(hooks.afterChange ?? []), recordPublicChange],
      afterDelete: [...(hooks.afterDelete ?? []), recordPublicDelete],
    },
  }
}

/**
 * A collection added after the read-cache migration gets its trigger here, the same one: public
 * content announces changes of published rows, embedded collections every change.
 */
async function ensureChangeNotices(
  payload: Payload,
  watched: { slug: string; publishedOnly: boolean }[],
): Promise<void> {
  const db = payload.db as unknown as {
    drizzle: { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
    tableNameMap: Map<string, string>
  }
  // Before the migrations have run (an empty database being migrated) there is nothing to do yet.
  const { rows: functions } = await db.drizzle.execute(
    sql`SELECT 1 FROM pg_proc WHERE proname = 'notify_public_content_change'`,
  )
  if (functions.length === 0) return
  const { rows } = await db.drizzle.execute(
    sql`SELECT tgname FROM pg_trigger WHERE tgname LIKE '%_notify_public_change'`,
  )
  const present = new Set(rows.map((row) => String(row.tgname)))
  for (const { slug, publishedOnly } of watched) {
    const table = db.tableNameMap.get(slug) ?? slug
    if (present.has(`${table}_notify_public_change`)) continue
    const { rows: tables } = await db.drizzle.execute(sql`SELECT to_regclass(${`"${table}"`}) AS found`)
    if (!tables[0]?.found) continue
    await db.drizzle.execute(
      sql.raw(`CREATE TRIGGER "${table}_notify_public_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "notify_public_content_change"('${publishedOnly ? 'published' : 'always'}')`),
    )
    payload.logger.info({ table }, 'read cache: change notices enabled for a new collection')
  }
}

export const readCache =
  (options: ReadCacheOptions = {}) =>
  (config: Config): Config => {
    const isPublicContent = options.isPublicContent ?? hasDrafts
    const isEmbedded = options.isEmbedded ?? isUpload
    const collections = config.collections ?? []
    const publicContent = collections.filter(isPublicContent)
    const watched = collections.filter((collection) => isPublicContent(collection) || isEmbedded(collection))
    registerPublicContent(new Map(publicContent.map((collection) => [collection.slug, graphqlRootFields(collection)])))
    const ownOnInit = config.onInit
    return {
      ...config,
      collections: collections.map((collection) =>
        watched.includes(collection) ? withChangeRecording(collection) : collection,
      ),
      onInit: async (payload) => {
        await ownOnInit?.(payload)
        await ensureChangeNotices(
          payload,
          watched.map((collection) => ({ slug: collection.slug, publishedOnly: isPublicContent(collection) })),
        )
      },
    }
  }
