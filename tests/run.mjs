/**
 * `npm test`: lint, type check, unit/integration/security tests (jest), then the browser tests.
 * Lint runs beside the type check, and the admin build (`npm run build`, which jest's global
 * setup would otherwise do first) follows the type check: on two cores the three take about
 * 80 s instead of 110 s one after the other. The build waits for the type check because it writes
 * next-env.d.ts, which tsc reads. Each step's output is printed whole, once it ends, so the two
 * never interleave. The first failure stops the run, as `a && b && c` did.
 */
import { spawn } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Runs `npm run <script>`, its output kept until the end (`live`: printed as it comes). */
function run(script, { live = false } = {}) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    child.once('error', (error) => resolve({ script, ok: false, output: `${output}\n${error.message}`, started }))
    child.once('exit', (code) => resolve({ script, ok: code === 0, output, started }))
  })
}

function report({ script, ok, output, started }) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  process.stdout.write(`\n> npm run ${script}: ${ok ? 'passed' : 'FAILED'} in ${seconds} s\n${output}`)
  return ok
}

const lint = run('lint').then(report)
const typecheckThenBuild = run('typecheck')
  .then(report)
  .then(async (typed) => {
    if (!typed) return false
    if (process.env.SKIP_BUILD === '1') return true
    return report(await run('build'))
  })
const checked = (await Promise.all([lint, typecheckThenBuild])).every(Boolean)
if (!checked) process.exit(1)

for (const script of ['test:jest', 'test:e2e']) {
  const { ok } = await run(script, { live: true })
  if (!ok) process.exit(1)
}
