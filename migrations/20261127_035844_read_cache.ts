import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Read cache: an index for "newest published articles", and triggers that announce every
 * committed change to a public document on the channel the app instances listen to
 * (src/readCache/changeListener.ts). Drafts nobody can see announce nothing.
 */
const EDITORIAL_TABLES = ['articles', 'techniques', 'faqs', 'myths']

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_publishedAt_idx" ON "articles" USING btree ("_status","published_at");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version__status","version_published_at");`)
  await db.execute(sql`
  CREATE FUNCTION "notify_public_content_change"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    was_public boolean := TG_OP <> 'INSERT';
    is_public boolean := TG_OP <> 'DELETE';
  BEGIN
    IF TG_ARGV[0] = 'published' THEN
      was_public := was_public AND OLD._status = 'published';
      is_public := is_public AND NEW._status = 'published';
    END IF;
    IF was_public OR is_public THEN
      PERFORM pg_notify('spa_cms_public_content', TG_TABLE_NAME || ':' || COALESCE(NEW.id, OLD.id));
    END IF;
    RETURN NULL;
  END $$;`)
  for (const table of EDITORIAL_TABLES) {
    await db.execute(sql.raw(`CREATE TRIGGER "${table}_notify_public_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
      FOR EACH ROW EXECUTE FUNCTION "notify_public_content_change"('published')`))
  }
  await db.execute(sql.raw(`CREATE TRIGGER "media_notify_public_change" AFTER INSERT OR UPDATE OR DELETE ON "media"
    FOR EACH ROW EXECUTE FUNCTION "notify_public_content_change"('always')`))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  for (const table of [...EDITORIAL_TABLES, 'media']) {
    await db.execute(sql.raw(`DROP TRIGGER "${table}_notify_public_change" ON "${table}"`))
  }
  await db.execute(sql`DROP FUNCTION "notify_public_content_change"()`)
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "version__status_version_publishedAt_idx";`)
}
