/**
 * Whether a database already has every committed migration, asked with one query. The server
 * asks before it starts the migrate script (a child process that loads all of Payload, about
 * 5 s of CPU) and skips it when there is nothing to apply: most starts are restarts.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

import { projectRoot } from '../config'

/** The committed migrations' names, from their files (as migrations/index.ts lists them). */
export function committedMigrationNames(dir = path.join(projectRoot, 'migrations')): string[] {
  return readdirSync(dir)
    .filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
    .map((file) => file.slice(0, -'.ts'.length))
}

/**
 * True only when payload_migrations names every committed migration and holds no dev-push
 * marker (batch -1, which the migrate script handles). Anything else, errors included, is false:
 * the migrate script runs as before and says what is wrong.
 */
export async function allMigrationsApplied(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  try {
    const wanted = committedMigrationNames()
    if (wanted.length === 0) return false
    await client.connect()
    // No table yet (a new database) fails the query: false.
    const { rows } = await client.query<{ name: string; batch: number | null }>(
      'SELECT name, batch FROM payload_migrations',
    )
    if (rows.some((row) => row.batch === -1)) return false
    const applied = new Set(rows.map((row) => row.name))
    return wanted.every((name) => applied.has(name))
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}
