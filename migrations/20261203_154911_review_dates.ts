import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_workflow_events_action" ADD VALUE 'confirm_current';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'markReviewsDue';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'markReviewsDue';
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "techniques" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "techniques" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "faqs" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "faqs" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "myths" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "myths" ADD COLUMN "review_due" boolean DEFAULT false;
  ALTER TABLE "_myths_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_myths_v" ADD COLUMN "version_review_due" boolean DEFAULT false;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  CREATE INDEX "articles_review_by_idx" ON "articles" USING btree ("review_by");
  CREATE INDEX "articles_review_due_idx" ON "articles" USING btree ("review_due");
  CREATE INDEX "_articles_v_version_version_review_by_idx" ON "_articles_v" USING btree ("version_review_by");
  CREATE INDEX "_articles_v_version_version_review_due_idx" ON "_articles_v" USING btree ("version_review_due");
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
  CREATE INDEX "_myths_v_version_version_review_due_idx" ON "_myths_v" USING btree ("version_review_due");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_action";
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'withdraw', 'request_changes', 'approve', 'publish', 'unpublish');
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_workflow_events_action" USING "action"::"public"."enum_workflow_events_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'scheduledWorkflowAction', 'workflowThreadMail');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendWorkflowWebhook', 'scheduledWorkflowAction', 'workflowThreadMail');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_review_by_idx";
  DROP INDEX "articles_review_due_idx";
  DROP INDEX "_articles_v_version_version_review_by_idx";
  DROP INDEX "_articles_v_version_version_review_due_idx";
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
  ALTER TABLE "articles" DROP COLUMN "review_by";
  ALTER TABLE "articles" DROP COLUMN "review_due";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_due";
  ALTER TABLE "techniques" DROP COLUMN "review_by";
  ALTER TABLE "techniques" DROP COLUMN "review_due";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_review_due";
  ALTER TABLE "faqs" DROP COLUMN "review_by";
  ALTER TABLE "faqs" DROP COLUMN "review_due";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_review_due";
  ALTER TABLE "myths" DROP COLUMN "review_by";
  ALTER TABLE "myths" DROP COLUMN "review_due";
  ALTER TABLE "_myths_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_myths_v" DROP COLUMN "version_review_due";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";`)
}
