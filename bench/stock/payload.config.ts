/**
 * T1s, the benchmark's stock Payload 3.90.2: spa-cms's collections with the same fields, database
 * and GraphQL schema, but none of spa-cms's hooks (collection and field), access rules, custom
 * endpoints, query guards, GraphQL limits or workflow. What it keeps is what any Payload app with
 * drafts must have to be public at all: anonymous readers get published documents only (Payload's
 * documented `_status` read filter), and the fields' own read rules that keep staff-only fields
 * (the workflow group and history) out of public answers, so that both apps send the same bytes.
 */
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type Access, type CollectionConfig, type CollectionSlug, type Config, type Field } from 'payload'
import sharp from 'sharp'

import { Articles } from '../../collections/Articles'
import { Faqs } from '../../collections/Faqs'
import { mediaCollection } from '../../collections/Media'
import { Myths } from '../../collections/Myths'
import { Techniques } from '../../collections/Techniques'
import { Users } from '../../collections/Users'
import { EDITORIAL } from '../../payload.config'
import { seoFields } from '../../src/seo'
import { editorialWorkflow } from '../../src/workflow'

const publishedOrLoggedIn: Access = ({ req }) => (req.user ? true : { _status: { equals: 'published' } })

function withoutHooks(field: Field): Field {
  const { hooks: _hooks, ...rest } = field as Field & { hooks?: unknown }
  return 'fields' in rest && Array.isArray(rest.fields)
    ? ({ ...rest, fields: rest.fields.map(withoutHooks) } as Field)
    : (rest as Field)
}

function stock(
  { hooks: _hooks, access: _access, endpoints: _endpoints, admin, fields, ...rest }: CollectionConfig,
  read?: Access,
): CollectionConfig {
  return {
    ...rest,
    admin: { useAsTitle: admin?.useAsTitle },
    ...(read ? { access: { read } } : {}),
    fields: fields.map(withoutHooks),
  }
}

/**
 * The collections with the fields spa-cms's plugins give them, in the same order: the SEO group,
 * then the workflow's (slug, author, workflow group, audit trail). A field missing here would make
 * stock's answers shorter than spa-cms's, and the bench would compare unequal work.
 */
const withPluginFields =
  [
    seoFields({ collections: Object.keys(EDITORIAL) as CollectionSlug[], uploadsCollection: 'media' }),
    editorialWorkflow({ collections: EDITORIAL, serverUrl: '' }),
  ].reduce((config, plugin) => plugin(config) as Config, { collections: [Articles, Techniques, Faqs, Myths] } as Config)
    .collections ?? []
const editorial = new Set(Object.keys(EDITORIAL))

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET ?? '',
  telemetry: false,
  collections: [
    ...withPluginFields.map((collection) =>
      stock(collection, editorial.has(collection.slug) ? publishedOrLoggedIn : undefined),
    ),
    stock(mediaCollection(process.env.MEDIA_DIR ?? 'media'), () => true),
    stock(Users),
  ],
  sharp,
  editor: lexicalEditor(),
  db: postgresAdapter({ pool: { connectionString: process.env.DATABASE_URL ?? '' }, push: false }),
  typescript: { autoGenerate: false },
})
