/**
 * The cache's state: stored responses, and the rule that nothing stale is ever stored or served.
 * A response is stored only if no invalidation happened while it was being produced (it might
 * have read data from before the change), only while change notices are being received, and,
 * with read replicas, only if it started once the replicas held every change noticed so far.
 */
import type { FreshnessGate } from './replicaFreshness'
import { TaggedLru, type TaggedLruStats } from './taggedLru'
import { tagsMadeStaleBy } from './tags'

export interface CachedResponse {
  body: Buffer
  /** The response's own headers (content type, encoding, CORS…), replayed on every hit. */
  headers: Record<string, string | number | string[]>
  etag: string
}

export interface ReadCacheStats extends TaggedLruStats {
  enabled: boolean
  listening: boolean
}

/** A fill token that no generation matches: the fill's answer is never stored. */
const STALE_SOURCE = -1

export class ReadCache {
  private readonly store: TaggedLru<CachedResponse>
  /** Bumped by every invalidation; a fill that started under another generation is discarded. */
  private generation = 0
  private listening = false

  constructor(
    readonly enabled: boolean,
    maxBytes: number,
    /** Absent without read replicas: reads come from the primary, which is always current. */
    private readonly replicas?: FreshnessGate,
  ) {
    this.store = new TaggedLru(maxBytes)
  }

  get serving(): boolean {
    return this.enabled && this.listening
  }

  lookup(key: string): CachedResponse | undefined {
    return this.serving ? this.store.get(key) : undefined
  }

  /** Call before producing a response that may be stored; pass the result to `offer`. */
  startFill(): number {
    return this.replicas && !this.replicas.caughtUp ? STALE_SOURCE : this.generation
  }

  offer(key: string, response: CachedResponse, tags: Iterable<string>, fill: number): boolean {
    if (!this.serving || fill !== this.generation) return false
    return this.store.set(key, response, response.body.length + key.length, [...tags])
  }

  invalidate(tags: Iterable<string>): void {
    this.generation++
    this.store.invalidate(tags)
  }

  /** `slugs`: the document's before and after the change, when known (see tags.ts). */
  documentChanged(collection: string, id: number | string, slugs?: string[]): void {
    this.invalidate(tagsMadeStaleBy(collection, id, slugs))
  }

  /** Without notices the cache cannot know what changed: start over whenever that state flips. */
  setListening(listening: boolean): void {
    this.generation++
    this.store.clear()
    this.listening = listening
  }

  stats(): ReadCacheStats {
    return { ...this.store.stats(), enabled: this.enabled, listening: this.listening }
  }
}
