import { TaggedLru } from '../../../src/readCache/taggedLru'

describe('TaggedLru', () => {
  it('evicts the least recently used entries to stay within its byte budget', () => {
    const lru = new TaggedLru<string>(100)
    lru.set('a', 'A', 40, [])
    lru.set('b', 'B', 40, [])
    expect(lru.get('a')).toBe('A') // a is now more recent than b
    lru.set('c', 'C', 40, [])
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe('A')
    expect(lru.get('c')).toBe('C')
    expect(lru.stats()).toMatchObject({ entries: 2, bytes: 80, evictions: 1 })
  })

  it('keeps an entry that is read between evictions, however long ago it was stored, and evicts those nobody reads', () => {
    const lru = new TaggedLru<string>(100)
    lru.set('hot', 'H', 30, [])
    for (let n = 0; n < 10; n++) {
      expect(lru.get('hot')).toBe('H')
      lru.set(`cold ${n}`, 'C', 30, [])
    }
    expect(lru.get('hot')).toBe('H')
    expect(lru.get('cold 7')).toBeUndefined()
    expect(lru.get('cold 9')).toBe('C')
    expect(lru.stats()).toMatchObject({ entries: 3, evictions: 8 })
  })

  it('evicts the oldest entry once every entry has been read since the last eviction', () => {
    const lru = new TaggedLru<string>(100)
    for (const key of ['a', 'b', 'c']) lru.set(key, key, 30, [])
    for (const key of ['c', 'a', 'b']) lru.get(key)
    lru.set('d', 'd', 30, [])
    expect(['a', 'b', 'c', 'd'].map((key) => lru.get(key))).toEqual([undefined, 'b', 'c', 'd'])
  })

  it('refuses an entry bigger than the whole budget without evicting anything', () => {
    const lru = new TaggedLru<string>(100)
    lru.set('a', 'A', 60, [])
    expect(lru.set('huge', 'H', 101, [])).toBe(false)
    expect(lru.get('a')).toBe('A')
  })

  it('drops every entry carrying an invalidated tag, and only those', () => {
    const lru = new TaggedLru<string>(1000)
    lru.set('list', 'L', 10, ['list:articles'])
    lru.set('one', 'O', 10, ['doc:articles:1', 'doc:techniques:7'])
    lru.set('other', 'X', 10, ['doc:articles:2'])
    expect(lru.invalidate(['doc:techniques:7', 'list:articles'])).toBe(2)
    expect(lru.get('list')).toBeUndefined()
    expect(lru.get('one')).toBeUndefined()
    expect(lru.get('other')).toBe('X')
    expect(lru.stats().bytes).toBe(10)
  })

  it('replacing a key forgets the old tags and size', () => {
    const lru = new TaggedLru<string>(1000)
    lru.set('k', 'old', 500, ['doc:faqs:1'])
    lru.set('k', 'new', 20, ['doc:faqs:2'])
    expect(lru.invalidate(['doc:faqs:1'])).toBe(0)
    expect(lru.stats()).toMatchObject({ entries: 1, bytes: 20 })
  })
})
