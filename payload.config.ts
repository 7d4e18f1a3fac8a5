import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import path from 'node:path'
import { buildConfig, type CollectionConfig, type CollectionSlug, type Payload } from 'payload'
import type { Pool } from 'pg'

import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Faqs } from './collections/Faqs'
import { mediaCollection } from './collections/Media'
import { Myths } from './collections/Myths'
import { Techniques } from './collections/Techniques'
import { Users } from './collections/Users'
import { isAdminUser } from './src/access/roles'
import { projectRoot, settings as processSettings, type S3Settings, type Settings } from './src/config'
import { cdnPurge } from './src/cdnPurge'
import { DATABASE_POOL_SIZE } from './src/db/poolSize'
import { imagesOfLivePages } from './src/images'
import { jobRunners } from './src/jobs'
import { payloadLoggerOptions } from './src/logging'
import { previewLinks } from './src/preview'
import { readCache } from './src/readCache'
import { releases } from './src/releases'
import { slugRedirects } from './src/redirects'
import { seoFields } from './src/seo'
import { limitQueryCost } from './src/security/graphqlCost'
import { limitQueryDepth } from './src/security/graphqlDepth'
import { docAccessQueriesHidingUnreadable } from './src/security/documentAccess'
import { protectEveryCollection } from './src/security/everyCollection'
import { MAX_DEPTH } from './src/security/queryGuards'
import { sitemap } from './src/sitemap'
import { editorialWorkflow, type EditorialWorkflowOptions } from './src/workflow'
import { emailAdapter } from './src/workflow/email'

/**
 * The editorial collections and how each takes part in the workflow: the one place that names
 * them. Everything else (access, audit trail, queue, jobs, read cache…) derives from the config.
 */
export const EDITORIAL: EditorialWorkflowOptions['collections'] = {
  articles: {
    autosave: true,
    checklist: {
      required: [
        { field: 'excerpt', kind: 'missing_excerpt', message: 'The article has no excerpt.' },
        {
          field: 'seo.metaDescription',
          kind: 'missing_seo_description',
          message: 'The article has no SEO meta description.',
        },
      ],
      texts: ['title', 'excerpt', 'content', 'seo.metaTitle', 'seo.metaDescription'],
      // A guide's health statements cite their sources where they are made.
      claimsNeedSources: true,
    },
  },
  // Health advice is read again after a while: a technique every two years, FAQs and myths every year.
  techniques: { reviewEvery: { months: 24 } },
  faqs: { reviewEvery: { months: 12 } },
  myths: {
    reviewEvery: { months: 12 },
    // A myth's fact is a health claim: two reviewers qualified to check claims approve it.
    approvals: 2,
    approverRole: 'claims-reviewer',
    // It needs a source before anyone reviews it.
    requiredToSubmit: [
      {
        field: 'sources',
        message: 'Cite at least one source (a title and a link) for the fact before submitting the myth.',
      },
    ],
    // Its sources are not read for health claims (claims.ts): they title other people's publications.
  },
}
/**
 * Outside production Payload refuses to start when its packages differ in version. Our plugins at
 * 3.90.1 run on payload 3.90.2 through npm `overrides` (README: Dependency versions), which
 * tests/unit/dependencyVersions.test.ts checks in its place, allowing exactly that difference.
 */
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER = 'true'
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** Browsers may call the API (CORS) and use the login cookie (CSRF) only from these origins. */
const trustedOriginsOf = (settings: Settings) => [settings.serverUrl, ...settings.security.allowedOrigins]
/** Fields nested deeper than this in one GraphQL query are refused (legit front-end queries need about 7). */
const MAX_GRAPHQL_DEPTH = 10
/** An article page's query costs about 70, a page of 100 FAQs with answers about 2,200 (see graphqlCost.ts). */
const MAX_GRAPHQL_COST = 5000

/**
 * When Postgres stops or restarts, the idle connections in Payload's pool die (code 57P01) and the
 * pool emits `error`. db-postgres adds no listener, so that would be an uncaught exception: fatal
 * in our scripts, logged as `uncaughtException` by Next's catch-all in the server. The pool drops
 * the dead connections itself and opens new ones once Postgres answers again.
 */
function surviveLostConnections(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  pool?.on('error', (error: Error & { code?: string }) =>
    payload.logger.warn({ code: error.code, reason: error.message }, 'database connection lost'),
  )
}

/**
 * Media in an S3-compatible bucket when S3_BUCKET is set, so every instance serves every upload;
 * on this machine's disk (MEDIA_DIR) otherwise. The plugin is always listed (disabled without a
 * bucket) so that the admin import map is the same either way.
 */
const mediaStorage = (s3: S3Settings | undefined) =>
  s3Storage({
    enabled: Boolean(s3),
    // Its `_objectKey` field exists either way: one database schema, one set of migrations.
    alwaysInsertFields: true,
    collections: { media: true },
    bucket: s3?.bucket ?? '',
    config: {
      endpoint: s3?.endpoint,
      region: s3?.region,
      forcePathStyle: s3?.forcePathStyle,
      credentials:
        s3?.accessKeyId && s3.secretAccessKey
          ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
          : undefined,
    },
  })

export interface SpaCmsConfigParts {
  settings: Settings
  /** The content collections, editorial ones included (those named in `editorial`). */
  contentCollections: CollectionConfig[]
  editorial: EditorialWorkflowOptions['collections']
}

