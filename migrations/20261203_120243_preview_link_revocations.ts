import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "preview_link_revocations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"scope" varchar NOT NULL,
  	"generation" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "preview_link_revocations_id" integer;
  CREATE UNIQUE INDEX "preview_link_revocations_scope_idx" ON "preview_link_revocations" USING btree ("scope");
  CREATE INDEX "preview_link_revocations_updated_at_idx" ON "preview_link_revocations" USING btree ("updated_at");
  CREATE INDEX "preview_link_revocations_created_at_idx" ON "preview_link_revocations" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_preview_link_revocations_fk" FOREIGN KEY ("preview_link_revocations_id") REFERENCES "public"."preview_link_revocations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_preview_link_revocations_i_idx" ON "payload_locked_documents_rels" USING btree ("preview_link_revocations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "preview_link_revocations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "preview_link_revocations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_preview_link_revocations_fk";
  
  DROP INDEX "payload_locked_documents_rels_preview_link_revocations_i_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "preview_link_revocations_id";`)
}
