/**
 * Start-up steps that need Payload run as child processes: loading the Payload config in this
 * process as well as inside Next would keep two copies of it in memory.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../config'

function runScript(script: string, args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'scripts', script), ...args], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl },
    })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} failed (exit code ${code})`))))
  })
}

export const applyMigrations = (databaseUrl: string) => runScript('migrate.ts', ['up'], databaseUrl)

/** First start of an empty database: demo content, so the admin and the API show something. */
export const loadDemoContentIfEmpty = (databaseUrl: string) => runScript('seed.ts', ['--if-empty'], databaseUrl)