/** The whole CMS for these settings and content collections (a test may add one of its own). */
export const spaCmsConfig = ({ settings, contentCollections, editorial }: SpaCmsConfigParts) =>
  buildConfig({
    serverURL: settings.serverUrl,
    secret: settings.payloadSecret,
    telemetry: false,
    onInit: surviveLostConnections,
    cors: trustedOriginsOf(settings),
    csrf: trustedOriginsOf(settings),
    maxDepth: MAX_DEPTH,
    admin: {
      user: Users.slug,
      // Payload's default is a gravatar image, which the content security policy (img-src 'self') blocks.
      avatar: 'default',
      meta: { titleSuffix: ' · spa-cms' },
      importMap: {
        baseDir: projectRoot,
        importMapFile: path.resolve(projectRoot, 'src/app/(payload)/admin/importMap.js'),
        autoGenerate: false,
      },
    },
    collections: [...contentCollections, mediaCollection(settings.mediaDir), Users],
    email: emailAdapter(settings.smtp),
    jobs: {
      // Payload's default lets any logged-in user run, queue and cancel jobs (GET /api/payload-jobs/run).
      access: {
        run: ({ req }) => isAdminUser(req.user),
        queue: ({ req }) => isAdminUser(req.user),
        cancel: ({ req }) => isAdminUser(req.user),
      },
    },
    sharp,
    upload: { limits: { fileSize: MAX_UPLOAD_BYTES } },
    editor: lexicalEditor(),
    plugins: [
      // Every queue (the workflow's, releases', CDN purges'): one claim per job, none lost with its runner.
      jobRunners(),
      // First among content plugins: the workflow's checklist reads `seo.metaDescription` of articles.
      seoFields({ collections: Object.keys(editorial) as CollectionSlug[], uploadsCollection: 'media' }),
      editorialWorkflow({
        collections: editorial,
        serverUrl: settings.serverUrl,
        webhooks: { urls: settings.webhookUrls, secret: settings.webhookSecret },
        // The job runner (JOBS_RUNNER): exactly one process when several serve one database.
        runJobs: settings.jobsRunner,
        scheduleCheckSeconds: settings.scheduleCheckSeconds,
      }),
      // After the workflow: a release publishes its items through it, and its audit trail names releases.
      releases({ collections: Object.keys(editorial) as CollectionSlug[] }),
      // Purges travel in the workflow's webhook queue, on publish and unpublish.
      cdnPurge({ endpoint: settings.cdnPurge, runJobs: settings.jobsRunner }),
      // After the workflow, which gives the editorial collections their drafts.
      readCache(),
      imagesOfLivePages({ uploads: 'media' }),
      slugRedirects({ collections: Object.keys(editorial) as CollectionSlug[] }),
      mediaStorage(settings.s3),
      // After the workflow too: a preview link extends the read rule the editorial collections have by then.
      sitemap({
        siteUrl: settings.preview.siteUrl,
        // The reference site's pages (examples/spa-site/src/app).
        pages: {
          articles: { pageOf: (doc) => `/articles/${doc.slug}` },
          techniques: { pageOf: (doc) => `/techniques/${doc.slug}` },
          faqs: { listedAt: '/faq' },
          myths: { listedAt: '/myths' },
        },
      }),
      previewLinks({
        collections: Object.keys(editorial) as CollectionSlug[],
        siteUrl: settings.preview.siteUrl,
        ttlSeconds: settings.preview.linkSeconds,
        // After imagesOfLivePages: a preview shows its draft's images, public or not yet.
        uploads: 'media',
      }),
    ],
    db: postgresAdapter({
      pool: {
        // Unset only while generating types or the import map, which never connect.
        connectionString: settings.databaseUrl ?? '',
        connectionTimeoutMillis: 5_000,
        max: DATABASE_POOL_SIZE,
        // No request may hold a pooled connection, and the others waiting for it, for longer.
        statement_timeout: 15_000,
      },
      // Reads go to a replica (except this instance's reads just after its own writes); see README.
      readReplicas: settings.databaseReplicaUrls.length > 0 ? settings.databaseReplicaUrls : undefined,
      // Schema changes go through committed migrations everywhere (see README: Migrations).
      push: false,
      migrationDir: path.resolve(projectRoot, 'migrations'),
    }),
    logger: { options: payloadLoggerOptions(settings.logLevel) },
    typescript: {
      outputFile: path.resolve(projectRoot, 'payload-types.ts'),
      // `npm run generate` writes types on purpose; Payload must not spawn it on every start.
      autoGenerate: false,
    },
    graphQL: {
      schemaOutputFile: path.resolve(projectRoot, 'schema.graphql'),
      queries: (_graphql, { collections, Query }) => docAccessQueriesHidingUnreadable(collections, Query.fields),
      maxComplexity: 1000,
      validationRules: (args) => [
        limitQueryDepth(MAX_GRAPHQL_DEPTH),
        limitQueryCost(MAX_GRAPHQL_COST, args.variableValues ?? {}),
      ],
      disableIntrospectionInProduction: true,
      disablePlaygroundInProduction: true,
    },
  }).then(protectEveryCollection)

export default spaCmsConfig({
  settings: processSettings(),
  contentCollections: [Articles, Techniques, Faqs, Myths],
  editorial: EDITORIAL,
})
