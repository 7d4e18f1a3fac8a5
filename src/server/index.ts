/**
 * `npm start` / `npm run dev`: build if needed, start the database (embedded unless DATABASE_URL
 * is set), apply migrations, then serve express + Next until SIGINT/SIGTERM.
 */
import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import next from 'next'

import { ConfigError, loadDotEnvFile, loadSettings, projectRoot, type Settings } from '../config'
import { redactDatabaseUrl, startDatabase, type DatabaseHandle } from '../db/database'
import { EmbeddedPostgresError } from '../db/embeddedPostgres'
import { allMigrationsApplied } from '../db/migrationsApplied'
import { closeServedPayload } from '../db/payloadLifecycle'
import { createLogger, type Logger } from '../logging'
import { listenForChanges, type ChangeListener } from '../readCache/changeListener'
import { ReadCache } from '../readCache/readCache'
import { ReplicaFreshness } from '../readCache/replicaFreshness'
import { createRequestListener } from './app'
import { ensureBuild } from './build'
import { applyMigrations, loadDemoContentIfEmpty } from './childScripts'
import { watchDatabase, type DatabaseWatch } from './databaseOutage'
import { databaseReadiness, type ReadinessProbe } from './readiness'
import { connectRedisRateLimits, type RedisRateLimits } from './redisRateLimits'
import { startPayloadNow } from './startPayload'

const SHUTDOWN_GRACE_MS = 10_000

interface Running {
  server?: Server
  nextApp?: ReturnType<typeof next>
  readiness?: ReadinessProbe
  databaseWatch?: DatabaseWatch
  database?: DatabaseHandle
  changeListener?: ChangeListener
  replicaFreshness?: ReplicaFreshness
  redisRateLimits?: RedisRateLimits
}

function startReadCache(settings: Settings, databaseUrl: string, logger: Logger, running: Running): ReadCache {
  if (!settings.readCache.enabled) return new ReadCache(false, settings.readCache.maxBytes)
  const replicas = settings.databaseReplicaUrls.length > 0
  if (replicas) running.replicaFreshness = new ReplicaFreshness(databaseUrl, settings.databaseReplicaUrls, logger)
  const cache = new ReadCache(true, settings.readCache.maxBytes, running.replicaFreshness)
  running.changeListener = listenForChanges(
    settings.databaseListenUrl ?? databaseUrl,
    {
      onChange: ({ collection, id, slugs }) => {
        running.replicaFreshness?.changeNoticed()
        cache.documentChanged(collection, id, slugs)
      },
      onListening: () => cache.setListening(true),
      onLost: () => cache.setListening(false),
    },
    logger,
  )
  return cache
}

async function start(settings: Settings, logger: Logger, running: Running): Promise<void> {
  const dev = process.argv.includes('--dev')
  if (!dev) await ensureBuild(logger)

  running.database = await startDatabase(settings, (line) => logger.debug({ postgres: line }, 'embedded postgres'))
  logger.info(
    { database: redactDatabaseUrl(running.database.url), embedded: running.database.embedded },
    'database started',
  )
  // Next imports payload.config by path (@payload-config) into its own module graph, where no
  // argument reaches it: the environment is the one channel for the database and the secret.
  process.env.DATABASE_URL = running.database.url
  process.env.PAYLOAD_SECRET = settings.payloadSecret
  if (await allMigrationsApplied(running.database.url))
    logger.info('database schema is up to date (nothing to migrate)')
  else await applyMigrations(running.database.url)
  if (settings.loadDemoContent) await loadDemoContentIfEmpty(running.database.url)

  running.readiness = databaseReadiness(running.database.url, logger)
  running.databaseWatch = watchDatabase(running.readiness, logger)
  running.nextApp = next({ dev, dir: projectRoot })
  await running.nextApp.prepare()
  const handle = running.nextApp.getRequestHandler()
  const readCache = startReadCache(settings, running.database.url, logger, running)
  if (settings.redisUrl) running.redisRateLimits = await connectRedisRateLimits(settings.redisUrl, logger)
  const listener = createRequestListener({
    logger,
    readiness: running.readiness,
    security: settings.security,
    rateLimitStores: running.redisRateLimits?.stores,
    devServer: dev,
    databaseWatch: running.databaseWatch,
    next: { handler: (req, res) => handle(req, res), readCache, cachePolicy: settings.readCache },
  })

  running.server = await new Promise<Server>((resolve, reject) => {
    const server = createServer(listener).listen(settings.port, settings.host, () => resolve(server))
    server.once('error', reject)
  })
  // Payload (with its job runner, and the read cache's list of public content) would otherwise
  // start with the first visitor, whose reads could not be cached yet.
  await startPayloadNow(running.server, logger)
  const { port } = running.server.address() as AddressInfo
  const base = settings.port === port ? settings.serverUrl : `http://localhost:${port}`
  logger.info({ port, admin: `${base}/admin` }, `spa-cms is ready: admin UI at ${base}/admin`)
}

async function stop(running: Running, logger: Logger): Promise<void> {
  const { server } = running
  if (server) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
    await closed
    clearTimeout(forced)
  }
  await running.changeListener?.close()
  await running.replicaFreshness?.close()
  await running.redisRateLimits?.close()
  await running.nextApp?.close()
  // Payload's pool holds connections until it is ended: close it before the database stops.
  await closeServedPayload()
  running.databaseWatch?.stop()
  await running.readiness?.close()
  await running.database?.stop()
  logger.info('stopped')
}

function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) return error.message
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

async function main(): Promise<void> {
  let settings: Settings
  try {
    loadDotEnvFile()
    settings = loadSettings()
  } catch (error) {
    console.error(`spa-cms cannot start: ${explain(error)}`)
    process.exit(1)
  }
  const logger = createLogger(settings.logLevel)
  const running: Running = {}
  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    // Whatever hangs (a dead database, a stuck connection), the process still ends.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS + 5_000).unref()
    stop(running, logger)
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))

  try {
    await start(settings, logger, running)
  } catch (error) {
    logger.fatal(`spa-cms cannot start: ${explain(error)}`)
    await stop(running, logger).catch(() => undefined)
    process.exit(1)
  }
}

void main()
