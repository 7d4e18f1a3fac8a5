/** `npm run generate`: rewrites payload-types.ts, schema.graphql and the admin import map. */
import { loadPayloadConfig } from '../db/payloadLifecycle'
import { committedArtefactPaths, writeArtefacts } from './generatedArtefacts'

async function main(): Promise<void> {
  const config = await loadPayloadConfig()
  const paths = committedArtefactPaths(config)
  await writeArtefacts(config, paths)
  console.log(`wrote ${Object.values(paths).map((file) => file.replace(`${process.cwd()}/`, '')).join(', ')}`)
}

main().catch((error: unknown) => {
  console.error(`generate failed: ${error instanceof Error ? error.stack : String(error)}`)
  process.exitCode = 1
})
