/**
 * Typed GraphQL for the site: every `graphql(\`…\`)` document under src/ is checked against the
 * CMS's committed schema (../../schema.graphql, written by the CMS's `npm run generate`) and gets
 * its result and variable types in src/gql/. Run `npm run codegen` after changing a query.
 */
import type { CodegenConfig } from '@graphql-codegen/cli'

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      // Documents as typed strings: no GraphQL client library is shipped to run them.
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', EmailAddress: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
}

export default config
