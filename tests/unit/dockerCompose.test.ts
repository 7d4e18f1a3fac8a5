/**
 * There is no Docker engine on our machines, so the compose file and Dockerfile are checked by reading.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

import { projectRoot } from '../../src/config'

interface ComposeService {
  image?: string
  build?: { context: string; dockerfile: string }
  environment?: Record<string, string>
  volumes?: string[]
  healthcheck?: { test: string[] }
  depends_on?: Record<string, { condition: string }>
}

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
    expect(dockerfile).toMatch(/^FROM node:20/m)
    expect(dockerfile).toMatch(/npm ci/)
    expect(dockerfile).toMatch(/npm run build/)
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/)
  })

  it('does not run as root', () => {
    expect(dockerfile).toMatch(/^USER node$/m)
  })
})
