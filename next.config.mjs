import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Type checking is `npm run typecheck` (part of `npm test`), over the whole project at once.
  typescript: { ignoreBuildErrors: true },
  // Minified server code renames classes, and Payload names its errors after their class
  // (an APIError would reach clients as "An unknown error occurred.").
  experimental: { serverMinification: false },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
