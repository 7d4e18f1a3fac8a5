/**
 * `npm run test:e2e`: the browser tests, in Debian's Chromium. On a developer machine without
 * Chromium they are skipped with a notice; in CI (CI=true) a missing browser is a failure.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  const message = `No Chromium at ${chromium}: install it (apt-get install -y chromium) or set E2E_CHROMIUM.`
  if (process.env.CI === 'true') {
    console.error(`Browser tests cannot run. ${message}`)
    process.exit(1)
  }
  console.warn(`Skipping the browser tests. ${message}`)
  process.exit(0)
}
const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '-c', 'jest.e2e.config.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
process.exit(jest.status ?? 1)
