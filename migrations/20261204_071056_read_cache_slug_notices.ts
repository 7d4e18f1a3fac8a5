import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Change notices that name the document's slugs before and after the change
 * (`articles:12:old-slug,new-slug`, channel `spa_cms_public_content_slugs`), so an instance drops
 * only the lookups of those slugs (src/readCache/tags.ts) instead of every lookup of the
 * collection. A slug that does not look like one is left out, and the notice then counts as naming
 * no slugs: every lookup of the collection goes stale, as before. The old notices go on too, on
 * their own channel, for instances of the previous release during a rolling upgrade.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION "notify_public_content_change"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    was_public boolean := TG_OP <> 'INSERT';
    is_public boolean := TG_OP <> 'DELETE';
    slugs text := concat_ws(',', to_jsonb(OLD) ->> 'slug', to_jsonb(NEW) ->> 'slug');
    notice text := TG_TABLE_NAME || ':' || COALESCE(NEW.id, OLD.id);
  BEGIN
    IF TG_ARGV[0] = 'published' THEN
      was_public := was_public AND OLD._status = 'published';
      is_public := is_public AND NEW._status = 'published';
      IF slugs ~ '^[a-z0-9-]+(,[a-z0-9-]+)*$' THEN
        notice := notice || ':' || slugs;
      END IF;
    END IF;
    IF was_public OR is_public THEN
      PERFORM pg_notify('spa_cms_public_content', TG_TABLE_NAME || ':' || COALESCE(NEW.id, OLD.id));
      PERFORM pg_notify('spa_cms_public_content_slugs', notice);
    END IF;
    RETURN NULL;
  END $$;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION "notify_public_content_change"() RETURNS trigger LANGUAGE plpgsql AS $$
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
}
