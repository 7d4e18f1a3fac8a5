/**
 * `npm start` builds the admin (next build) only when it is missing or its inputs changed.
 * The inputs' fingerprint is stored beside the build.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { projectRoot } from '../config'
import type { Logger } from '../logging'

const BUILD_INPUTS = ['src', 'collections', 'payload.config.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']
/** Parts of src/ that run outside Next and so never change the build. */
const NOT_IN_BUILD = new Set(['src/server', 'src/scripts', 'src/db'].map((dir) => path.join(projectRoot, dir)))
const FINGERPRINT_FILE = path.join(projectRoot, '.next', 'spa-cms-build-inputs')

function filesUnder(entry: string): string[] {
  if (NOT_IN_BUILD.has(entry) || !existsSync(entry)) return []
  if (!statSync(entry).isDirectory()) return [entry]
  return readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)))
}

export function buildInputsFingerprint(): string {
  const hash = createHash('sha256')
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(path.join(projectRoot, input)))) {
    hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export function isBuildCurrent(): boolean {
  const built = existsSync(path.join(projectRoot, '.next', 'BUILD_ID')) && existsSync(FINGERPRINT_FILE)
  return built && readFileSync(FINGERPRINT_FILE, 'utf8').trim() === buildInputsFingerprint()
}

function runNextBuild(): Promise<void> {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))))
  })
}

const LOCK_DIR = path.join(projectRoot, '.build.lock')
const STALE_LOCK_MS = 10 * 60 * 1000

/** One build at a time in this folder (a server and a test run may both ask); mkdir is atomic. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR)
      break
    } catch {
      const lock = statSync(LOCK_DIR, { throwIfNoEntry: false })
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true })
  }
}

export async function ensureBuild(logger: Logger): Promise<void> {
  if (isBuildCurrent()) return
  await withBuildLock(async () => {
    if (isBuildCurrent()) return // built by whoever held the lock
    logger.info('building the admin UI (next build); this takes about a minute the first time')
    const fingerprint = buildInputsFingerprint()
    await runNextBuild()
    writeFileSync(FINGERPRINT_FILE, fingerprint + '\n')
  })
}
