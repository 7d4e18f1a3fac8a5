/**
 * A least-recently-used store bounded by the bytes it holds, whose entries carry tags so that
 * everything depending on one document or collection can be dropped at once. Recency is kept the
 * "second chance" way: a read only marks its entry, and eviction moves a marked entry to the back
 * instead of dropping it, so a hit (the hot path) reorders nothing.
 */

export interface TaggedLruStats {
  entries: number
  bytes: number
  maxBytes: number
  hits: number
  misses: number
  evictions: number
}

interface Slot<V> {
  value: V
  bytes: number
  tags: readonly string[]
  /** Read since eviction last passed it. */
  read: boolean
}

export class TaggedLru<V> {
  /** Map iteration order is insertion order: the first key is the oldest not read since. */
  private readonly slots = new Map<string, Slot<V>>()
  private readonly keysByTag = new Map<string, Set<string>>()
  private bytes = 0
  private hits = 0
  private misses = 0
  private evictions = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const slot = this.slots.get(key)
    if (!slot) {
      this.misses++
      return undefined
    }
    this.hits++
    slot.read = true
    return slot.value
  }

  /** Stores the value unless it alone exceeds the budget; evicts the least recently used to fit. */
  set(key: string, value: V, bytes: number, tags: readonly string[]): boolean {
    this.delete(key)
    if (bytes > this.maxBytes) return false
    while (this.bytes + bytes > this.maxBytes) this.evictOldest()
    this.slots.set(key, { value, bytes, tags, read: false })
    this.bytes += bytes
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag)
      if (!keys) this.keysByTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    return true
  }

  /** Drops every entry carrying any of the tags; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.delete(key)) dropped++
      }
    }
    return dropped
  }

  clear(): void {
    this.slots.clear()
    this.keysByTag.clear()
    this.bytes = 0
  }

  stats(): TaggedLruStats {
    return {
      entries: this.slots.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    }
  }

  private evictOldest(): void {
    for (const [key, slot] of this.slots) {
      if (!slot.read) {
        this.delete(key)
        this.evictions++
        return
      }
      slot.read = false
      this.slots.delete(key)
      this.slots.set(key, slot)
    }
  }

  private delete(key: string): boolean {
    const slot = this.slots.get(key)
    if (!slot) return false
    this.slots.delete(key)
    this.bytes -= slot.bytes
    for (const tag of slot.tags) {
      const keys = this.keysByTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.keysByTag.delete(tag)
    }
    return true
  }
}
