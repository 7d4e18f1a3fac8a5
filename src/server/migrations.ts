import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../config'

/**
 * Applies pending migrations in a child process: loading the Payload config in this process
 * as well as inside Next would keep two copies of it in memory.
 */
export function applyMigrations(databaseUrl: string): Promise<void> {
  const script = path.join(projectRoot, 'src', 'scripts', 'migrate.ts')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, 'up'], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl },
    })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrations failed (exit code ${code})`))))
  })
}
