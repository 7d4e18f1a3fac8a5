import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum__articles_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum_techniques_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum__techniques_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum_faqs_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum__faqs_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum_myths_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum__myths_v_version_workflow_stage" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'withdraw', 'request_changes', 'approve', 'publish', 'unpublish');
  CREATE TYPE "public"."enum_workflow_events_from" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum_workflow_events_to" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'schedulePublish');
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_id" varchar,
  	"action" "enum_workflow_events_action" NOT NULL,
  	"from" "enum_workflow_events_from" NOT NULL,
  	"to" "enum_workflow_events_to" NOT NULL,
  	"actor_id" integer,
  	"actor_email" varchar NOT NULL,
  	"comment" varchar,
  	"checklist" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "workflow_events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"techniques_id" integer,
  	"faqs_id" integer,
  	"myths_id" integer
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "workflow_stage" "enum_articles_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "articles" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "workflow_last_edited_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "workflow_approved_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "workflow_approved_version" varchar;
  ALTER TABLE "articles" ADD COLUMN "workflow_review_comment" varchar;
  ALTER TABLE "articles" ADD COLUMN "workflow_checklist" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_stage" "enum__articles_v_version_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_last_edited_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_approved_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_approved_version" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_review_comment" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_checklist" jsonb;
  ALTER TABLE "techniques" ADD COLUMN "author_id" integer;
  ALTER TABLE "techniques" ADD COLUMN "workflow_stage" "enum_techniques_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "techniques" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "techniques" ADD COLUMN "workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "techniques" ADD COLUMN "workflow_last_edited_by_id" integer;
  ALTER TABLE "techniques" ADD COLUMN "workflow_approved_by_id" integer;
  ALTER TABLE "techniques" ADD COLUMN "workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "techniques" ADD COLUMN "workflow_approved_version" varchar;
  ALTER TABLE "techniques" ADD COLUMN "workflow_review_comment" varchar;
  ALTER TABLE "techniques" ADD COLUMN "workflow_checklist" jsonb;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_author_id" integer;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_stage" "enum__techniques_v_version_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_last_edited_by_id" integer;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_approved_by_id" integer;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_approved_version" varchar;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_review_comment" varchar;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_checklist" jsonb;
  ALTER TABLE "faqs" ADD COLUMN "author_id" integer;
  ALTER TABLE "faqs" ADD COLUMN "workflow_stage" "enum_faqs_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "faqs" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "faqs" ADD COLUMN "workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "faqs" ADD COLUMN "workflow_last_edited_by_id" integer;
  ALTER TABLE "faqs" ADD COLUMN "workflow_approved_by_id" integer;
  ALTER TABLE "faqs" ADD COLUMN "workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "faqs" ADD COLUMN "workflow_approved_version" varchar;
  ALTER TABLE "faqs" ADD COLUMN "workflow_review_comment" varchar;
  ALTER TABLE "faqs" ADD COLUMN "workflow_checklist" jsonb;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_author_id" integer;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_stage" "enum__faqs_v_version_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_last_edited_by_id" integer;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_approved_by_id" integer;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_approved_version" varchar;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_review_comment" varchar;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_checklist" jsonb;
  ALTER TABLE "myths" ADD COLUMN "author_id" integer;
  ALTER TABLE "myths" ADD COLUMN "workflow_stage" "enum_myths_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "myths" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "myths" ADD COLUMN "workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "myths" ADD COLUMN "workflow_last_edited_by_id" integer;
  ALTER TABLE "myths" ADD COLUMN "workflow_approved_by_id" integer;
  ALTER TABLE "myths" ADD COLUMN "workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "myths" ADD COLUMN "workflow_approved_version" varchar;
  ALTER TABLE "myths" ADD COLUMN "workflow_review_comment" varchar;
  ALTER TABLE "myths" ADD COLUMN "workflow_checklist" jsonb;
  ALTER TABLE "_myths_v" ADD COLUMN "version_author_id" integer;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_stage" "enum__myths_v_version_workflow_stage" DEFAULT 'draft';
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_last_edited_by_id" integer;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_approved_by_id" integer;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_approved_version" varchar;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_review_comment" varchar;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_checklist" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "workflow_events_id" integer;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_techniques_fk" FOREIGN KEY ("techniques_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_faqs_fk" FOREIGN KEY ("faqs_id") REFERENCES "public"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_myths_fk" FOREIGN KEY ("myths_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "workflow_events_actor_idx" ON "workflow_events" USING btree ("actor_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "workflow_events_rels_order_idx" ON "workflow_events_rels" USING btree ("order");
  CREATE INDEX "workflow_events_rels_parent_idx" ON "workflow_events_rels" USING btree ("parent_id");
  CREATE INDEX "workflow_events_rels_path_idx" ON "workflow_events_rels" USING btree ("path");
  CREATE INDEX "workflow_events_rels_articles_id_idx" ON "workflow_events_rels" USING btree ("articles_id");
  CREATE INDEX "workflow_events_rels_techniques_id_idx" ON "workflow_events_rels" USING btree ("techniques_id");
  CREATE INDEX "workflow_events_rels_faqs_id_idx" ON "workflow_events_rels" USING btree ("faqs_id");
  CREATE INDEX "workflow_events_rels_myths_id_idx" ON "workflow_events_rels" USING btree ("myths_id");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "techniques" ADD CONSTRAINT "techniques_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "techniques" ADD CONSTRAINT "techniques_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "techniques" ADD CONSTRAINT "techniques_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "techniques" ADD CONSTRAINT "techniques_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_techniques_v" ADD CONSTRAINT "_techniques_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_techniques_v" ADD CONSTRAINT "_techniques_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_techniques_v" ADD CONSTRAINT "_techniques_v_version_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_techniques_v" ADD CONSTRAINT "_techniques_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "faqs" ADD CONSTRAINT "faqs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "faqs" ADD CONSTRAINT "faqs_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "faqs" ADD CONSTRAINT "faqs_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "faqs" ADD CONSTRAINT "faqs_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_faqs_v" ADD CONSTRAINT "_faqs_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_faqs_v" ADD CONSTRAINT "_faqs_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_faqs_v" ADD CONSTRAINT "_faqs_v_version_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_faqs_v" ADD CONSTRAINT "_faqs_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "myths" ADD CONSTRAINT "myths_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "myths" ADD CONSTRAINT "myths_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "myths" ADD CONSTRAINT "myths_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "myths" ADD CONSTRAINT "myths_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_myths_v" ADD CONSTRAINT "_myths_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_myths_v" ADD CONSTRAINT "_myths_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_myths_v" ADD CONSTRAINT "_myths_v_version_workflow_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_workflow_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_myths_v" ADD CONSTRAINT "_myths_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_workflow_stage_idx" ON "articles" USING btree ("workflow_stage");
  CREATE INDEX "articles_workflow_workflow_submitted_by_idx" ON "articles" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "articles_workflow_workflow_last_edited_by_idx" ON "articles" USING btree ("workflow_last_edited_by_id");
  CREATE INDEX "articles_workflow_workflow_approved_by_idx" ON "articles" USING btree ("workflow_approved_by_id");
  CREATE INDEX "_articles_v_version_version_workflow_stage_idx" ON "_articles_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_submitted__idx" ON "_articles_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_last_edite_idx" ON "_articles_v" USING btree ("version_workflow_last_edited_by_id");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_approved_b_idx" ON "_articles_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "techniques_author_idx" ON "techniques" USING btree ("author_id");
  CREATE INDEX "techniques_workflow_stage_idx" ON "techniques" USING btree ("workflow_stage");
  CREATE INDEX "techniques_workflow_workflow_submitted_by_idx" ON "techniques" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "techniques_workflow_workflow_last_edited_by_idx" ON "techniques" USING btree ("workflow_last_edited_by_id");
  CREATE INDEX "techniques_workflow_workflow_approved_by_idx" ON "techniques" USING btree ("workflow_approved_by_id");
  CREATE INDEX "_techniques_v_version_version_author_idx" ON "_techniques_v" USING btree ("version_author_id");
  CREATE INDEX "_techniques_v_version_version_workflow_stage_idx" ON "_techniques_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_techniques_v_version_workflow_version_workflow_submitte_idx" ON "_techniques_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_techniques_v_version_workflow_version_workflow_last_edi_idx" ON "_techniques_v" USING btree ("version_workflow_last_edited_by_id");
  CREATE INDEX "_techniques_v_version_workflow_version_workflow_approved_idx" ON "_techniques_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "faqs_author_idx" ON "faqs" USING btree ("author_id");
  CREATE INDEX "faqs_workflow_stage_idx" ON "faqs" USING btree ("workflow_stage");
  CREATE INDEX "faqs_workflow_workflow_submitted_by_idx" ON "faqs" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "faqs_workflow_workflow_last_edited_by_idx" ON "faqs" USING btree ("workflow_last_edited_by_id");
  CREATE INDEX "faqs_workflow_workflow_approved_by_idx" ON "faqs" USING btree ("workflow_approved_by_id");
  CREATE INDEX "_faqs_v_version_version_author_idx" ON "_faqs_v" USING btree ("version_author_id");
  CREATE INDEX "_faqs_v_version_version_workflow_stage_idx" ON "_faqs_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_faqs_v_version_workflow_version_workflow_submitted_by_idx" ON "_faqs_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_faqs_v_version_workflow_version_workflow_last_edited_by_idx" ON "_faqs_v" USING btree ("version_workflow_last_edited_by_id");
  CREATE INDEX "_faqs_v_version_workflow_version_workflow_approved_by_idx" ON "_faqs_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "myths_author_idx" ON "myths" USING btree ("author_id");
  CREATE INDEX "myths_workflow_stage_idx" ON "myths" USING btree ("workflow_stage");
  CREATE INDEX "myths_workflow_workflow_submitted_by_idx" ON "myths" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "myths_workflow_workflow_last_edited_by_idx" ON "myths" USING btree ("workflow_last_edited_by_id");
  CREATE INDEX "myths_workflow_workflow_approved_by_idx" ON "myths" USING btree ("workflow_approved_by_id");
  CREATE INDEX "_myths_v_version_version_author_idx" ON "_myths_v" USING btree ("version_author_id");
  CREATE INDEX "_myths_v_version_version_workflow_stage_idx" ON "_myths_v" USING btree ("version_workflow_stage");
  CREATE INDEX "_myths_v_version_workflow_version_workflow_submitted_by_idx" ON "_myths_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_myths_v_version_workflow_version_workflow_last_edited_b_idx" ON "_myths_v" USING btree ("version_workflow_last_edited_by_id");
  CREATE INDEX "_myths_v_version_workflow_version_workflow_approved_by_idx" ON "_myths_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "workflow_events_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "workflow_events_rels" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "techniques" DROP CONSTRAINT "techniques_author_id_users_id_fk";
  
  ALTER TABLE "techniques" DROP CONSTRAINT "techniques_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "techniques" DROP CONSTRAINT "techniques_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "techniques" DROP CONSTRAINT "techniques_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "_techniques_v" DROP CONSTRAINT "_techniques_v_version_author_id_users_id_fk";
  
  ALTER TABLE "_techniques_v" DROP CONSTRAINT "_techniques_v_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_techniques_v" DROP CONSTRAINT "_techniques_v_version_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "_techniques_v" DROP CONSTRAINT "_techniques_v_version_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "faqs" DROP CONSTRAINT "faqs_author_id_users_id_fk";
  
  ALTER TABLE "faqs" DROP CONSTRAINT "faqs_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "faqs" DROP CONSTRAINT "faqs_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "faqs" DROP CONSTRAINT "faqs_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "_faqs_v" DROP CONSTRAINT "_faqs_v_version_author_id_users_id_fk";
  
  ALTER TABLE "_faqs_v" DROP CONSTRAINT "_faqs_v_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_faqs_v" DROP CONSTRAINT "_faqs_v_version_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "_faqs_v" DROP CONSTRAINT "_faqs_v_version_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "myths" DROP CONSTRAINT "myths_author_id_users_id_fk";
  
  ALTER TABLE "myths" DROP CONSTRAINT "myths_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "myths" DROP CONSTRAINT "myths_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "myths" DROP CONSTRAINT "myths_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "_myths_v" DROP CONSTRAINT "_myths_v_version_author_id_users_id_fk";
  
  ALTER TABLE "_myths_v" DROP CONSTRAINT "_myths_v_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_myths_v" DROP CONSTRAINT "_myths_v_version_workflow_last_edited_by_id_users_id_fk";
  
  ALTER TABLE "_myths_v" DROP CONSTRAINT "_myths_v_version_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_workflow_events_fk";
  
  DROP INDEX "articles_workflow_stage_idx";
  DROP INDEX "articles_workflow_workflow_submitted_by_idx";
  DROP INDEX "articles_workflow_workflow_last_edited_by_idx";
  DROP INDEX "articles_workflow_workflow_approved_by_idx";
  DROP INDEX "_articles_v_version_version_workflow_stage_idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_submitted__idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_last_edite_idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_approved_b_idx";
  DROP INDEX "techniques_author_idx";
  DROP INDEX "techniques_workflow_stage_idx";
  DROP INDEX "techniques_workflow_workflow_submitted_by_idx";
  DROP INDEX "techniques_workflow_workflow_last_edited_by_idx";
  DROP INDEX "techniques_workflow_workflow_approved_by_idx";
  DROP INDEX "_techniques_v_version_version_author_idx";
  DROP INDEX "_techniques_v_version_version_workflow_stage_idx";
  DROP INDEX "_techniques_v_version_workflow_version_workflow_submitte_idx";
  DROP INDEX "_techniques_v_version_workflow_version_workflow_last_edi_idx";
  DROP INDEX "_techniques_v_version_workflow_version_workflow_approved_idx";
  DROP INDEX "faqs_author_idx";
  DROP INDEX "faqs_workflow_stage_idx";
  DROP INDEX "faqs_workflow_workflow_submitted_by_idx";
  DROP INDEX "faqs_workflow_workflow_last_edited_by_idx";
  DROP INDEX "faqs_workflow_workflow_approved_by_idx";
  DROP INDEX "_faqs_v_version_version_author_idx";
  DROP INDEX "_faqs_v_version_version_workflow_stage_idx";
  DROP INDEX "_faqs_v_version_workflow_version_workflow_submitted_by_idx";
  DROP INDEX "_faqs_v_version_workflow_version_workflow_last_edited_by_idx";
  DROP INDEX "_faqs_v_version_workflow_version_workflow_approved_by_idx";
  DROP INDEX "myths_author_idx";
  DROP INDEX "myths_workflow_stage_idx";
  DROP INDEX "myths_workflow_workflow_submitted_by_idx";
  DROP INDEX "myths_workflow_workflow_last_edited_by_idx";
  DROP INDEX "myths_workflow_workflow_approved_by_idx";
  DROP INDEX "_myths_v_version_version_author_idx";
  DROP INDEX "_myths_v_version_version_workflow_stage_idx";
  DROP INDEX "_myths_v_version_workflow_version_workflow_submitted_by_idx";
  DROP INDEX "_myths_v_version_workflow_version_workflow_last_edited_b_idx";
  DROP INDEX "_myths_v_version_workflow_version_workflow_approved_by_idx";
  DROP INDEX "payload_locked_documents_rels_workflow_events_id_idx";
  ALTER TABLE "articles" DROP COLUMN "workflow_stage";
  ALTER TABLE "articles" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "articles" DROP COLUMN "workflow_submitted_at";
  ALTER TABLE "articles" DROP COLUMN "workflow_last_edited_by_id";
  ALTER TABLE "articles" DROP COLUMN "workflow_approved_by_id";
  ALTER TABLE "articles" DROP COLUMN "workflow_approved_at";
  ALTER TABLE "articles" DROP COLUMN "workflow_approved_version";
  ALTER TABLE "articles" DROP COLUMN "workflow_review_comment";
  ALTER TABLE "articles" DROP COLUMN "workflow_checklist";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_stage";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_submitted_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_last_edited_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_approved_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_approved_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_approved_version";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_review_comment";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_checklist";
  ALTER TABLE "techniques" DROP COLUMN "author_id";
  ALTER TABLE "techniques" DROP COLUMN "workflow_stage";
  ALTER TABLE "techniques" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "techniques" DROP COLUMN "workflow_submitted_at";
  ALTER TABLE "techniques" DROP COLUMN "workflow_last_edited_by_id";
  ALTER TABLE "techniques" DROP COLUMN "workflow_approved_by_id";
  ALTER TABLE "techniques" DROP COLUMN "workflow_approved_at";
  ALTER TABLE "techniques" DROP COLUMN "workflow_approved_version";
  ALTER TABLE "techniques" DROP COLUMN "workflow_review_comment";
  ALTER TABLE "techniques" DROP COLUMN "workflow_checklist";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_author_id";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_stage";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_submitted_at";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_last_edited_by_id";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_approved_by_id";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_approved_at";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_approved_version";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_review_comment";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_checklist";
  ALTER TABLE "faqs" DROP COLUMN "author_id";
  ALTER TABLE "faqs" DROP COLUMN "workflow_stage";
  ALTER TABLE "faqs" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "faqs" DROP COLUMN "workflow_submitted_at";
  ALTER TABLE "faqs" DROP COLUMN "workflow_last_edited_by_id";
  ALTER TABLE "faqs" DROP COLUMN "workflow_approved_by_id";
  ALTER TABLE "faqs" DROP COLUMN "workflow_approved_at";
  ALTER TABLE "faqs" DROP COLUMN "workflow_approved_version";
  ALTER TABLE "faqs" DROP COLUMN "workflow_review_comment";
  ALTER TABLE "faqs" DROP COLUMN "workflow_checklist";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_author_id";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_stage";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_submitted_at";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_last_edited_by_id";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_approved_by_id";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_approved_at";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_approved_version";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_review_comment";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_checklist";
  ALTER TABLE "myths" DROP COLUMN "author_id";
  ALTER TABLE "myths" DROP COLUMN "workflow_stage";
  ALTER TABLE "myths" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "myths" DROP COLUMN "workflow_submitted_at";
  ALTER TABLE "myths" DROP COLUMN "workflow_last_edited_by_id";
  ALTER TABLE "myths" DROP COLUMN "workflow_approved_by_id";
  ALTER TABLE "myths" DROP COLUMN "workflow_approved_at";
  ALTER TABLE "myths" DROP COLUMN "workflow_approved_version";
  ALTER TABLE "myths" DROP COLUMN "workflow_review_comment";
  ALTER TABLE "myths" DROP COLUMN "workflow_checklist";
  ALTER TABLE "_myths_v" DROP COLUMN "version_author_id";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_stage";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_submitted_at";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_last_edited_by_id";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_approved_by_id";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_approved_at";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_approved_version";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_review_comment";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_checklist";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "workflow_events_id";
  DROP TYPE "public"."enum_articles_workflow_stage";
  DROP TYPE "public"."enum__articles_v_version_workflow_stage";
  DROP TYPE "public"."enum_techniques_workflow_stage";
  DROP TYPE "public"."enum__techniques_v_version_workflow_stage";
  DROP TYPE "public"."enum_faqs_workflow_stage";
  DROP TYPE "public"."enum__faqs_v_version_workflow_stage";
  DROP TYPE "public"."enum_myths_workflow_stage";
  DROP TYPE "public"."enum__myths_v_version_workflow_stage";
  DROP TYPE "public"."enum_workflow_events_action";
  DROP TYPE "public"."enum_workflow_events_from";
  DROP TYPE "public"."enum_workflow_events_to";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
