import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Type checking is `npm run typecheck` (part of `npm test`), over the whole project at once.
  typescript: { ignoreBuildErrors: true },
  // Minified server code renames classes, and Payload names its errors after their class
  // (an APIError would reach clients as "An unknown error occurred.").
  experimental: {
    serverMinification: false,
    // next build saves Turbopack's cache in .next/cache for the next build (about 170 MB, 12-40 s
    // of a 2-core CI machine); a CI run starts from a fresh clone and never reads it back.
    turbopackFileSystemCacheForBuild: process.env.CI !== 'true',
    // Cookies ignore ports: a front end beside the CMS on the same host (the reference site on
    // localhost:3001) sends its draft-mode cookie here too, and Next would delete a draft-mode
    // cookie it did not issue on every admin request, ending the preview in Live Preview's frame.
    // The CMS never uses Next's draft mode itself; this leaves other apps' cookies alone.
    multiZoneDraftMode: true,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
