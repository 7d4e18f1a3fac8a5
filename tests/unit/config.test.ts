import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ConfigError, loadSettings, weakSecretReason } from '../../src/config'

const STRONG_SECRET = 'f3c9a1d27b8e4c6f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'spa-cms-config-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const load = (env: Record<string, string>) => loadSettings({ DATA_DIR: dataDir, ...env })

describe('defaults', () => {
  it('serves on port 3000 with the embedded database and info logs', () => {
    const settings = load({})
    expect(settings).toMatchObject({
      mode: 'development',
      port: 3000,
      serverUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      logLevel: 'info',
      dataDir,
    })
  })

  it('takes every setting from the environment', () => {
    const settings = load({
      PORT: '8080',
      SERVER_URL: 'https://cms.example-spa.com/',
      DATABASE_URL: 'postgres://cms@db:5432/cms',
      LOG_LEVEL: 'debug',
      PAYLOAD_SECRET: STRONG_SECRET,
    })
    expect(settings).toMatchObject({
      port: 8080,
      serverUrl: 'https://cms.example-spa.com',
      databaseUrl: 'postgres://cms@db:5432/cms',
      logLevel: 'debug',
      payloadSecret: STRONG_SECRET,
    })
  })

  it('caches published reads by default, within 64 MB, and lets CDNs keep them 30 s', () => {
    expect(load({}).readCache).toEqual({
      enabled: true,
      maxBytes: 64 * 1024 * 1024,
      maxAgeSeconds: 0,
      sharedMaxAgeSeconds: 30,
      staleWhileRevalidateSeconds: 60,
      tagHeaders: ['cache-tag', 'surrogate-key'],
    })
    expect(load({ READ_CACHE: 'off', READ_CACHE_MAX_MB: '8', READ_CACHE_S_MAXAGE: '0' }).readCache).toMatchObject({
      enabled: false,
      maxBytes: 8 * 1024 * 1024,
      sharedMaxAgeSeconds: 0,
    })
  })

  it('names the tag headers a CDN reads: both by default, one, or none (CDN_TAG_HEADERS)', () => {
    const tagHeadersOf = (value: string) => load({ CDN_TAG_HEADERS: value }).readCache.tagHeaders
    expect(tagHeadersOf('Surrogate-Key')).toEqual(['surrogate-key'])
    expect(tagHeadersOf(' cache-tag ')).toEqual(['cache-tag'])
    expect(tagHeadersOf('Cache-Tag, Surrogate-Key, cache-tag')).toEqual(['cache-tag', 'surrogate-key'])
    expect(tagHeadersOf('None')).toEqual([])
    for (const wrong of ['Fastly', 'cache-tag,', 'x-cache-tag'])
      expect(() => tagHeadersOf(wrong)).toThrow(
        `CDN_TAG_HEADERS must be Cache-Tag, Surrogate-Key, both separated by a comma, or none; got "${wrong}"`,
      )
  })

  it('runs due background jobs by default; JOBS_RUNNER=off leaves them to another process', () => {
    expect(load({}).jobsRunner).toBe(true)
    expect(load({ JOBS_RUNNER: 'off' }).jobsRunner).toBe(false)
    expect(() => load({ JOBS_RUNNER: 'no' })).toThrow('JOBS_RUNNER must be "on" or "off", got "no"')
  })

  it('looks for due schedules every 10 s by default, every 1 to 59 s as set', () => {
    expect(load({}).scheduleCheckSeconds).toBe(10)
    expect(load({ SCHEDULE_CHECK_SECONDS: '2' }).scheduleCheckSeconds).toBe(2)
    expect(() => load({ SCHEDULE_CHECK_SECONDS: '60' })).toThrow('SCHEDULE_CHECK_SECONDS must be at most 59, got "60"')
    expect(() => load({ SCHEDULE_CHECK_SECONDS: '0' })).toThrow(ConfigError)
  })

  it('explains a bad read cache setting', () => {
    expect(() => load({ READ_CACHE: 'yes' })).toThrow('READ_CACHE must be "on" or "off", got "yes"')
    expect(() => load({ READ_CACHE_MAX_MB: '-1' })).toThrow(
      'READ_CACHE_MAX_MB must be a whole number of at least 0, got "-1"',
    )
    expect(() => load({ READ_CACHE_MAX_AGE: '1.5' })).toThrow(ConfigError)
  })

  it('explains a bad PORT or LOG_LEVEL', () => {
    expect(() => load({ PORT: 'eighty' })).toThrow('PORT must be a port number between 0 and 65535, got "eighty"')
    expect(() => load({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of .*got "loud"/)
  })
})

describe('security settings', () => {
  it('default to generous limits and no other trusted origin', () => {
    expect(load({}).security).toEqual({
      allowedOrigins: [],
      maxBodyBytes: 1024 * 1024,
      rateLimits: { windowMs: 60_000, login: 10, forgotPassword: 5, graphql: 300 },
      trustedProxies: 0,
      previewOrigins: [],
    })
  })

  it('are read from the environment', () => {
    const { security } = load({
      ALLOWED_ORIGINS: 'https://www.example-spa.com/, http://localhost:4321',
      MAX_BODY_KB: '64',
      RATE_LIMIT_WINDOW_SECONDS: '900',
      LOGIN_RATE_LIMIT: '3',
      FORGOT_PASSWORD_RATE_LIMIT: '2',
      GRAPHQL_RATE_LIMIT: '50',
      TRUST_PROXY: '1',
      SITE_URL: 'https://preview.example-spa.com/site/',
    })
    expect(security).toEqual({
      allowedOrigins: ['https://www.example-spa.com', 'http://localhost:4321'],
      maxBodyBytes: 64 * 1024,
      rateLimits: { windowMs: 900_000, login: 3, forgotPassword: 2, graphql: 50 },
      trustedProxies: 1,
      previewOrigins: ['https://preview.example-spa.com'],
    })
  })

  it('explain a bad origin or limit', () => {
    expect(() => load({ ALLOWED_ORIGINS: 'https://www.example-spa.com/blog' })).toThrow(
      /ALLOWED_ORIGINS must be comma-separated origins/,
    )
    expect(() => load({ LOGIN_RATE_LIMIT: '0' })).toThrow(
      'LOGIN_RATE_LIMIT must be a whole number of at least 1, got "0"',
    )
    expect(() => load({ MAX_BODY_KB: 'lots' })).toThrow(ConfigError)
    expect(() => load({ TRUST_PROXY: 'yes' })).toThrow('TRUST_PROXY must be a whole number of at least 0, got "yes"')
  })
})

describe('CDN purge settings', () => {
  it('are off without an endpoint', () => {
    expect(load({}).cdnPurge).toBeUndefined()
  })

  it('send the secret in Authorization unless another header is named', () => {
    expect(load({ CDN_PURGE_URL: 'https://cdn.example/purge', CDN_PURGE_SECRET: 'Bearer k' }).cdnPurge).toEqual({
      url: 'https://cdn.example/purge',
      header: 'Authorization',
      secret: 'Bearer k',
    })
    const fastly = load({
      CDN_PURGE_URL: 'https://cdn.example/purge',
      CDN_PURGE_HEADER: 'Fastly-Key',
      CDN_PURGE_SECRET: 'k',
    })
    expect(fastly.cdnPurge?.header).toBe('Fastly-Key')
  })

  it('explain a missing secret, a bad address or header', () => {
    expect(() => load({ CDN_PURGE_URL: 'https://cdn.example/purge' })).toThrow(
      'CDN_PURGE_SECRET is required when CDN_PURGE_URL is set: it is sent in the Authorization header of each purge.',
    )
    expect(() => load({ CDN_PURGE_URL: 'ftp://cdn.example', CDN_PURGE_SECRET: 'k' })).toThrow(
      'CDN_PURGE_URL must be an http(s) URL, got "ftp://cdn.example"',
    )
    expect(() =>
      load({ CDN_PURGE_URL: 'https://cdn.example/purge', CDN_PURGE_HEADER: 'Key: x', CDN_PURGE_SECRET: 'k' }),
    ).toThrow(/CDN_PURGE_HEADER must be a header name/)
  })
})

describe('PAYLOAD_SECRET', () => {
  it('is generated once in development and kept under the data folder, readable only by its owner', () => {
    const first = load({}).payloadSecret
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(load({}).payloadSecret).toBe(first)
    const file = path.join(dataDir, 'payload-secret')
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('is required in production', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => load({ NODE_ENV: 'production' })).toThrow('PAYLOAD_SECRET is not set')
  })

  it.each([
    ['too short', 'abc123', /too short/],
    ['a placeholder', 'change-me-change-me-change-me-change-me', /placeholder/],
    ['repetitive', 'a'.repeat(40), /variety/],
  ])('is refused in production when %s', (_label, secret, reason) => {
    expect(() => load({ NODE_ENV: 'production', PAYLOAD_SECRET: secret })).toThrow(reason)
  })

  it('is accepted in production when strong', () => {
    expect(load({ NODE_ENV: 'production', PAYLOAD_SECRET: STRONG_SECRET }).payloadSecret).toBe(STRONG_SECRET)
    expect(weakSecretReason(STRONG_SECRET)).toBeUndefined()
  })
})

describe('log redaction', () => {
  it('hides credentials and webhook URLs from log lines', async () => {
    const { Writable } = await import('node:stream')
    const pino = (await import('pino')).default
    const { REDACTED_PATHS } = await import('../../src/logging')
    let written = ''
    const sink = new Writable({ write: (chunk, _encoding, done) => ((written += chunk), done()) })
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink)
    logger.error(
      { job: { input: { url: 'https://hooks.example.com/t0ken' } }, user: { password: 'Calm-Waters-42!' } },
      'job failed',
    )
    expect(written).not.toContain('t0ken')
    expect(written).not.toContain('Calm-Waters-42!')
    expect(written).toContain('[redacted]')
  })
})

describe('settings for several instances', () => {
  const PRIMARY = 'postgres://cms@db:5432/cms'

  it('default to one machine: local media, in-memory rate limits, no replicas', () => {
    expect(load({})).toMatchObject({
      s3: undefined,
      redisUrl: undefined,
      databaseReplicaUrls: [],
      databaseListenUrl: undefined,
    })
  })

  it('read the bucket, Redis, replicas and the listen connection', () => {
    const settings = load({
      DATABASE_URL: PRIMARY,
      DATABASE_REPLICA_URLS: 'postgres://cms@replica-1/cms, postgres://cms@replica-2/cms',
      DATABASE_LISTEN_URL: 'postgres://cms@db-direct:5432/cms',
      REDIS_URL: 'redis://cache:6379',
      S3_BUCKET: 'spa-media',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    })
    expect(settings).toMatchObject({
      databaseReplicaUrls: ['postgres://cms@replica-1/cms', 'postgres://cms@replica-2/cms'],
      databaseListenUrl: 'postgres://cms@db-direct:5432/cms',
      redisUrl: 'redis://cache:6379',
      s3: {
        bucket: 'spa-media',
        endpoint: 'http://minio:9000',
        region: 'us-east-1',
        accessKeyId: 'key',
        secretAccessKey: 'secret',
        forcePathStyle: true,
      },
    })
    expect(load({ S3_BUCKET: 'spa-media' }).s3?.forcePathStyle).toBe(false)
  })

  it('explain what is wrong with them', () => {
    expect(() => load({ DATABASE_REPLICA_URLS: 'postgres://cms@replica/cms' })).toThrow(
      'DATABASE_REPLICA_URLS needs DATABASE_URL',
    )
    expect(() => load({ DATABASE_URL: PRIMARY, DATABASE_LISTEN_URL: 'mysql://db/cms' })).toThrow(
      'DATABASE_LISTEN_URL must be postgres:// URLs, got "mysql://db/cms"',
    )
    expect(() => load({ REDIS_URL: 'cache:6379' })).toThrow(
      'REDIS_URL must be a redis:// or rediss:// URL, got "cache:6379"',
    )
    expect(() => load({ S3_BUCKET: 'spa-media', S3_ACCESS_KEY_ID: 'key' })).toThrow(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    )
    expect(() => load({ S3_BUCKET: 'spa-media', S3_ENDPOINT: 'minio:9000' })).toThrow(
      'S3_ENDPOINT must be an http(s) URL, got "minio:9000"',
    )
  })
})
