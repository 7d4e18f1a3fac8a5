import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The site is its own project inside the CMS's repository: it must not pick up the CMS's files.
  turbopack: { root: here },
  outputFileTracingRoot: here,
  poweredByHeader: false,
  reactStrictMode: true,
  // The build's Turbopack cache (.next/cache) is for the next build on this machine; a CI run
  // starts from a fresh clone and never reads it back, so it does not spend the time writing it.
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== 'true' },
}

export default nextConfig
