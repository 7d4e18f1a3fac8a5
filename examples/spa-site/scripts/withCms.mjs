#!/usr/bin/env node
/**
 * `npm run with-cms`: the CMS and the site side by side, with one command.
 * Starts the CMS (`npm start` in the repository root) with SITE_URL and the publish webhook
 * pointed at this site, waits until it answers, builds the site against it (the build reads the
 * CMS) and serves the site. Ctrl-C stops both.
 *
 * Settings: CMS_PORT (3000), SITE_PORT (3001), WEBHOOK_SECRET (made up for this run when unset).
 * Everything else of the CMS (DATABASE_URL, …) comes from its own .env or environment.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(site, '../..')
const cmsPort = process.env.CMS_PORT ?? '3000'
const sitePort = process.env.SITE_PORT ?? '3001'
const cmsUrl = `http://localhost:${cmsPort}`
const siteUrl = `http://localhost:${sitePort}`
const webhookSecret = process.env.WEBHOOK_SECRET ?? randomBytes(24).toString('hex')
const children = []

function run(command, args, options) {
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  children.push(child)
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${command} ${args.join(' ')} exited with ${code}; stopping.`)
      stop(code ?? 1)
    }
  })
  return child
}

let stopping = false
function stop(code = 0) {
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 200).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

async function waitForCms() {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${cmsUrl}/ready`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the CMS did not answer on ${cmsUrl}/ready within 5 minutes`)
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
run(npm, ['start'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: cmsPort,
    SERVER_URL: cmsUrl,
    SITE_URL: siteUrl,
    WEBHOOK_URLS: `${siteUrl}/api/revalidate`,
    WEBHOOK_SECRET: webhookSecret,
  },
})
await waitForCms()
const siteEnv = { ...process.env, CMS_URL: cmsUrl, WEBHOOK_SECRET: webhookSecret, NEXT_TELEMETRY_DISABLED: '1' }
const build = spawn(npm, ['run', 'build'], { cwd: site, stdio: 'inherit', env: siteEnv })
const built = await new Promise((resolve) => build.on('exit', resolve))
if (built !== 0) {
  console.error('the site build failed')
  stop(1)
} else {
  run(npm, ['start'], { cwd: site, env: { ...siteEnv, PORT: sitePort } })
  console.log(`\nspa-site: ${siteUrl}  (CMS admin: ${cmsUrl}/admin; Preview and Live Preview open the site)\n`)
}
