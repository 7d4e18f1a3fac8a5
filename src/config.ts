/**
 * The one module that reads the environment. Everything else receives settings from here,
 * so the full list of knobs (and their defaults) lives in one place; see .env.example.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'

import { CDN_TAG_HEADERS, type CdnTagHeader } from './readCache/cdnTags'

/** Every command (npm scripts, Next, the Docker image) runs from the project root. */
export const projectRoot = process.cwd()

export type RunMode = 'production' | 'development' | 'test'
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Settings {
  mode: RunMode
  port: number
  host: string
  serverUrl: string
  /** Unset means: start the embedded Postgres under dataDir. */
  databaseUrl: string | undefined
  embeddedDbPort: number
  payloadSecret: string
  logLevel: LogLevel
  dataDir: string
  /** Uploaded images and their resized variants, when they are kept on this machine's disk. */
  mediaDir: string
  /** Set: media live in this S3-compatible bucket instead of mediaDir (several instances share it). */
  s3?: S3Settings
  /** Set: rate-limit counters live in this Redis, shared by every instance; unset: in memory. */
  redisUrl?: string
  /** Read-only replicas of DATABASE_URL; Payload reads from them (see README: Running several instances). */
  databaseReplicaUrls: string[]
  /** A direct connection to the primary for LISTEN (a transaction-mode pooler drops LISTEN); unset: the database's URL. */
  databaseListenUrl?: string
  /** Load the demo content when the server starts on a database without any content. */
  loadDemoContent: boolean
  /** Outgoing mail; without a host, mails are written to the log instead of sent. */
  smtp: { host?: string; port: number; secure: boolean; user?: string; password?: string; from: string }
  /** Receivers of publish/unpublish webhooks, and the key that signs them. */
  webhookUrls: string[]
  webhookSecret?: string
  /** A CDN's purge-by-tag endpoint (src/cdnPurge), told on every publish and unpublish; unset: no purges. */
  cdnPurge?: CdnPurgeSettings
  /**
   * Whether this process runs due background jobs (scheduled publishing, webhook retries). With
   * several instances on one database, exactly one should (see README: Background jobs).
   */
  jobsRunner: boolean
  /** How often the job runner looks for scheduled actions and releases that are due (SCHEDULE_CHECK_SECONDS). */
  scheduleCheckSeconds: number
  security: SecuritySettings
  /** Preview links (src/preview): the front end that renders drafts, and how long a link works. */
  preview: { siteUrl?: string; linkSeconds: number }
  /** The in-memory cache of anonymous published reads, and the HTTP caching it advertises. */
  readCache: {
    enabled: boolean
    maxBytes: number
    maxAgeSeconds: number
    sharedMaxAgeSeconds: number
    staleWhileRevalidateSeconds: number
    tagHeaders: CdnTagHeader[]
  }
}

export interface S3Settings {
  bucket: string
  /** Unset: AWS itself; set for MinIO, R2, Scaleway, … */
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  /** `bucket.host` names do not resolve for most self-hosted stores: address buckets by path. */
  forcePathStyle: boolean
}

export interface SecuritySettings {
  /** Browser origins (besides SERVER_URL) allowed to call the API with CORS and cookies. */
  allowedOrigins: string[]
  /** Largest request body accepted outside file uploads (uploads have their own limit). */
  maxBodyBytes: number
  /** Requests per client IP and window before 429. */
  rateLimits: { windowMs: number; login: number; forgotPassword: number; graphql: number }
  /** Reverse proxies in front of the server: the client IP is taken from their X-Forwarded-For. */
  trustedProxies: number
  /** Origins the admin may show in a frame: the front end of Live Preview (SITE_URL). */
  previewOrigins: string[]
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
const MIN_SECRET_LENGTH = 32
/** Values that appear in docs and examples: a production server must never run with them. */
const PLACEHOLDER_SECRETS = ['change-me', 'changeme', 'secret', 'payload-secret', 'replace-me']

type Env = Record<string, string | undefined>

/** Reads `.env` (if present) into process.env; variables already set in the environment win. */
export function loadDotEnvFile(file = path.join(projectRoot, '.env')): void {
  if (!existsSync(file)) return
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    process.env[name] ??= value
  }
}

export function runModeOf(env: Env): RunMode {
  if (env.NODE_ENV === 'production') return 'production'
  if (env.NODE_ENV === 'test') return 'test'
  return 'development'
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${raw}"`)
  }
  return port
}

