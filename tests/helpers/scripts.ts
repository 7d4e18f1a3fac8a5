import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../../src/config'
import { TYPESCRIPT_NODE_ARGS } from '../../src/server/childScripts'

export interface ScriptResult {
  code: number | null
  output: string
}

/** Runs one of our npm scripts' entry points (src/scripts/<name>.ts) as a child process. */
export function runProjectScript(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ScriptResult> {
  const child = spawn(
    process.execPath,
    [...TYPESCRIPT_NODE_ARGS, path.join(projectRoot, 'src', 'scripts', `${name}.ts`), ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })))
}
