/**
 * Browser tests (npm run test:e2e): Chromium drives the admin UI of one real server, started by
 * the global setup on a fresh database. The scenarios build on each other, so they run in one
 * file, in order (workflow.e2e.ts). The reference site's test (site.e2e.ts) has a CMS and a
 * database of its own and spends most of its time building the site: it runs beside the editorial
 * flow, in a second worker, while that one mostly waits on the browser and the job runner.
 */
import base from './jest.config.mjs'

export default {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/tests/e2e/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/e2e/setup/globalTeardown.ts',
  testTimeout: 120_000,
  maxWorkers: 2,
}
