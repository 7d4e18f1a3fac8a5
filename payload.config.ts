import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { buildConfig } from 'payload'

import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Faqs } from './collections/Faqs'
import { Media } from './collections/Media'
import { Myths } from './collections/Myths'
import { Techniques } from './collections/Techniques'
import { Users } from './collections/Users'
import { projectRoot, settings as processSettings } from './src/config'
import { payloadLoggerOptions } from './src/logging'

const settings = processSettings()
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export default buildConfig({
  serverURL: settings.serverUrl,
  secret: settings.payloadSecret,
  telemetry: false,
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · spa-cms' },
    importMap: {
      baseDir: projectRoot,
      importMapFile: path.resolve(projectRoot, 'src/app/(payload)/admin/importMap.js'),
      autoGenerate: false,
    },
  },
  collections: [Articles, Techniques, Faqs, Myths, Media, Users],
  sharp,
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES } },
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: {
      // Unset only while generating types or the import map, which never connect.
      connectionString: settings.databaseUrl ?? '',
      connectionTimeoutMillis: 5_000,
    },
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
  },
})
