/** `npm run build`: builds the admin UI if its inputs changed since the last build. */
import { createLogger } from '../logging'
import { ensureBuild } from '../server/build'
import { runScript } from './runScript'

runScript('build', () => ensureBuild(createLogger('info', 'build')))