function readLogLevel(env: Env): LogLevel {
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`)
  }
  return level
}

function readWholeNumber(env: Env, name: string, fallback: number, least = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < least)
    throw new ConfigError(`${name} must be a whole number of at least ${least}, got "${raw}"`)
  return value
}

/** Every on/off setting: "on"/"off", or "true"/"false" as SMTP libraries spell it. */
function readOnOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'on' || raw === 'true') return true
  if (raw === 'off' || raw === 'false') return false
  throw new ConfigError(`${name} must be "on" or "off", got "${env[name]}"`)
}

function readWebhookUrls(env: Env): string[] {
  const urls = (env.WEBHOOK_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  for (const url of urls) {
    if (!/^https?:\/\/[^\s]+$/.test(url))
      throw new ConfigError(`WEBHOOK_URLS must be comma-separated http(s) URLs, got "${url}"`)
  }
  if (urls.length > 0 && !env.WEBHOOK_SECRET)
    throw new ConfigError(
      'WEBHOOK_SECRET is required when WEBHOOK_URLS is set: receivers verify the signature with it.',
    )
  return urls
}

export interface CdnPurgeSettings {
  url: string
  /** The request header that carries `secret` (e.g. `Authorization`, `Fastly-Key`). */
  header: string
  secret: string
}

const HEADER_NAME = /^[A-Za-z0-9-]+$/

function readCdnPurge(env: Env): CdnPurgeSettings | undefined {
  const url = env.CDN_PURGE_URL?.trim()
  if (!url) return undefined
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError(`CDN_PURGE_URL must be an http(s) URL, got "${url}"`)
  const header = env.CDN_PURGE_HEADER?.trim() || 'Authorization'
  if (!HEADER_NAME.test(header))
    throw new ConfigError(`CDN_PURGE_HEADER must be a header name such as Fastly-Key, got "${header}"`)
  const secret = env.CDN_PURGE_SECRET
  if (!secret)
    throw new ConfigError(
      `CDN_PURGE_SECRET is required when CDN_PURGE_URL is set: it is sent in the ${header} header of each purge.`,
    )
  return { url, header, secret }
}

/** CDN_TAG_HEADERS: the tag headers the CDN in front reads (`Cache-Tag`, `Surrogate-Key`, both by default), or `none`. */
function readCdnTagHeaders(env: Env): CdnTagHeader[] {
  const raw = (env.CDN_TAG_HEADERS ?? '').trim().toLowerCase()
  if (raw === '') return [...CDN_TAG_HEADERS]
  if (raw === 'none') return []
  const names = raw.split(',').map((name) => name.trim())
  const unknown = names.find((name) => !(CDN_TAG_HEADERS as readonly string[]).includes(name))
  if (unknown !== undefined)
    throw new ConfigError(
      `CDN_TAG_HEADERS must be Cache-Tag, Surrogate-Key, both separated by a comma, or none; got "${env.CDN_TAG_HEADERS}"`,
    )
  return [...new Set(names as CdnTagHeader[])]
}

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/

/** Replicas and the LISTEN connection belong to the primary that DATABASE_URL names. */
function readPrimaryCompanions(env: Env): Pick<Settings, 'databaseReplicaUrls' | 'databaseListenUrl'> {
  const replicas = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  const listen = env.DATABASE_LISTEN_URL?.trim() || undefined
  for (const [name, url] of [
    ...replicas.map((url) => ['DATABASE_REPLICA_URLS', url]),
    ['DATABASE_LISTEN_URL', listen],
  ]) {
    if (url === undefined) continue
    if (!POSTGRES_URL.test(url)) throw new ConfigError(`${name} must be postgres:// URLs, got "${url}"`)
    if (!env.DATABASE_URL)
      throw new ConfigError(
        `${name} needs DATABASE_URL: it names connections to that primary, never to the embedded database.`,
      )
  }
  return { databaseReplicaUrls: replicas, databaseListenUrl: listen }
}

function readS3Settings(env: Env): S3Settings | undefined {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return undefined
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  if (endpoint && !/^https?:\/\/[^\s]+$/.test(endpoint))
    throw new ConfigError(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`)
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError(
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the machine's AWS credentials.",
    )
  }
  return {
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: readOnOff(env, 'S3_FORCE_PATH_STYLE', Boolean(endpoint)),
  }
}

function readRedisUrl(env: Env): string | undefined {
  const url = env.REDIS_URL?.trim()
  if (url && !/^rediss?:\/\/[^\s]+$/.test(url))
    throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got "${url}"`)
  return url || undefined
}

const readPositiveInteger = (env: Env, name: string, fallback: number) => readWholeNumber(env, name, fallback, 1)

/** A seconds step of a cron expression: 1 to 59. */
function readScheduleCheckSeconds(env: Env): number {
  const seconds = readPositiveInteger(env, 'SCHEDULE_CHECK_SECONDS', 10)
  if (seconds > 59) throw new ConfigError(`SCHEDULE_CHECK_SECONDS must be at most 59, got "${seconds}"`)
  return seconds
}

function readAllowedOrigins(env: Env): string[] {
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  for (const origin of origins) {
    if (!/^https?:\/\/[^\s/]+$/.test(origin)) {
      throw new ConfigError(
        `ALLOWED_ORIGINS must be comma-separated origins like https://www.example.com (no path), got "${origin}"`,
      )
    }
  }
  return origins
}

/** The reference front end (examples/spa-site) or your own: where the admin's Preview opens drafts. */
function readSiteUrl(env: Env): string | undefined {
  const url = env.SITE_URL?.trim().replace(/\/+$/, '')
  if (url && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url))
    throw new ConfigError(`SITE_URL must be an http(s) URL such as http://localhost:3001, got "${url}"`)
  return url || undefined
}

