/**
 * The files derived from the Payload config and committed with it: TypeScript types,
 * the GraphQL schema and the admin import map. `npm run generate` writes them; the
 * test suite regenerates them into a temporary folder and fails when the committed ones differ.
 */
import { generateSchema } from '@payloadcms/graphql/utilities'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { generateImportMap, type SanitizedConfig } from 'payload'
import { generateTypes } from 'payload/node'

export interface ArtefactPaths {
  types: string
  graphqlSchema: string
  importMap: string
}

export function committedArtefactPaths(config: SanitizedConfig): ArtefactPaths {
  return {
    types: config.typescript.outputFile,
    graphqlSchema: config.graphQL.schemaOutputFile,
    importMap: config.admin.importMap.importMapFile as string,
  }
}

/**
 * Where to generate fresh copies for comparison. The import map imports components by paths
 * relative to itself, so its fresh copy must sit beside the committed one.
 */
export function freshArtefactPaths(config: SanitizedConfig, dir: string): ArtefactPaths {
  const committedImportMap = committedArtefactPaths(config).importMap
  return {
    types: path.join(dir, 'payload-types.ts'),
    graphqlSchema: path.join(dir, 'schema.graphql'),
    importMap: path.join(path.dirname(committedImportMap), `.importMap.fresh-${path.basename(dir)}.js`),
  }
}

export async function writeArtefacts(config: SanitizedConfig, target: ArtefactPaths): Promise<void> {
  const withTargets: SanitizedConfig = {
    ...config,
    typescript: { ...config.typescript, outputFile: target.types },
    graphQL: { ...config.graphQL, schemaOutputFile: target.graphqlSchema },
    admin: { ...config.admin, importMap: { ...config.admin.importMap, importMapFile: target.importMap } },
  }
  await generateTypes(withTargets, { log: false })
  generateSchema(withTargets)
  await generateImportMap(withTargets, { force: true, log: false })
}

/** Names of the committed artefacts whose content differs from a fresh generation. */
export function staleArtefacts(committed: ArtefactPaths, fresh: ArtefactPaths): string[] {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8').trim()
    } catch {
      return undefined
    }
  }
  return (Object.keys(committed) as (keyof ArtefactPaths)[])
    .filter((key) => read(committed[key]) !== read(fresh[key]))
    .map((key) => path.relative(process.cwd(), committed[key]))
}
