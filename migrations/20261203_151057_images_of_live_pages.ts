import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "on_live_pages" boolean DEFAULT false;
  ALTER TABLE "media" ADD COLUMN "sizes_small_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_small_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_small_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_avif_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_hero_avif_filename" varchar;
  CREATE INDEX "media_on_live_pages_idx" ON "media" USING btree ("on_live_pages");
  CREATE INDEX "media_sizes_small_sizes_small_filename_idx" ON "media" USING btree ("sizes_small_filename");
  CREATE INDEX "media_sizes_small_webp_sizes_small_webp_filename_idx" ON "media" USING btree ("sizes_small_webp_filename");
  CREATE INDEX "media_sizes_small_avif_sizes_small_avif_filename_idx" ON "media" USING btree ("sizes_small_avif_filename");
  CREATE INDEX "media_sizes_card_webp_sizes_card_webp_filename_idx" ON "media" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "media_sizes_card_avif_sizes_card_avif_filename_idx" ON "media" USING btree ("sizes_card_avif_filename");
  CREATE INDEX "media_sizes_hero_webp_sizes_hero_webp_filename_idx" ON "media" USING btree ("sizes_hero_webp_filename");
  CREATE INDEX "media_sizes_hero_avif_sizes_hero_avif_filename_idx" ON "media" USING btree ("sizes_hero_avif_filename");`)
  // Images that published documents already show stay public (as fields or inside rich text).
  await db.execute(sql`
  WITH rich_text AS (
    SELECT content AS tree FROM "articles" WHERE "_status" = 'published'
    UNION ALL SELECT description FROM "techniques" WHERE "_status" = 'published'
    UNION ALL SELECT answer FROM "faqs" WHERE "_status" = 'published'
    UNION ALL SELECT fact FROM "myths" WHERE "_status" = 'published'
  ), shown AS (
    SELECT hero_image_id AS id FROM "articles" WHERE "_status" = 'published'
    UNION SELECT seo_image_id FROM "articles" WHERE "_status" = 'published'
    UNION SELECT image_id FROM "techniques" WHERE "_status" = 'published'
    UNION SELECT seo_image_id FROM "techniques" WHERE "_status" = 'published'
    UNION SELECT seo_image_id FROM "faqs" WHERE "_status" = 'published'
    UNION SELECT seo_image_id FROM "myths" WHERE "_status" = 'published'
    UNION SELECT (node ->> 'value')::integer FROM rich_text,
      jsonb_path_query(tree, 'lax $.** ? (@.type == "upload" && @.relationTo == "media")') AS node
      WHERE jsonb_typeof(node -> 'value') = 'number'
  )
  UPDATE "media" SET "on_live_pages" = true WHERE "id" IN (SELECT id FROM shown WHERE id IS NOT NULL);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_on_live_pages_idx";
  DROP INDEX "media_sizes_small_sizes_small_filename_idx";
  DROP INDEX "media_sizes_small_webp_sizes_small_webp_filename_idx";
  DROP INDEX "media_sizes_small_avif_sizes_small_avif_filename_idx";
  DROP INDEX "media_sizes_card_webp_sizes_card_webp_filename_idx";
  DROP INDEX "media_sizes_card_avif_sizes_card_avif_filename_idx";
  DROP INDEX "media_sizes_hero_webp_sizes_hero_webp_filename_idx";
  DROP INDEX "media_sizes_hero_avif_sizes_hero_avif_filename_idx";
  ALTER TABLE "media" DROP COLUMN "on_live_pages";
  ALTER TABLE "media" DROP COLUMN "sizes_small_url";
  ALTER TABLE "media" DROP COLUMN "sizes_small_width";
  ALTER TABLE "media" DROP COLUMN "sizes_small_height";
  ALTER TABLE "media" DROP COLUMN "sizes_small_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_small_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_small_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_small_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_small_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_small_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_small_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_small_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_small_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_small_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_small_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_small_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_small_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_small_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_small_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_card_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_card_avif_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_url";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_width";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_height";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_hero_avif_filename";`)
}
