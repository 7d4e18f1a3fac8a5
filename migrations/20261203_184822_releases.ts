import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_releases_state" AS ENUM('open', 'scheduled', 'published', 'failed', 'cancelled', 'rolled_back');
  ALTER TYPE "public"."enum_workflow_events_action" ADD VALUE 'roll_back';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'publishScheduledRelease' BEFORE 'purgeCdnTags';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'publishScheduledRelease' BEFORE 'purgeCdnTags';
  CREATE TABLE "releases_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"version" varchar,
  	"added_by_id" integer,
  	"was_live" boolean,
  	"live_before" varchar,
  	"published_version" varchar
  );
  
  CREATE TABLE "releases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"state" "enum_releases_state" DEFAULT 'open' NOT NULL,
  	"publish_at" timestamp(3) with time zone,
  	"scheduled_by_id" integer,
  	"created_by_id" integer,
  	"outcome_at" timestamp(3) with time zone,
  	"outcome_by_id" integer,
  	"outcome_problems" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "releases_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"techniques_id" integer,
  	"faqs_id" integer,
  	"myths_id" integer
  );
  
  ALTER TABLE "workflow_events" ADD COLUMN "release_id" integer;
  ALTER TABLE "workflow_events_rels" ADD COLUMN "releases_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "releases_id" integer;
  ALTER TABLE "releases_items" ADD CONSTRAINT "releases_items_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases_items" ADD CONSTRAINT "releases_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_scheduled_by_id_users_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases" ADD CONSTRAINT "releases_outcome_by_id_users_id_fk" FOREIGN KEY ("outcome_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_techniques_fk" FOREIGN KEY ("techniques_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_faqs_fk" FOREIGN KEY ("faqs_id") REFERENCES "public"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "releases_rels" ADD CONSTRAINT "releases_rels_myths_fk" FOREIGN KEY ("myths_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "releases_items_order_idx" ON "releases_items" USING btree ("_order");
  CREATE INDEX "releases_items_parent_id_idx" ON "releases_items" USING btree ("_parent_id");
  CREATE INDEX "releases_items_added_by_idx" ON "releases_items" USING btree ("added_by_id");
  CREATE INDEX "releases_state_idx" ON "releases" USING btree ("state");
  CREATE INDEX "releases_publish_at_idx" ON "releases" USING btree ("publish_at");
  CREATE INDEX "releases_scheduled_by_idx" ON "releases" USING btree ("scheduled_by_id");
  CREATE INDEX "releases_created_by_idx" ON "releases" USING btree ("created_by_id");
  CREATE INDEX "releases_outcome_outcome_by_idx" ON "releases" USING btree ("outcome_by_id");
  CREATE INDEX "releases_updated_at_idx" ON "releases" USING btree ("updated_at");
  CREATE INDEX "releases_created_at_idx" ON "releases" USING btree ("created_at");
  CREATE INDEX "releases_rels_order_idx" ON "releases_rels" USING btree ("order");
  CREATE INDEX "releases_rels_parent_idx" ON "releases_rels" USING btree ("parent_id");
  CREATE INDEX "releases_rels_path_idx" ON "releases_rels" USING btree ("path");
  CREATE INDEX "releases_rels_articles_id_idx" ON "releases_rels" USING btree ("articles_id");
  CREATE INDEX "releases_rels_techniques_id_idx" ON "releases_rels" USING btree ("techniques_id");
  CREATE INDEX "releases_rels_faqs_id_idx" ON "releases_rels" USING btree ("faqs_id");
  CREATE INDEX "releases_rels_myths_id_idx" ON "releases_rels" USING btree ("myths_id");
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_releases_fk" FOREIGN KEY ("releases_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_releases_fk" FOREIGN KEY ("releases_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "workflow_events_release_idx" ON "workflow_events" USING btree ("release_id");
  CREATE INDEX "workflow_events_rels_releases_id_idx" ON "workflow_events_rels" USING btree ("releases_id");
  CREATE INDEX "payload_locked_documents_rels_releases_id_idx" ON "payload_locked_documents_rels" USING btree ("releases_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "releases_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "releases" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "releases_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "releases_items" CASCADE;
  DROP TABLE "releases" CASCADE;
  DROP TABLE "releases_rels" CASCADE;
  ALTER TABLE "workflow_events" DROP CONSTRAINT "workflow_events_release_id_releases_id_fk";
  
  ALTER TABLE "workflow_events_rels" DROP CONSTRAINT "workflow_events_rels_releases_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_releases_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_action";
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'withdraw', 'request_changes', 'approve', 'publish', 'unpublish', 'confirm_current');
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_workflow_events_action" USING "action"::"public"."enum_workflow_events_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'scheduledWorkflowAction', 'workflowThreadMail', 'markReviewsDue', 'purgeCdnTags');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'scheduledWorkflowAction', 'workflowThreadMail', 'markReviewsDue', 'purgeCdnTags');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "workflow_events_release_idx";
  DROP INDEX "workflow_events_rels_releases_id_idx";
  DROP INDEX "payload_locked_documents_rels_releases_id_idx";
  ALTER TABLE "workflow_events" DROP COLUMN "release_id";
  ALTER TABLE "workflow_events_rels" DROP COLUMN "releases_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "releases_id";
  DROP TYPE "public"."enum_releases_state";`)
}
