/**
 * Runs a command-line script's main function. Failures print one clear line (the stack too with
 * LOG_LEVEL=debug) and exit 1; a
 * script whose event loop empties before main settles (an import or promise that never
 * resolves) also fails instead of exiting 0 having done nothing.
 */
export function runScript(name: string, main: () => Promise<void>): void {
  let settled = false
  process.once('beforeExit', () => {
    if (settled) return
    console.error(`${name} failed: it stopped before finishing (a step never completed)`)
    process.exitCode = 1
  })
  main()
    .catch((error: unknown) => {
      const detail = error instanceof Error && process.env.LOG_LEVEL === 'debug' ? error.stack : undefined
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`)
      if (detail) console.error(detail)
      process.exitCode = 1
    })
    .finally(() => {
      settled = true
    })
}
