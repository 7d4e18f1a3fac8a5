/**
 * What one HTTP request read and changed, collected by Payload hooks while the express read cache
 * waits for the response. Payload runs inside Next's bundle, a different copy of this module than
 * the express server's, so the AsyncLocalStorage lives on globalThis where both copies find it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface ReadCacheScope {
  /** Tags of every document and collection the request read. */
  readonly reads: Set<string>
  /** Tags made stale by the documents the request changed. */
  readonly changes: Set<string>
}

const STORAGE_KEY = Symbol.for('spa-cms.readCacheScope')

type GlobalWithScope = typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<ReadCacheScope> }

function storage(): AsyncLocalStorage<ReadCacheScope> {
  const shared = globalThis as GlobalWithScope
  return (shared[STORAGE_KEY] ??= new AsyncLocalStorage<ReadCacheScope>())
}

export const newReadCacheScope = (): ReadCacheScope => ({ reads: new Set(), changes: new Set() })

export function runInReadCacheScope<T>(scope: ReadCacheScope, work: () => T): T {
  return storage().run(scope, work)
}

/** The scope of the request being served, if it came through the express server. */
export const currentReadCacheScope = (): ReadCacheScope | undefined => storage().getStore()
