/**
 * How the server refuses to start: a clear sentence and exit code 1, never a stack trace.
 */
import { collectOutput, spawnServer, waitForExit } from '../helpers/server'

it('refuses to start in production without a real PAYLOAD_SECRET', async () => {
  const child = spawnServer({ NODE_ENV: 'production', PAYLOAD_SECRET: '' })
  const output = collectOutput(child)
  expect(await waitForExit(child)).toBe(1)
  expect(output()).toContain('spa-cms cannot start: PAYLOAD_SECRET is not set')
  expect(output()).not.toMatch(/\n\s+at /)
})

it('refuses to start in production with a placeholder secret', async () => {
  const child = spawnServer({ NODE_ENV: 'production', PAYLOAD_SECRET: 'change-me-change-me-change-me-change-me' })
  const output = collectOutput(child)
  expect(await waitForExit(child)).toBe(1)
  expect(output()).toContain('PAYLOAD_SECRET is a placeholder value')
})
