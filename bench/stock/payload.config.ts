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
import { buildConfig, type Access, type CollectionConfig, type Field } from 'payload'
import sharp from 'sharp'

import { Articles } from '../../collections/Articles'
import { Faqs } from '../../collections/Faqs'
import { Media } from '../../collections/Media'
import { Myths } from '../../collections/Myths'
import { Techniques } from '../../collections/Techniques'
import { Users } from '../../collections/Users'
import { WorkflowEvents } from '../../collections/WorkflowEvents'

const publishedOrLoggedIn: Access = ({ req }) => (req.user ? true : { _status: { equals: 'published' } })

function withoutHooks(field: Field): Field {
  const { hooks: _hooks, ...rest } = field as Field & { hooks?: unknown }
  return 'fields' in rest && Array.isArray(rest.fields) ? ({ ...rest, fields: rest.fields.map(withoutHooks) } as Field) : (rest as Field)
}

function stock({ hooks: _hooks, access: _access, endpoints: _endpoints, admin, fields, ...rest }: CollectionConfig, read?: Access): CollectionConfig {
  return {
    ...rest,
    admin: { useAsTitle: admin?.useAsTitle },
    ...(read ? { access: { read } } : {}),
    fields: fields.map(withoutHooks),
  }
}

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET ?? '',
  telemetry: false,
  collections: [
    stock(Articles, publishedOrLoggedIn),
    stock(Techniques, publishedOrLoggedIn),
    stock(Faqs, publishedOrLoggedIn),
    stock(Myths, publishedOrLoggedIn),
    stock(Media, () => true),
    stock(Users),
    stock(WorkflowEvents),
  ],
  sharp,
  editor: lexicalEditor(),
  db: postgresAdapter({ pool: { connectionString: process.env.DATABASE_URL ?? '' }, push: false }),
  typescript: { autoGenerate: false },
})
