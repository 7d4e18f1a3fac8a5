import { readFileSync } from 'node:fs'
import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'

import config from '../../../payload.config'
import {
  boundedMemo,
  carriesCredentials,
  graphqlParamsFromSearch,
  planGraphqlRequest,
  planRestRequest,
} from '../../../src/readCache/cachePlan'
import { parseChangeNotice } from '../../../src/readCache/changeListener'
import { dropPageOnlyHeaders, matchesIfNoneMatch, publicCacheControl } from '../../../src/readCache/httpCaching'
import { publicContent } from '../../../src/readCache/publicContent'

// Building the config runs the readCache plugin, which registers the public content it derives.
beforeAll(() => config)

const search = (query: string) => new URLSearchParams(query)

describe('which REST requests the read cache answers', () => {
  it('caches lists and single documents of the content collections, keyed by their query', () => {
    expect(planRestRequest('GET', '/api/articles', search('limit=12&sort=-publishedAt'))).toEqual({
      cache: true,
      key: 'rest /api/articles?limit=12&sort=-publishedAt',
      tags: ['list:articles'],
    })
    expect(planRestRequest('GET', '/api/techniques/7', search(''))).toMatchObject({
      cache: true,
      tags: ['doc:techniques:7'],
    })
  })

  it("caches old-slug lookups under their collection's list tag, which every publish there drops", () => {
    expect(planRestRequest('GET', '/api/redirects/resolve', search('collection=articles&slug=old'))).toEqual({
      cache: true,
      key: 'rest /api/redirects/resolve?collection=articles&slug=old',
      tags: ['list:articles'],
    })
    for (const query of ['collection=users&slug=old', 'slug=old'])
      expect(planRestRequest('GET', '/api/redirects/resolve', search(query)).cache).toBe(false)
  })

  it('files a lookup by slug under that slug, in any order of its shaping parameters', () => {
    const bySlug = ['slug:articles:hot-stone', 'lookups:articles']
    for (const query of [
      'where[slug][equals]=hot-stone',
      'where%5Bslug%5D%5Bequals%5D=hot-stone&depth=1&limit=1&pagination=false',
      'depth=2&select[title]=true&populate[techniques][name]=true&where[slug][equals]=hot-stone&sort=-publishedAt',
    ])
      expect(planRestRequest('GET', '/api/articles', search(query))).toMatchObject({ cache: true, tags: bySlug })
  })

  it.each([
    ['a second filter', 'where[slug][equals]=a&where[title][equals]=b'],
    ['the filter twice', 'where[slug][equals]=a&where[slug][equals]=b'],
    ['a parameter twice', 'where[slug][equals]=a&depth=1&depth=2'],
    ['the filter as a list', 'where[slug][equals][0]=a'],
    ['another operator', 'where[slug][like]=a'],
    ['an "or"', 'where[or][0][slug][equals]=a'],
    ['an unknown parameter', 'where[slug][equals]=a&trash=true'],
    ['a value no slug has', 'where[slug][equals]=Hot%20Stone'],
    ['an empty value', 'where[slug][equals]='],
  ])('files a list with %s under its whole collection', (_, query) => {
    expect(planRestRequest('GET', '/api/articles', search(query))).toMatchObject({
      cache: true,
      tags: ['list:articles'],
    })
  })

  it.each([
    ['a write', 'POST', '/api/articles', ''],
    ['the redirect records', 'GET', '/api/redirects', ''],
    ['HEAD, which Payload does not answer', 'HEAD', '/api/articles', ''],
    ['drafts', 'GET', '/api/articles', 'draft=true'],
    ['drafts, even draft=false', 'GET', '/api/articles/1', 'draft=false'],
    ['users', 'GET', '/api/users', ''],
    ['media', 'GET', '/api/media', ''],
    ['version history', 'GET', '/api/articles/versions', ''],
    ['a workflow endpoint', 'GET', '/api/articles/1/workflow', ''],
    ['the review queue', 'GET', '/api/workflow/queue', ''],
  ])('never caches %s', (_, method, path, query) => {
    expect(planRestRequest(method, path, search(query)).cache).toBe(false)
  })

  it('treats any cookie or Authorization header as somebody asking', () => {
    expect(carriesCredentials({ cookie: 'payload-token=abc' })).toBe(true)
    expect(carriesCredentials({ authorization: 'JWT abc' })).toBe(true)
    expect(carriesCredentials({ accept: 'application/json' })).toBe(false)
  })
})

