/** Cache-Tag / Surrogate-Key headers from the read cache's tags. */
import { cdnTagHeaders, MAX_TAG_HEADER_LENGTH } from '../../src/readCache/cdnTags'

describe('CDN tag headers', () => {
  it('name every tag once: comma-separated in Cache-Tag, space-separated in Surrogate-Key', () => {
    const headers = cdnTagHeaders(['doc:articles:12', 'list:articles', 'doc:techniques:3', 'doc:articles:12'])
    expect(headers).toEqual({
      'cache-tag': 'doc:articles:12,doc:techniques:3,list:articles',
      'surrogate-key': 'doc:articles:12 doc:techniques:3 list:articles',
    })
  })

  it('name collections instead of documents when the list would be too long for a CDN', () => {
    const tags = [
      'list:articles',
      ...Array.from({ length: 1_000 }, (_, id) => `doc:articles:${id + 1}`),
      'doc:techniques:7',
    ]
    const headers = cdnTagHeaders(tags)
    expect(headers['cache-tag']!.length).toBeLessThanOrEqual(MAX_TAG_HEADER_LENGTH)
    // Every change of a document also purges its collection's tag, so nothing is missed.
    expect(headers['cache-tag']).toBe('list:articles,list:techniques')
  })

  it('carry only the headers asked for: the one a CDN reads, or none', () => {
    const tags = ['list:articles', 'doc:articles:12']
    expect(cdnTagHeaders(tags, ['surrogate-key'])).toEqual({ 'surrogate-key': 'doc:articles:12 list:articles' })
    expect(cdnTagHeaders(tags, ['cache-tag'])).toEqual({ 'cache-tag': 'doc:articles:12,list:articles' })
    expect(cdnTagHeaders(tags, [])).toEqual({})
  })
})
