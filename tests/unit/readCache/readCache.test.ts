import { ReadCache } from '../../../src/readCache/readCache'

const response = (text: string) => ({
  body: Buffer.from(text),
  headers: { 'content-type': 'application/json' },
  etag: '"e"',
})

function listeningCache(): ReadCache {
  const cache = new ReadCache(true, 1024 * 1024)
  cache.setListening(true)
  return cache
}

describe('ReadCache', () => {
  it('serves what it stored until a change to something the response depends on', () => {
    const cache = listeningCache()
    cache.offer('list', response('[1,2]'), ['list:articles', 'doc:techniques:4'], cache.startFill())
    cache.offer('faq', response('{}'), ['doc:faqs:1'], cache.startFill())
    expect(cache.lookup('list')?.body.toString()).toBe('[1,2]')
    cache.documentChanged('techniques', 4)
    expect(cache.lookup('list')).toBeUndefined()
    expect(cache.lookup('faq')).toBeDefined()
  })

  it('discards a response produced while a change happened: it may hold the old data', () => {
    const cache = listeningCache()
    const fill = cache.startFill()
    cache.documentChanged('myths', 9) // unrelated to the response, and still it cannot be trusted
    expect(cache.offer('page', response('old'), ['doc:articles:1'], fill)).toBe(false)
    expect(cache.lookup('page')).toBeUndefined()
  })

  it('neither stores nor serves while change notices are not arriving, and starts empty after', () => {
    const cache = listeningCache()
    cache.offer('page', response('x'), ['doc:articles:1'], cache.startFill())
    cache.setListening(false)
    expect(cache.lookup('page')).toBeUndefined()
    expect(cache.offer('page', response('x'), ['doc:articles:1'], cache.startFill())).toBe(false)
    cache.setListening(true)
    expect(cache.lookup('page')).toBeUndefined()
  })

  it('does nothing when turned off', () => {
    const cache = new ReadCache(false, 1024)
    cache.setListening(true)
    expect(cache.offer('page', response('x'), [], cache.startFill())).toBe(false)
    expect(cache.stats()).toMatchObject({ enabled: false, entries: 0 })
  })
})
