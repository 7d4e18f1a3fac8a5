import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** The version tables of the editorial collections (the workflow plugin gives them drafts). */
const VERSION_TABLES = ['_articles_v', '_techniques_v', '_faqs_v', '_myths_v']

/**
 * Every save that makes a new version runs Payload's `UPDATE … SET latest = false WHERE parent_id
 * = … AND id != …` over all of the document's older versions, also those long not the latest: a new
 * row version, its index entries and WAL for each, so a save costs more with every version the
 * document has (about 10 ms at 800 versions on the development machine, and the dead rows besides).
 * Postgres's own suppress_redundant_updates_trigger skips an update that changes nothing in a row:
 * only the version that was the latest is written.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const table of VERSION_TABLES)
    await db.execute(
      sql.raw(`CREATE TRIGGER "${table}_skip_unchanged_rows" BEFORE UPDATE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()`),
    )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of VERSION_TABLES)
    await db.execute(sql.raw(`DROP TRIGGER IF EXISTS "${table}_skip_unchanged_rows" ON "${table}"`))
}
