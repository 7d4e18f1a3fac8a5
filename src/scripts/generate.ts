/** `npm run generate`: rewrites payload-types.ts, schema.graphql and the admin import map. */
import { loadPayloadConfig } from '../db/payloadLifecycle'
import { runScript } from './runScript'

runScript('generate', async () => {
  // The config must be loaded before Payload's generators: importing them first deadlocks module loading.
  const config = await loadPayloadConfig()
  const { committedArtefactPaths, writeArtefacts } = await import('./generatedArtefacts')
  const paths = committedArtefactPaths(config)
  await writeArtefacts(config, paths)
  console.log(
    `wrote ${Object.values(paths)
      .map((file) => file.replace(`${process.cwd()}/`, ''))
      .join(', ')}`,
  )
})