describe('which GraphQL requests the read cache answers', () => {
  it('derives the public collections from the config, and their root fields by the names Payload gives them (schema.graphql)', () => {
    const rootFields = publicContent()!.rootFields
    expect([...rootFields.keys()]).toEqual(['articles', 'techniques', 'faqs', 'myths'])
    const queryType = /^type Query \{([\s\S]*?)^\}/m.exec(readFileSync('schema.graphql', 'utf8'))?.[1] ?? ''
    for (const field of [...rootFields.values()].flat()) expect(queryType).toMatch(new RegExp(`^  ${field}\\(`, 'm'))
  })

  it('caches queries of public content, depending on every collection they read', () => {
    const plan = planGraphqlRequest('POST', {
      query: '{ Articles(limit: 3) { docs { title } } countTechniques { totalDocs } }',
    })
    expect(plan).toMatchObject({ cache: true, tags: ['list:articles', 'list:techniques'] })
  })

  it('files a lookup by slug, written out or in a variable, under that slug', () => {
    const query =
      'query ($slug: String) { Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false) { docs { title } } }'
    expect(planGraphqlRequest('POST', { query, variables: { slug: 'hot-stone' } })).toMatchObject({
      tags: ['slug:articles:hot-stone', 'lookups:articles'],
    })
    const literal =
      '{ Articles(where: { slug: { equals: "hot-stone" } }) { docs { title } } Techniques { docs { name } } }'
    expect(planGraphqlRequest('GET', { query: literal })).toMatchObject({
      tags: ['slug:articles:hot-stone', 'lookups:articles', 'list:techniques'],
    })
  })

  it.each([
    ['a variable left out', '($slug: String) { Articles(where: { slug: { equals: $slug } }) { docs { title } } }', {}],
    [
      'a variable that is no slug',
      '($slug: String) { Articles(where: { slug: { equals: $slug } }) { docs { title } } }',
      { slug: ['a', 'b'] },
    ],
    [
      'a second filter',
      '{ Articles(where: { slug: { equals: "a" }, title: { equals: "b" } }) { docs { title } } }',
      {},
    ],
    ['another operator', '{ Articles(where: { slug: { in: ["a"] } }) { docs { title } } }', {}],
    ['an "or"', '{ Articles(where: { OR: [{ slug: { equals: "a" } }] }) { docs { title } } }', {}],
    ['an unknown argument', '{ Articles(where: { slug: { equals: "a" } }, trash: true) { docs { title } } }', {}],
    [
      'the filter in a variable',
      '($where: Article_where) { Articles(where: $where) { docs { title } } }',
      { where: { slug: { equals: 'a' } } },
    ],
  ])('files a GraphQL lookup with %s under its whole collection', (_, query, variables) => {
    expect(planGraphqlRequest('POST', { query: `query ${query}`, variables })).toMatchObject({
      tags: ['list:articles'],
    })
  })

  it('keys by query, variables and operation name', () => {
    const query = 'query One($slug: String) { Articles(where: { slug: { equals: $slug } }) { docs { title } } }'
    const a = planGraphqlRequest('POST', { query, variables: { slug: 'a' } })
    const b = planGraphqlRequest('GET', { query, variables: { slug: 'b' } })
    expect(a.cache && b.cache && a.key !== b.key).toBe(true)
  })

  it.each([
    ['a mutation', 'mutation { createArticle(data: { title: "x" }) { id } }'],
    ['drafts', '{ Articles(draft: true) { docs { title } } }'],
    ['drafts of one document', '{ Article(id: 1, draft: false) { title } }'],
    ['users', '{ Users { docs { email } } }'],
    ['the logged-in user', '{ meUser { user { email } } }'],
    ['a mix of public and private fields', '{ Articles { docs { title } } Users { docs { email } } }'],
    ['version history', '{ versionsArticles { docs { id } } }'],
    ['a root fragment', '{ ...F } fragment F on Query { Articles { docs { title } } }'],
    ['a syntax error', '{ Articles { '],
    ['a subscription', 'subscription { Articles { docs { title } } }'],
  ])('never caches %s', (_, query) => {
    expect(planGraphqlRequest('POST', { query }).cache).toBe(false)
  })

  it('picks the named operation of a document with several', () => {
    const query = 'query Read { Faqs { docs { question } } } mutation Write { createFaq(data: {}) { id } }'
    expect(planGraphqlRequest('POST', { query, operationName: 'Read' }).cache).toBe(true)
    expect(planGraphqlRequest('POST', { query, operationName: 'Write' }).cache).toBe(false)
    expect(planGraphqlRequest('POST', { query }).cache).toBe(false)
  })

  it('reads GET parameters, refusing malformed variables', () => {
    expect(
      graphqlParamsFromSearch(search('query=%7B%20Myths%20%7B%20totalDocs%20%7D%20%7D&variables=%7B%22a%22%3A1%7D')),
    ).toEqual({
      query: '{ Myths { totalDocs } }',
      variables: { a: 1 },
      operationName: undefined,
    })
    expect(graphqlParamsFromSearch(search('query=x&variables=%7Bnot-json'))).toBeUndefined()
  })
})

