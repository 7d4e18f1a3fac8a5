/**
 * Stands in for Payload's own start-up check of its packages' versions, which payload.config.ts
 * turns off: the plugins published only at 3.90.1 run on payload 3.90.2 through npm `overrides`
 * (README: Dependency versions). Every other @payloadcms package must match payload exactly, and
 * there must be one copy of payload and of its admin UI.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/config'

/** Published one patch behind payload; each declares `payload` as an exact peer, overridden. */
const PLUGINS_BEHIND = new Set(['@payloadcms/storage-s3', '@payloadcms/plugin-cloud-storage'])

const modules = path.join(projectRoot, 'node_modules')
const versionOf = (manifest: string) => (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
const payloadVersion = versionOf(path.join(modules, 'payload', 'package.json'))
const payloadPackages = readdirSync(path.join(modules, '@payloadcms')).map((name) => `@payloadcms/${name}`)

/** Copies of `name` installed below another package instead of shared from the root. */
function nestedCopies(name: string): string[] {
  return payloadPackages.filter((owner) => existsSync(path.join(modules, owner, 'node_modules', name, 'package.json')))
}

it('has one copy of payload and of @payloadcms/ui', () => {
  expect(nestedCopies('payload')).toEqual([])
  expect(nestedCopies('@payloadcms/ui')).toEqual([])
})

it("keeps every @payloadcms package on payload's version, the listed plugins within the same minor release", () => {
  const [major, minor] = payloadVersion.split('.')
  for (const name of payloadPackages) {
    const version = versionOf(path.join(modules, name, 'package.json'))
    if (PLUGINS_BEHIND.has(name)) expect(`${name}@${version}`).toMatch(new RegExp(`@${major}\\.${minor}\\.\\d+$`))
    else expect(`${name}@${version}`).toBe(`${name}@${payloadVersion}`)
  }
})
