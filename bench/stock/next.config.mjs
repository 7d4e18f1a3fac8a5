import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'

/** The stock app's Next settings: spa-cms's, except that it serves only the API routes. */
export default withPayload(
  {
    poweredByHeader: false,
    typescript: { ignoreBuildErrors: true },
    experimental: { serverMinification: false },
    // The collections and node_modules live in the project root, two folders up.
    turbopack: { root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..') },
  },
  { devBundleServerPackages: false },
)