describe('HTTP caching headers', () => {
  it('matches If-None-Match lists, weak validators and *', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true)
    expect(matchesIfNoneMatch('*', '"x"')).toBe(true)
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false)
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false)
  })

  it('drops what only pages and preflights are read for from a public read, and keeps what it varies on', () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()))
    res.setHeader('Accept-CH', 'Sec-CH-Prefers-Color-Scheme')
    res.setHeader('Critical-CH', 'Sec-CH-Prefers-Color-Scheme')
    res.setHeader(
      'Vary',
      'Sec-CH-Prefers-Color-Scheme, rsc, next-router-state-tree, Next-Router-Prefetch, Accept-Encoding, Origin',
    )
    res.setHeader('access-control-allow-methods', 'GET, POST')
    res.setHeader('access-control-allow-headers', 'Content-Type')
    res.setHeader('access-control-allow-origin', 'https://spa.example')
    res.setHeader('content-security-policy', "default-src 'self'")
    dropPageOnlyHeaders(res)
    expect(res.getHeaders()).toEqual({
      vary: 'Accept-Encoding, Origin',
      'access-control-allow-origin': 'https://spa.example',
      'content-security-policy': "default-src 'self'",
    })
    const pageVaryOnly = new ServerResponse(new IncomingMessage(new Socket()))
    pageVaryOnly.setHeader('Vary', 'rsc')
    dropPageOnlyHeaders(pageVaryOnly)
    expect(pageVaryOnly.hasHeader('vary')).toBe(false)
  })

  it('advertises the configured lifetimes', () => {
    const policy = { maxAgeSeconds: 0, sharedMaxAgeSeconds: 30, staleWhileRevalidateSeconds: 60, tagHeaders: [] }
    expect(publicCacheControl(policy)).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=60')
  })
})

describe('change notices from the database', () => {
  it('reads "<table>:<id>[:<slugs>]" and ignores anything else', () => {
    expect(parseChangeNotice('articles:12')).toEqual({ collection: 'articles', id: '12' })
    expect(parseChangeNotice('articles:12:old-slug,new-slug')).toEqual({
      collection: 'articles',
      id: '12',
      slugs: ['old-slug', 'new-slug'],
    })
    // Slugs it cannot vouch for count as none: the whole collection's lookups go stale.
    expect(parseChangeNotice('articles:12:Not A Slug')).toEqual({ collection: 'articles', id: '12' })
    expect(parseChangeNotice('articles:12:')).toEqual({ collection: 'articles', id: '12' })
    expect(parseChangeNotice('articles:12; DROP')).toBeUndefined()
    expect(parseChangeNotice(undefined)).toBeUndefined()
  })
})

describe('boundedMemo', () => {
  it('computes once per key and answers again from memory', () => {
    const computed: string[] = []
    const upper = boundedMemo(
      10,
      (text: string) => text,
      (text: string) => {
        computed.push(text)
        return text.toUpperCase()
      },
    )
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A'])
    expect(computed).toEqual(['a', 'b'])
  })

  it('keys by every argument the key function names', () => {
    const join = boundedMemo(
      10,
      (a: string, b: number) => `${a}|${b}`,
      (a: string, b: number) => `${a}${b}`,
    )
    expect([join('x', 1), join('x', 2)]).toEqual(['x1', 'x2'])
  })

  it('never holds more than its limit: it starts over when full', () => {
    const computed: number[] = []
    const square = boundedMemo(
      2,
      (n: number) => String(n),
      (n: number) => {
        computed.push(n)
        return n * n
      },
    )
    for (const n of [1, 2, 3, 1]) square(n)
    // 3 found the memo full and emptied it, so 1 was computed again.
    expect(computed).toEqual([1, 2, 3, 1])
  })

  it('starts over when what its answers were worked out from changes (its epoch)', () => {
    let registration = 1
    const computed: string[] = []
    const tagged = boundedMemo(
      10,
      (text: string) => text,
      (text: string) => {
        computed.push(text)
        return `${text}@${registration}`
      },
      () => registration,
    )
    expect([tagged('a'), tagged('a')]).toEqual(['a@1', 'a@1'])
    registration = 2
    expect([tagged('a'), tagged('a')]).toEqual(['a@2', 'a@2'])
    expect(computed).toEqual(['a', 'a'])
  })
})