function readSecuritySettings(env: Env): SecuritySettings {
  return {
    allowedOrigins: readAllowedOrigins(env),
    maxBodyBytes: readPositiveInteger(env, 'MAX_BODY_KB', 1024) * 1024,
    rateLimits: {
      windowMs: readPositiveInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', 60) * 1000,
      login: readPositiveInteger(env, 'LOGIN_RATE_LIMIT', 10),
      forgotPassword: readPositiveInteger(env, 'FORGOT_PASSWORD_RATE_LIMIT', 5),
      graphql: readPositiveInteger(env, 'GRAPHQL_RATE_LIMIT', 300),
    },
    trustedProxies: readWholeNumber(env, 'TRUST_PROXY', 0),
    previewOrigins: [readSiteUrl(env)].filter((url): url is string => Boolean(url)).map((url) => new URL(url).origin),
  }
}

export function weakSecretReason(secret: string | undefined): string | undefined {
  if (!secret) return 'PAYLOAD_SECRET is not set'
  if (secret.length < MIN_SECRET_LENGTH) {
    return `PAYLOAD_SECRET is too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH} needed)`
  }
  const lowered = secret.toLowerCase()
  if (PLACEHOLDER_SECRETS.some((placeholder) => lowered.includes(placeholder))) {
    return 'PAYLOAD_SECRET is a placeholder value from the docs'
  }
  if (new Set(secret).size < 8) return 'PAYLOAD_SECRET has too little variety to be a real secret'
  return undefined
}

/** Outside production a developer should not have to invent a secret: make one and keep it. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return secret
}

/** `next build` evaluates the config but never serves a request, so it needs no real secret. */
const isNextBuild = (env: Env) => env.NEXT_PHASE === 'phase-production-build'

function resolveSecret(env: Env, mode: RunMode, dataDir: string): string {
  if (isNextBuild(env)) return env.PAYLOAD_SECRET || randomBytes(32).toString('hex')
  if (mode === 'production') {
    const reason = weakSecretReason(env.PAYLOAD_SECRET)
    if (reason) {
      throw new ConfigError(
        `${reason}. In production set PAYLOAD_SECRET to a random value of at least ${MIN_SECRET_LENGTH} characters (for example: openssl rand -hex 32).`,
      )
    }
    return env.PAYLOAD_SECRET as string
  }
  return env.PAYLOAD_SECRET || developmentSecret(dataDir)
}

let processSettings: Settings | undefined

/** This process's settings, read once. */
export function settings(): Settings {
  return (processSettings ??= loadSettings())
}

export function loadSettings(env: Env = process.env): Settings {
  const mode = runModeOf(env)
  const port = readPort(env, 'PORT', 3000)
  const dataDir = path.resolve(/*turbopackIgnore: true*/ projectRoot, env.DATA_DIR || '.data')
  return {
    mode,
    port,
    host: env.HOST || '0.0.0.0',
    serverUrl: (env.SERVER_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL || undefined,
    ...readPrimaryCompanions(env),
    embeddedDbPort: readPort(env, 'EMBEDDED_DB_PORT', 54329),
    payloadSecret: resolveSecret(env, mode, dataDir),
    logLevel: readLogLevel(env),
    dataDir,
    loadDemoContent: readOnOff(env, 'DEMO_CONTENT', true),
    smtp: {
      host: env.SMTP_HOST || undefined,
      port: readPort(env, 'SMTP_PORT', 587),
      secure: readOnOff(env, 'SMTP_SECURE', false),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from: env.SMTP_FROM || 'spa-cms <cms@localhost>',
    },
    webhookUrls: readWebhookUrls(env),
    webhookSecret: env.WEBHOOK_SECRET || undefined,
    cdnPurge: readCdnPurge(env),
    jobsRunner: readOnOff(env, 'JOBS_RUNNER', true),
    scheduleCheckSeconds: readScheduleCheckSeconds(env),
    security: readSecuritySettings(env),
    preview: { siteUrl: readSiteUrl(env), linkSeconds: readPositiveInteger(env, 'PREVIEW_LINK_HOURS', 24) * 3600 },
    s3: readS3Settings(env),
    redisUrl: readRedisUrl(env),
    mediaDir: path.resolve(/*turbopackIgnore: true*/ projectRoot, env.MEDIA_DIR || path.join(dataDir, 'media')),
    readCache: {
      enabled: readOnOff(env, 'READ_CACHE', true),
      maxBytes: readWholeNumber(env, 'READ_CACHE_MAX_MB', 64) * 1024 * 1024,
      maxAgeSeconds: readWholeNumber(env, 'READ_CACHE_MAX_AGE', 0),
      sharedMaxAgeSeconds: readWholeNumber(env, 'READ_CACHE_S_MAXAGE', 30),
      staleWhileRevalidateSeconds: readWholeNumber(env, 'READ_CACHE_STALE_WHILE_REVALIDATE', 60),
      tagHeaders: readCdnTagHeaders(env),
    },
  }
}
