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
}

export default nextConfig
