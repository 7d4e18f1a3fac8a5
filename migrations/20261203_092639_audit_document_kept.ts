import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Existing events take what their link still says; one whose document is already gone says so.
  await db.execute(sql`
  ALTER TABLE "workflow_events" ADD COLUMN "document_collection" varchar;
  ALTER TABLE "workflow_events" ADD COLUMN "document_id" numeric;
  UPDATE "workflow_events" e SET
    "document_collection" = COALESCE(
      CASE WHEN r."articles_id" IS NOT NULL THEN 'articles' WHEN r."techniques_id" IS NOT NULL THEN 'techniques'
           WHEN r."faqs_id" IS NOT NULL THEN 'faqs' WHEN r."myths_id" IS NOT NULL THEN 'myths' END, 'deleted before this was kept'),
    "document_id" = COALESCE(r."articles_id", r."techniques_id", r."faqs_id", r."myths_id", 0)
  FROM "workflow_events" e2 LEFT JOIN "workflow_events_rels" r ON r."parent_id" = e2."id" AND r."path" = 'document'
  WHERE e2."id" = e."id";
  ALTER TABLE "workflow_events" ALTER COLUMN "document_collection" SET NOT NULL;
  ALTER TABLE "workflow_events" ALTER COLUMN "document_id" SET NOT NULL;
  CREATE INDEX "workflow_events_document_collection_idx" ON "workflow_events" USING btree ("document_collection");
  CREATE INDEX "workflow_events_document_id_idx" ON "workflow_events" USING btree ("document_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "workflow_events_document_collection_idx";
  DROP INDEX "workflow_events_document_id_idx";
  ALTER TABLE "workflow_events" DROP COLUMN "document_collection";
  ALTER TABLE "workflow_events" DROP COLUMN "document_id";`)
}
