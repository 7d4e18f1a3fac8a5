/**
 * Preloaded by bench/profile.ts (NODE_OPTIONS=--import …, which may not carry --cpu-prof): profiles
 * the process with V8's sampling profiler from its first SIGUSR2 (sent once the server is warm, so
 * start-up and first compilations stay out) and writes a .cpuprofile into CPU_PROFILE_DIR when the
 * process exits.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import path from 'node:path'

const directory = process.env.CPU_PROFILE_DIR
if (directory) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 1000 })
  process.once('SIGUSR2', () => session.post('Profiler.start'))
  // The main thread's session answers synchronously: the profile is written before the process ends.
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(directory, `${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  })
}
