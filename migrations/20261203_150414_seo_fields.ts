import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "seo_image_id" integer;
  ALTER TABLE "articles" ADD COLUMN "seo_canonical" varchar;
  ALTER TABLE "articles" ADD COLUMN "seo_noindex" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_seo_image_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_seo_canonical" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_seo_noindex" boolean DEFAULT false;
  ALTER TABLE "techniques" ADD COLUMN "seo_meta_title" varchar;
  ALTER TABLE "techniques" ADD COLUMN "seo_meta_description" varchar;
  ALTER TABLE "techniques" ADD COLUMN "seo_image_id" integer;
  ALTER TABLE "techniques" ADD COLUMN "seo_canonical" varchar;
  ALTER TABLE "techniques" ADD COLUMN "seo_noindex" boolean DEFAULT false;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_seo_meta_title" varchar;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_seo_meta_description" varchar;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_seo_image_id" integer;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_seo_canonical" varchar;
  ALTER TABLE "_techniques_v" ADD COLUMN "version_seo_noindex" boolean DEFAULT false;
  ALTER TABLE "faqs" ADD COLUMN "seo_meta_title" varchar;
  ALTER TABLE "faqs" ADD COLUMN "seo_meta_description" varchar;
  ALTER TABLE "faqs" ADD COLUMN "seo_image_id" integer;
  ALTER TABLE "faqs" ADD COLUMN "seo_canonical" varchar;
  ALTER TABLE "faqs" ADD COLUMN "seo_noindex" boolean DEFAULT false;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_seo_meta_title" varchar;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_seo_meta_description" varchar;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_seo_image_id" integer;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_seo_canonical" varchar;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_seo_noindex" boolean DEFAULT false;
  ALTER TABLE "myths" ADD COLUMN "seo_meta_title" varchar;
  ALTER TABLE "myths" ADD COLUMN "seo_meta_description" varchar;
  ALTER TABLE "myths" ADD COLUMN "seo_image_id" integer;
  ALTER TABLE "myths" ADD COLUMN "seo_canonical" varchar;
  ALTER TABLE "myths" ADD COLUMN "seo_noindex" boolean DEFAULT false;
  ALTER TABLE "_myths_v" ADD COLUMN "version_seo_meta_title" varchar;
  ALTER TABLE "_myths_v" ADD COLUMN "version_seo_meta_description" varchar;
  ALTER TABLE "_myths_v" ADD COLUMN "version_seo_image_id" integer;
  ALTER TABLE "_myths_v" ADD COLUMN "version_seo_canonical" varchar;
  ALTER TABLE "_myths_v" ADD COLUMN "version_seo_noindex" boolean DEFAULT false;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_seo_image_id_media_id_fk" FOREIGN KEY ("seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_seo_image_id_media_id_fk" FOREIGN KEY ("version_seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "techniques" ADD CONSTRAINT "techniques_seo_image_id_media_id_fk" FOREIGN KEY ("seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_techniques_v" ADD CONSTRAINT "_techniques_v_version_seo_image_id_media_id_fk" FOREIGN KEY ("version_seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "faqs" ADD CONSTRAINT "faqs_seo_image_id_media_id_fk" FOREIGN KEY ("seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_faqs_v" ADD CONSTRAINT "_faqs_v_version_seo_image_id_media_id_fk" FOREIGN KEY ("version_seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "myths" ADD CONSTRAINT "myths_seo_image_id_media_id_fk" FOREIGN KEY ("seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_myths_v" ADD CONSTRAINT "_myths_v_version_seo_image_id_media_id_fk" FOREIGN KEY ("version_seo_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_seo_seo_image_idx" ON "articles" USING btree ("seo_image_id");
  CREATE INDEX "_articles_v_version_seo_version_seo_image_idx" ON "_articles_v" USING btree ("version_seo_image_id");
  CREATE INDEX "techniques_seo_seo_image_idx" ON "techniques" USING btree ("seo_image_id");
  CREATE INDEX "_techniques_v_version_seo_version_seo_image_idx" ON "_techniques_v" USING btree ("version_seo_image_id");
  CREATE INDEX "faqs_seo_seo_image_idx" ON "faqs" USING btree ("seo_image_id");
  CREATE INDEX "_faqs_v_version_seo_version_seo_image_idx" ON "_faqs_v" USING btree ("version_seo_image_id");
  CREATE INDEX "myths_seo_seo_image_idx" ON "myths" USING btree ("seo_image_id");
  CREATE INDEX "_myths_v_version_seo_version_seo_image_idx" ON "_myths_v" USING btree ("version_seo_image_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT "articles_seo_image_id_media_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_seo_image_id_media_id_fk";
  
  ALTER TABLE "techniques" DROP CONSTRAINT "techniques_seo_image_id_media_id_fk";
  
  ALTER TABLE "_techniques_v" DROP CONSTRAINT "_techniques_v_version_seo_image_id_media_id_fk";
  
  ALTER TABLE "faqs" DROP CONSTRAINT "faqs_seo_image_id_media_id_fk";
  
  ALTER TABLE "_faqs_v" DROP CONSTRAINT "_faqs_v_version_seo_image_id_media_id_fk";
  
  ALTER TABLE "myths" DROP CONSTRAINT "myths_seo_image_id_media_id_fk";
  
  ALTER TABLE "_myths_v" DROP CONSTRAINT "_myths_v_version_seo_image_id_media_id_fk";
  
  DROP INDEX "articles_seo_seo_image_idx";
  DROP INDEX "_articles_v_version_seo_version_seo_image_idx";
  DROP INDEX "techniques_seo_seo_image_idx";
  DROP INDEX "_techniques_v_version_seo_version_seo_image_idx";
  DROP INDEX "faqs_seo_seo_image_idx";
  DROP INDEX "_faqs_v_version_seo_version_seo_image_idx";
  DROP INDEX "myths_seo_seo_image_idx";
  DROP INDEX "_myths_v_version_seo_version_seo_image_idx";
  ALTER TABLE "articles" DROP COLUMN "seo_image_id";
  ALTER TABLE "articles" DROP COLUMN "seo_canonical";
  ALTER TABLE "articles" DROP COLUMN "seo_noindex";
  ALTER TABLE "_articles_v" DROP COLUMN "version_seo_image_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_seo_canonical";
  ALTER TABLE "_articles_v" DROP COLUMN "version_seo_noindex";
  ALTER TABLE "techniques" DROP COLUMN "seo_meta_title";
  ALTER TABLE "techniques" DROP COLUMN "seo_meta_description";
  ALTER TABLE "techniques" DROP COLUMN "seo_image_id";
  ALTER TABLE "techniques" DROP COLUMN "seo_canonical";
  ALTER TABLE "techniques" DROP COLUMN "seo_noindex";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_seo_meta_title";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_seo_meta_description";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_seo_image_id";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_seo_canonical";
  ALTER TABLE "_techniques_v" DROP COLUMN "version_seo_noindex";
  ALTER TABLE "faqs" DROP COLUMN "seo_meta_title";
  ALTER TABLE "faqs" DROP COLUMN "seo_meta_description";
  ALTER TABLE "faqs" DROP COLUMN "seo_image_id";
  ALTER TABLE "faqs" DROP COLUMN "seo_canonical";
  ALTER TABLE "faqs" DROP COLUMN "seo_noindex";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_seo_meta_title";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_seo_meta_description";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_seo_image_id";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_seo_canonical";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_seo_noindex";
  ALTER TABLE "myths" DROP COLUMN "seo_meta_title";
  ALTER TABLE "myths" DROP COLUMN "seo_meta_description";
  ALTER TABLE "myths" DROP COLUMN "seo_image_id";
  ALTER TABLE "myths" DROP COLUMN "seo_canonical";
  ALTER TABLE "myths" DROP COLUMN "seo_noindex";
  ALTER TABLE "_myths_v" DROP COLUMN "version_seo_meta_title";
  ALTER TABLE "_myths_v" DROP COLUMN "version_seo_meta_description";
  ALTER TABLE "_myths_v" DROP COLUMN "version_seo_image_id";
  ALTER TABLE "_myths_v" DROP COLUMN "version_seo_canonical";
  ALTER TABLE "_myths_v" DROP COLUMN "version_seo_noindex";`)
}
