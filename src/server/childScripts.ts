/**
 * Start-up steps that need Payload run as child processes: loading the Payload config in this
 * process as well as inside Next would keep two copies of it in memory.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../config'

/**
 * How we run our TypeScript entry points. `--conditions=production` makes Lexical's packages
 * resolve to their plain builds: their default Node entries select a build with top-level
 * await, which deadlocks Node 20's module loader now and then (the process exits 13 having
 * done nothing). The npm scripts in package.json use the same flags.
 */
export const TYPESCRIPT_NODE_ARGS = ['--conditions=production', '--import', 'tsx']

function runScript(script: string, args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, 'src', 'scripts', script), ...args],
      {
        cwd: projectRoot,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    )
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} failed (exit code ${code})`)),
    )
  })
}

export const applyMigrations = (databaseUrl: string) => runScript('migrate.ts', ['up'], databaseUrl)

/** First start of an empty database: demo content, so the admin and the API show something. */
export const loadDemoContentIfEmpty = (databaseUrl: string) => runScript('seed.ts', ['--if-empty'], databaseUrl)
