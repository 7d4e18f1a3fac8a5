/**
 * Browser tests (npm run test:e2e): Chromium drives the admin UI of one real server, started by
 * the global setup on a fresh database. The scenarios build on each other, so they run in one
 * file, in order, in one worker.
 */
import base from './jest.config.mjs'

export default {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/tests/e2e/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/e2e/setup/globalTeardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
}
