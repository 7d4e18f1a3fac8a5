/**
 * Which collections the read cache answers for, and the GraphQL root fields that read each. The
 * readCache plugin works it out from the config when Payload loads it (in Next's bundle) and
 * registers it here, on globalThis, where the express server's copy of this module finds it.
 * Until then nothing is planned for caching, which is right: nothing has been filled either.
 */
export interface PublicContent {
  /** Collection slug → the GraphQL root fields that read it (`Article`, `Articles`, `countArticles`). */
  readonly rootFields: ReadonlyMap<string, readonly string[]>
  /** GraphQL root field → the collection it reads. */
  readonly collectionOfRootField: ReadonlyMap<string, string>
  /** Changes whenever the registration does, so memoised answers can tell. */
  readonly generation: number
}

const REGISTRY_KEY = Symbol.for('spa-cms.readCache.publicContent')

type GlobalWithRegistry = typeof globalThis & { [REGISTRY_KEY]?: PublicContent }

export function registerPublicContent(rootFields: ReadonlyMap<string, readonly string[]>): void {
  const shared = globalThis as GlobalWithRegistry
  shared[REGISTRY_KEY] = {
    rootFields,
    collectionOfRootField: new Map(
      [...rootFields].flatMap(([collection, fields]) => fields.map((field) => [field, collection] as const)),
    ),
    generation: (shared[REGISTRY_KEY]?.generation ?? 0) + 1,
  }
}

export const publicContent = (): PublicContent | undefined => (globalThis as GlobalWithRegistry)[REGISTRY_KEY]
