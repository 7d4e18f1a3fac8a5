/**
 * There is no Docker engine on our machines, so the compose file and Dockerfile are checked by reading.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

import { projectRoot } from '../../src/config'

interface ComposeService {
  profiles?: string[]
  image?: string
  ports?: string[]
  entrypoint?: string[]
  build?: { context: string; dockerfile: string }
  environment?: Record<string, string>
  volumes?: string[]
  healthcheck?: { test: string[] }
  depends_on?: Record<string, { condition: string }>
}

const hostOf = (url: string) => new URL(url.replace(/\$\{[^}]+\}/g, 'x')).hostname

const compose = parse(readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>
  volumes: Record<string, unknown>
}
const { postgres, app } = compose.services

describe('the postgres service', () => {
  it('uses the official image with a named volume for its data', () => {
    expect(postgres.image).toMatch(/^postgres:\d+/)
    const [volume, mountPoint] = (postgres.volumes?.[0] ?? '').split(':')
    expect(mountPoint).toBe('/var/lib/postgresql/data')
    expect(compose.volumes).toHaveProperty(volume)
  })

  it('has a healthcheck that asks Postgres itself', () => {
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready')
  })
})

describe('the app service', () => {
  it('is built from the Dockerfile in the repo', () => {
    expect(app.build?.context).toBe('.')
    expect(existsSync(path.join(projectRoot, app.build?.dockerfile as string))).toBe(true)
  })

  it('reaches the postgres service through DATABASE_URL', () => {
    const url = new URL(app.environment?.DATABASE_URL.replace(/\$\{[^}]+\}/g, 'x') as string)
    expect(url.protocol).toBe('postgres:')
    expect(url.hostname).toBe('postgres')
    expect(url.pathname).toBe(`/${postgres.environment?.POSTGRES_DB}`)
    expect(url.username).toBe(postgres.environment?.POSTGRES_USER)
  })

  it('requires PAYLOAD_SECRET from the environment instead of shipping one', () => {
    expect(app.environment?.PAYLOAD_SECRET).toMatch(/^\$\{PAYLOAD_SECRET:\?/)
    expect(app.environment?.NODE_ENV).toBe('production')
  })

  it('starts only once the database is healthy', () => {
    expect(app.depends_on?.postgres?.condition).toBe('service_healthy')
  })
})

describe('the Dockerfile', () => {
  const dockerfile = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8')

  it('installs from the lock file, builds, and starts the way npm start does', () => {
    // A supported LTS (Node 20 reached its end of life in April 2026).
    expect(dockerfile).toMatch(/^FROM node:(22|24)-/m)
    expect(dockerfile).toMatch(/npm ci/)
    expect(dockerfile).toMatch(/npm run build/)
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/)
  })

  it('does not run as root', () => {
    expect(dockerfile).toMatch(/^USER node$/m)
  })
})

describe('the cluster profile', () => {
  const CLUSTER = ['app-1', 'app-2', 'haproxy', 'redis', 'minio', 'minio-bucket']
  const instances = [compose.services['app-1'], compose.services['app-2']]
  const haproxy = compose.services.haproxy

  it('adds two instances, HAProxy, Redis and MinIO, and leaves the one-instance setup as it was', () => {
    for (const name of CLUSTER) expect([name, compose.services[name]?.profiles]).toEqual([name, ['cluster']])
    expect(postgres.profiles).toBeUndefined()
    expect(app.profiles).toBeUndefined()
  })

  it('runs both instances from the same image on the same database, Redis and bucket', () => {
    for (const instance of instances) {
      expect(instance.build).toEqual(app.build)
      const env = instance.environment ?? {}
      expect(env.DATABASE_URL).toBe(app.environment?.DATABASE_URL)
      expect(env.PAYLOAD_SECRET).toBe(app.environment?.PAYLOAD_SECRET)
      expect(hostOf(env.REDIS_URL)).toBe('redis')
      expect(hostOf(env.S3_ENDPOINT)).toBe('minio')
      expect(compose.services['minio-bucket'].entrypoint?.join(' ')).toContain(`local/${env.S3_BUCKET}`)
      // Behind exactly one proxy: the client address is its X-Forwarded-For entry.
      expect(env.TRUST_PROXY).toBe('1')
      expect(instance.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        'minio-bucket': { condition: 'service_completed_successfully' },
      })
    }
  })

  it('puts HAProxy in front of both instances, with the config from deploy/', () => {
    expect(haproxy.volumes).toContain('./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro')
    expect(haproxy.environment?.SPA_CMS_APP_1).toBe(`app-1:${instances[0].environment?.PORT}`)
    expect(haproxy.environment?.SPA_CMS_APP_2).toBe(`app-2:${instances[1].environment?.PORT}`)
    expect(haproxy.ports?.[0]).toMatch(new RegExp(`:${haproxy.environment?.HAPROXY_BIND.replace(':', '')}$`))
    expect(haproxy.depends_on).toEqual({
      'app-1': { condition: 'service_healthy' },
      'app-2': { condition: 'service_healthy' },
    })
  })

  it('health-checks the instances on /ready and sends each of them traffic', () => {
    const config = readFileSync(path.join(projectRoot, 'deploy', 'haproxy.cfg'), 'utf8')
    expect(config).toMatch(/^\s*option httpchk GET \/ready$/m)
    expect(config).toMatch(/^\s*http-check expect status 200$/m)
    expect(config).toMatch(/^\s*default-server check /m)
    expect(config).toContain('server app-1 "${SPA_CMS_APP_1-app-1:3000}"')
    expect(config).toContain('server app-2 "${SPA_CMS_APP_2-app-2:3000}"')
    expect(config).toMatch(/^\s*option forwardfor$/m)
  })

  it('checks Redis and MinIO before the instances start', () => {
    expect(compose.services.redis.healthcheck?.test.join(' ')).toContain('redis-cli ping')
    expect(compose.services.minio.healthcheck?.test.join(' ')).toContain('mc ready')
    expect(compose.services['minio-bucket'].depends_on?.minio?.condition).toBe('service_healthy')
  })
})
