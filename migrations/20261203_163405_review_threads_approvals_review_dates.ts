import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_reviewer_roles" AS ENUM('claims-reviewer');
  ALTER TYPE "public"."enum_workflow_events_action" ADD VALUE 'confirm_current';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'workflowThreadMail' BEFORE 'purgeCdnTags';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'markReviewsDue' BEFORE 'purgeCdnTags';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'workflowThreadMail' BEFORE 'purgeCdnTags';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'markReviewsDue' BEFORE 'purgeCdnTags';
  CREATE TABLE "techniques_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_techniques_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "faqs_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_faqs_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "myths_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_myths_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "users_reviewer_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_reviewer_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "workflow_comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_collection" varchar NOT NULL,
  	"document_id" numeric NOT NULL,
  	"version_id" varchar,
  	"field" varchar,
  	"body" varchar NOT NULL,
  	"author_id" integer,
  	"author_name" varchar NOT NULL,
  	"thread_id" integer,
  	"resolved" boolean DEFAULT false,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"mail_queued" boolean DEFAULT false,
  	"last_mailed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "workflow_comments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"techniques_id" integer,
  	"faqs_id" integer,
  	"myths_id" integer
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "articles" ADD COLUMN "knock_on" jsonb;
  ALTER TABLE "articles" ADD COLUMN "workflow_submitted_version" varchar;
  ALTER TABLE "articles" ADD COLUMN "workflow_approvals" jsonb;
  ALTER TABLE "articles" ADD COLUMN "workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "articles_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_knock_on" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_submitted_version" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_approvals" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "_articles_v_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "techniques" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "techniques" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "techniques" ADD COLUMN "knock_on" jsonb;
  ALTER TABLE "techniques" ADD COLUMN "workflow_submitted_version" varchar;
  ALTER TABLE "techniques" ADD COLUMN "workflow_approvals" jsonb;
  ALTER TABLE "techniques" ADD COLUMN "workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_knock_on" jsonb;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_submitted_version" varchar;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_approvals" jsonb;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "faqs" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "faqs" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "faqs" ADD COLUMN "knock_on" jsonb;
  ALTER TABLE "faqs" ADD COLUMN "workflow_submitted_version" varchar;
  ALTER TABLE "faqs" ADD COLUMN "workflow_approvals" jsonb;
  ALTER TABLE "faqs" ADD COLUMN "workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_knock_on" jsonb;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_submitted_version" varchar;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_approvals" jsonb;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "myths" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "myths" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "myths" ADD COLUMN "knock_on" jsonb;
  ALTER TABLE "myths" ADD COLUMN "workflow_submitted_version" varchar;
  ALTER TABLE "myths" ADD COLUMN "workflow_approvals" jsonb;
  ALTER TABLE "myths" ADD COLUMN "workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "_myths_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_myths_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "_myths_v" ADD COLUMN "version_knock_on" jsonb;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_submitted_version" varchar;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_approvals" jsonb;
  ALTER TABLE "_myths_v" ADD COLUMN "version_workflow_due_date" timestamp(3) with time zone;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "workflow_comments_id" integer;
  ALTER TABLE "techniques_rels" ADD CONSTRAINT "techniques_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "techniques_rels" ADD CONSTRAINT "techniques_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_techniques_v_rels" ADD CONSTRAINT "_techniques_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_techniques_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_techniques_v_rels" ADD CONSTRAINT "_techniques_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "faqs_rels" ADD CONSTRAINT "faqs_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "faqs_rels" ADD CONSTRAINT "faqs_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_faqs_v_rels" ADD CONSTRAINT "_faqs_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_faqs_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_faqs_v_rels" ADD CONSTRAINT "_faqs_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "myths_rels" ADD CONSTRAINT "myths_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "myths_rels" ADD CONSTRAINT "myths_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_myths_v_rels" ADD CONSTRAINT "_myths_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_myths_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_myths_v_rels" ADD CONSTRAINT "_myths_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_reviewer_roles" ADD CONSTRAINT "users_reviewer_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_comments" ADD CONSTRAINT "workflow_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_comments" ADD CONSTRAINT "workflow_comments_thread_id_workflow_comments_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."workflow_comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_comments" ADD CONSTRAINT "workflow_comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_comments_rels" ADD CONSTRAINT "workflow_comments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."workflow_comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_comments_rels" ADD CONSTRAINT "workflow_comments_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_comments_rels" ADD CONSTRAINT "workflow_comments_rels_techniques_fk" FOREIGN KEY ("techniques_id") REFERENCES "public"."techniques"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_comments_rels" ADD CONSTRAINT "workflow_comments_rels_faqs_fk" FOREIGN KEY ("faqs_id") REFERENCES "public"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_comments_rels" ADD CONSTRAINT "workflow_comments_rels_myths_fk" FOREIGN KEY ("myths_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "techniques_rels_order_idx" ON "techniques_rels" USING btree ("order");
  CREATE INDEX "techniques_rels_parent_idx" ON "techniques_rels" USING btree ("parent_id");
  CREATE INDEX "techniques_rels_path_idx" ON "techniques_rels" USING btree ("path");
  CREATE INDEX "techniques_rels_users_id_idx" ON "techniques_rels" USING btree ("users_id");
  CREATE INDEX "_techniques_v_rels_order_idx" ON "_techniques_v_rels" USING btree ("order");
  CREATE INDEX "_techniques_v_rels_parent_idx" ON "_techniques_v_rels" USING btree ("parent_id");
  CREATE INDEX "_techniques_v_rels_path_idx" ON "_techniques_v_rels" USING btree ("path");
  CREATE INDEX "_techniques_v_rels_users_id_idx" ON "_techniques_v_rels" USING btree ("users_id");
  CREATE INDEX "faqs_rels_order_idx" ON "faqs_rels" USING btree ("order");
  CREATE INDEX "faqs_rels_parent_idx" ON "faqs_rels" USING btree ("parent_id");
  CREATE INDEX "faqs_rels_path_idx" ON "faqs_rels" USING btree ("path");
  CREATE INDEX "faqs_rels_users_id_idx" ON "faqs_rels" USING btree ("users_id");
  CREATE INDEX "_faqs_v_rels_order_idx" ON "_faqs_v_rels" USING btree ("order");
  CREATE INDEX "_faqs_v_rels_parent_idx" ON "_faqs_v_rels" USING btree ("parent_id");
  CREATE INDEX "_faqs_v_rels_path_idx" ON "_faqs_v_rels" USING btree ("path");
  CREATE INDEX "_faqs_v_rels_users_id_idx" ON "_faqs_v_rels" USING btree ("users_id");
  CREATE INDEX "myths_rels_order_idx" ON "myths_rels" USING btree ("order");
  CREATE INDEX "myths_rels_parent_idx" ON "myths_rels" USING btree ("parent_id");
  CREATE INDEX "myths_rels_path_idx" ON "myths_rels" USING btree ("path");
  CREATE INDEX "myths_rels_users_id_idx" ON "myths_rels" USING btree ("users_id");
  CREATE INDEX "_myths_v_rels_order_idx" ON "_myths_v_rels" USING btree ("order");
  CREATE INDEX "_myths_v_rels_parent_idx" ON "_myths_v_rels" USING btree ("parent_id");
  CREATE INDEX "_myths_v_rels_path_idx" ON "_myths_v_rels" USING btree ("path");
  CREATE INDEX "_myths_v_rels_users_id_idx" ON "_myths_v_rels" USING btree ("users_id");
  CREATE INDEX "users_reviewer_roles_order_idx" ON "users_reviewer_roles" USING btree ("order");
  CREATE INDEX "users_reviewer_roles_parent_idx" ON "users_reviewer_roles" USING btree ("parent_id");
  CREATE INDEX "workflow_comments_document_collection_idx" ON "workflow_comments" USING btree ("document_collection");
  CREATE INDEX "workflow_comments_document_id_idx" ON "workflow_comments" USING btree ("document_id");
  CREATE INDEX "workflow_comments_version_id_idx" ON "workflow_comments" USING btree ("version_id");
  CREATE INDEX "workflow_comments_author_idx" ON "workflow_comments" USING btree ("author_id");
  CREATE INDEX "workflow_comments_thread_idx" ON "workflow_comments" USING btree ("thread_id");
  CREATE INDEX "workflow_comments_resolved_idx" ON "workflow_comments" USING btree ("resolved");
  CREATE INDEX "workflow_comments_resolved_by_idx" ON "workflow_comments" USING btree ("resolved_by_id");
  CREATE INDEX "workflow_comments_updated_at_idx" ON "workflow_comments" USING btree ("updated_at");
  CREATE INDEX "workflow_comments_created_at_idx" ON "workflow_comments" USING btree ("created_at");
  CREATE INDEX "workflow_comments_rels_order_idx" ON "workflow_comments_rels" USING btree ("order");
  CREATE INDEX "workflow_comments_rels_parent_idx" ON "workflow_comments_rels" USING btree ("parent_id");
  CREATE INDEX "workflow_comments_rels_path_idx" ON "workflow_comments_rels" USING btree ("path");
  CREATE INDEX "workflow_comments_rels_articles_id_idx" ON "workflow_comments_rels" USING btree ("articles_id");
  CREATE INDEX "workflow_comments_rels_techniques_id_idx" ON "workflow_comments_rels" USING btree ("techniques_id");
  CREATE INDEX "workflow_comments_rels_faqs_id_idx" ON "workflow_comments_rels" USING btree ("faqs_id");
  CREATE INDEX "workflow_comments_rels_myths_id_idx" ON "workflow_comments_rels" USING btree ("myths_id");
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_comments_fk" FOREIGN KEY ("workflow_comments_id") REFERENCES "public"."workflow_comments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_review_by_idx" ON "articles" USING btree ("review_by");
  CREATE INDEX "articles_review_due_idx" ON "articles" USING btree ("review_due");
  CREATE INDEX "articles_rels_users_id_idx" ON "articles_rels" USING btree ("users_id");
  CREATE INDEX "_articles_v_version_version_review_by_idx" ON "_articles_v" USING btree ("version_review_by");
  CREATE INDEX "_articles_v_version_version_review_due_idx" ON "_articles_v" USING btree ("version_review_due");
  CREATE INDEX "_articles_v_rels_users_id_idx" ON "_articles_v_rels" USING btree ("users_id");
  CREATE INDEX "techniques_review_by_idx" ON "techniques" USING btree ("review_by");
  CREATE INDEX "techniques_review_due_idx" ON "techniques" USING btree ("review_due");
  CREATE INDEX "_techniques_v_version_version_review_by_idx" ON "_techniques_v" USING btree ("version_review_by");
  CREATE INDEX "_techniques_v_version_version_review_due_idx" ON "_techniques_v" USING btree ("version_review_due");
  CREATE INDEX "faqs_review_by_idx" ON "faqs" USING btree ("review_by");
  CREATE INDEX "faqs_review_due_idx" ON "faqs" USING btree ("review_due");
  CREATE INDEX "_faqs_v_version_version_review_by_idx" ON "_faqs_v" USING btree ("version_review_by");
  CREATE INDEX "_faqs_v_version_version_review_due_idx" ON "_faqs_v" USING btree ("version_review_due");
  CREATE INDEX "myths_review_by_idx" ON "myths" USING btree ("review_by");
  CREATE INDEX "myths_review_due_idx" ON "myths" USING btree ("review_due");
  CREATE INDEX "_myths_v_version_version_review_by_idx" ON "_myths_v" USING btree ("version_review_by");
  CREATE INDEX "_myths_v_version_version_review_due_idx" ON "_myths_v" USING btree ("version_review_due");
  CREATE INDEX "payload_locked_documents_rels_workflow_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_comments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "techniques_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_techniques_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "faqs_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_faqs_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "myths_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_myths_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "users_reviewer_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "workflow_comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "workflow_comments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "techniques_rels" CASCADE;
  DROP TABLE "_techniques_v_rels" CASCADE;
  DROP TABLE "faqs_rels" CASCADE;
  DROP TABLE "_faqs_v_rels" CASCADE;
  DROP TABLE "myths_rels" CASCADE;
  DROP TABLE "_myths_v_rels" CASCADE;
  DROP TABLE "users_reviewer_roles" CASCADE;
  DROP TABLE "workflow_comments" CASCADE;
  DROP TABLE "workflow_comments_rels" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "articles_rels" DROP CONSTRAINT "articles_rels_users_fk";
  
  ALTER TABLE "_articles_v_rels" DROP CONSTRAINT "_articles_v_rels_users_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_workflow_comments_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_action";
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'withdraw', 'request_changes', 'approve', 'publish', 'unpublish');
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_workflow_events_action" USING "action"::"public"."enum_workflow_events_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'scheduledWorkflowAction', 'purgeCdnTags');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'scheduledWorkflowAction', 'purgeCdnTags');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_review_by_idx";
  DROP INDEX "articles_review_due_idx";
  DROP INDEX "articles_rels_users_id_idx";
  DROP INDEX "_articles_v_version_version_review_by_idx";
  DROP INDEX "_articles_v_version_version_review_due_idx";
  DROP INDEX "_articles_v_rels_users_id_idx";
  DROP INDEX "techniques_review_by_idx";
  DROP INDEX "techniques_review_due_idx";
  DROP INDEX "_techniques_v_version_version_review_by_idx";
  DROP INDEX "_techniques_v_version_version_review_due_idx";
  DROP INDEX "faqs_review_by_idx";
  DROP INDEX "faqs_review_due_idx";
  DROP INDEX "_faqs_v_version_version_review_by_idx";
  DROP INDEX "_faqs_v_version_version_review_due_idx";
  DROP INDEX "myths_review_by_idx";
  DROP INDEX "myths_review_due_idx";
  DROP INDEX "_myths_v_version_version_review_by_idx";
  DROP INDEX "_myths_v_version_version_review_due_idx";
  DROP INDEX "payload_locked_documents_rels_workflow_comments_id_idx";
  ALTER TABLE "articles" DROP COLUMN "review_by";
  ALTER TABLE "articles" DROP COLUMN "review_due";
  ALTER TABLE "articles" DROP COLUMN "knock_on";
  ALTER TABLE "articles" DROP COLUMN "workflow_submitted_version";
  ALTER TABLE "articles" DROP COLUMN "workflow_approvals";
  ALTER TABLE "articles" DROP COLUMN "workflow_due_date";
  ALTER TABLE "articles_rels" DROP COLUMN "users_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_due";
  ALTER TABLE "_articles_v" DROP COLUMN "version_knock_on";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_submitted_version";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_approvals";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_due_date";
  ALTER TABLE "_articles_v_rels" DROP COLUMN "users_id";
  ALTER TABLE "techniques" DROP COLUMN "review_by";
  ALTER TABLE "techniques" DROP COLUMN "review_due";
  ALTER TABLE "techniques" DROP COLUMN "knock_on";
  ALTER TABLE "techniques" DROP COLUMN "workflow_submitted_version";
  ALTER TABLE "techniques" DROP COLUMN "workflow_approvals";
  ALTER TABLE "techniques" DROP COLUMN "workflow_due_date";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_review_due";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_knock_on";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_submitted_version";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_approvals";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_workflow_due_date";
  ALTER TABLE "faqs" DROP COLUMN "review_by";
  ALTER TABLE "faqs" DROP COLUMN "review_due";
  ALTER TABLE "faqs" DROP COLUMN "knock_on";
  ALTER TABLE "faqs" DROP COLUMN "workflow_submitted_version";
  ALTER TABLE "faqs" DROP COLUMN "workflow_approvals";
  ALTER TABLE "faqs" DROP COLUMN "workflow_due_date";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_review_due";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_knock_on";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_submitted_version";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_approvals";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_workflow_due_date";
  ALTER TABLE "myths" DROP COLUMN "review_by";
  ALTER TABLE "myths" DROP COLUMN "review_due";
  ALTER TABLE "myths" DROP COLUMN "knock_on";
  ALTER TABLE "myths" DROP COLUMN "workflow_submitted_version";
  ALTER TABLE "myths" DROP COLUMN "workflow_approvals";
  ALTER TABLE "myths" DROP COLUMN "workflow_due_date";
  ALTER TABLE "_myths_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_myths_v" DROP COLUMN "version_review_due";
  ALTER TABLE "_myths_v" DROP COLUMN "version_knock_on";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_submitted_version";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_approvals";
  ALTER TABLE "_myths_v" DROP COLUMN "version_workflow_due_date";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "workflow_comments_id";
  DROP TYPE "public"."enum_users_reviewer_roles";`)
}
