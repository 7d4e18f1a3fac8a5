/** `npm run build`: builds the admin UI if its inputs changed since the last build. */
import { createLogger } from '../logging'
import { ensureBuild } from '../server/build'

ensureBuild(createLogger('info', 'build')).catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
