/**
 * `npm start` builds the admin (next build) only when it is missing or its inputs changed.
 * The inputs' fingerprint is stored beside the build. The benchmark builds its stock Payload
 * app (bench/stock) the same way.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { projectRoot } from '../config'
import type { Logger } from '../logging'

/** A Next app of this project and what its build is made from (paths relative to the project root). */
export interface NextBuild {
  /** The app's folder, holding its next.config and, after a build, its .next folder. */
  dir: string
  inputs: string[]
  /** Inside the inputs, what never changes the build. */
  notInBuild: string[]
}

export const ADMIN_BUILD: NextBuild = {
  dir: '.',
  inputs: ['src', 'collections', 'payload.config.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json'],
  // Parts of src/ that run outside Next.
  notInBuild: ['src/server', 'src/scripts', 'src/db'],
}

const fingerprintFile = (build: NextBuild) => path.join(projectRoot, build.dir, '.next', 'spa-cms-build-inputs')

function filesUnder(entry: string, skipped: Set<string>): string[] {
  if (skipped.has(entry) || !existsSync(entry)) return []
  if (!statSync(entry).isDirectory()) return [entry]
  return readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name), skipped))
}

export function buildInputsFingerprint(build: NextBuild = ADMIN_BUILD): string {
  const skipped = new Set(build.notInBuild.map((entry) => path.join(projectRoot, entry)))
  const hash = createHash('sha256')
  for (const file of build.inputs.flatMap((input) => filesUnder(path.join(projectRoot, input), skipped))) {
    hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export function isBuildCurrent(build: NextBuild = ADMIN_BUILD): boolean {
  const built = existsSync(path.join(projectRoot, build.dir, '.next', 'BUILD_ID')) && existsSync(fingerprintFile(build))
  return built && readFileSync(fingerprintFile(build), 'utf8').trim() === buildInputsFingerprint(build)
}

function runNextBuild(build: NextBuild): Promise<void> {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: path.join(projectRoot, build.dir),
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`)),
    )
  })
}

const LOCK_DIR = path.join(projectRoot, '.build.lock')
const STALE_LOCK_MS = 10 * 60 * 1000

const LOCK_OWNER = path.join(LOCK_DIR, 'pid')

/** A lock left by a process that is gone (killed mid-build) is nobody's. */
function isAbandoned(): boolean {
  const owner = Number(readFileSync(LOCK_OWNER, { encoding: 'utf8', flag: 'r' }).trim())
  try {
    process.kill(owner, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

function isStaleLock(): boolean {
  const lock = statSync(LOCK_DIR, { throwIfNoEntry: false })
  if (!lock) return false
  try {
    return isAbandoned() || Date.now() - lock.mtimeMs > STALE_LOCK_MS
  } catch {
    // No owner written yet: its maker is between mkdir and writing it, unless that was long ago.
    return Date.now() - lock.mtimeMs > STALE_LOCK_MS
  }
}

/** One build at a time in this project (a server and a test run may both ask); mkdir is atomic. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR)
      writeFileSync(LOCK_OWNER, String(process.pid))
      break
    } catch {
      if (isStaleLock()) rmSync(LOCK_DIR, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true })
  }
}

export async function ensureBuild(logger: Logger, build: NextBuild = ADMIN_BUILD): Promise<void> {
  if (isBuildCurrent(build)) return
  await withBuildLock(async () => {
    if (isBuildCurrent(build)) return // built by whoever held the lock
    logger.info({ dir: build.dir }, 'building the Next app (next build); this takes about a minute the first time')
    const fingerprint = buildInputsFingerprint(build)
    await runNextBuild(build)
    writeFileSync(fingerprintFile(build), fingerprint + '\n')
  })
}
