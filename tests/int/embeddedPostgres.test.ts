/**
 * The embedded Postgres lifecycle, on clusters of its own in temporary folders.
 */
import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import path from 'node:path'
import pg from 'pg'

import { EmbeddedPostgres, EmbeddedPostgresError } from '../../src/db/embeddedPostgres'
import { useTempDir } from '../helpers/suite'

const root = useTempDir('spa-cms-embedded-')

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

it('creates a cluster, keeps its data across restarts and stops cleanly', async () => {
  const dataDir = path.join(root.path, 'keeps-data')
  const first = new EmbeddedPostgres({ dataDir, port: 0 })
  await first.start()
  await query(first.url('postgres'), "CREATE TABLE treatments (name text); INSERT INTO treatments VALUES ('hot stone')")
  await first.stop()

  const second = new EmbeddedPostgres({ dataDir, port: 0 })
  await second.start()
  try {
    expect(await query(second.url('postgres'), 'SELECT name FROM treatments')).toEqual([{ name: 'hot stone' }])
  } finally {
    await second.stop()
  }
})

it('refuses a port that is already in use with a clear message', async () => {
  const blocker: Server = createServer()
  const port = await new Promise<number>((resolve) =>
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
  )
  try {
    const embedded = new EmbeddedPostgres({ dataDir: path.join(root.path, 'busy-port'), port })
    const failure = embedded.start()
    await expect(failure).rejects.toBeInstanceOf(EmbeddedPostgresError)
    await expect(failure).rejects.toThrow(`Port ${port} is already in use`)
  } finally {
    await new Promise((resolve) => blocker.close(resolve))
  }
})

it('refuses a folder that holds something other than a cluster', async () => {
  const dataDir = path.join(root.path, 'not-a-cluster')
  const embedded = new EmbeddedPostgres({ dataDir, port: 0 })
  await embedded.start()
  await embedded.stop()
  rmSync(path.join(dataDir, 'PG_VERSION'))
  await expect(new EmbeddedPostgres({ dataDir, port: 0 }).start()).rejects.toThrow('holds no Postgres cluster')
})

it('stops a Postgres left running by a server that was killed, then starts', async () => {
  const dataDir = path.join(root.path, 'orphan')
  const orphaned = new EmbeddedPostgres({ dataDir, port: 0 })
  await orphaned.start()
  // Pretend its server died: the owner file names a process that no longer exists.
  const deadProcess = spawn(process.execPath, ['-e', ''])
  await new Promise((resolve) => deadProcess.once('exit', resolve))
  writeFileSync(`${dataDir}.owner.pid`, `${deadProcess.pid}\n`)

  const restarted = new EmbeddedPostgres({ dataDir, port: 0 })
  await restarted.start()
  try {
    expect(await query(restarted.url('postgres'), 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
  } finally {
    await restarted.stop()
    await orphaned.stop()
  }
})

it('refuses to take over a cluster that a live server is using', async () => {
  const dataDir = path.join(root.path, 'in-use')
  const running = new EmbeddedPostgres({ dataDir, port: 0 })
  await running.start()
  try {
    writeFileSync(`${dataDir}.owner.pid`, `${process.ppid}\n`) // some other live process
    await expect(new EmbeddedPostgres({ dataDir, port: 0 }).start()).rejects.toThrow(
      /in use by another spa-cms process/,
    )
  } finally {
    await running.stop()
  }
})
