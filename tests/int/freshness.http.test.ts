/**
 * Cached answers name what they contain in Cache-Tag and Surrogate-Key (the read cache's tags),
 * on the answer that filled the cache and on every hit; personal answers carry none.
 */
import type { Payload } from 'payload'

import { Fixtures as ContentFixtures, randomSuffix, type ContentDoc } from '../helpers/content'
import { closePayload, startPayload as openPayload } from '../../src/db/payloadLifecycle'
import { waitFor } from '../helpers/receivers'
import { startServer, type RunningServer } from '../helpers/server'

let payload: Payload
let server: RunningServer
let fixtures: ContentFixtures
let technique: ContentDoc
let article: ContentDoc
const suffix = randomSuffix()

beforeAll(async () => {
  payload = await openPayload()
  fixtures = new ContentFixtures(payload)
  technique = await fixtures.published('techniques', `Tagged technique ${suffix}`)
  article = await fixtures.published('articles', `Tagged article ${suffix}`, { techniques: [technique.id] })
  server = await startServer()
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await fixtures?.cleanup()
  await closePayload(payload)
})

const tagsOf = (response: Response) => ({
  cacheTag: response.headers.get('cache-tag')?.split(',') ?? [],
  surrogateKey: response.headers.get('surrogate-key')?.split(' ') ?? [],
  xCache: response.headers.get('x-cache'),
})

describe('Cache-Tag and Surrogate-Key', () => {
  it('name the document and the documents it embeds, on the miss and on the hit (REST)', async () => {
    const url = `${server.baseUrl}/api/articles/${article.id}?depth=1`
    const miss = tagsOf(await fetch(url))
    expect(miss.xCache).toBe('MISS')
    // A server just started stores answers once it hears the database's change notices.
    const hit = await waitFor('a cached answer', async () => {
      const answer = tagsOf(await fetch(url))
      return answer.xCache === 'HIT' ? answer : undefined
    })
    for (const answer of [miss, hit]) {
      expect(answer.cacheTag).toEqual(
        expect.arrayContaining([`doc:articles:${article.id}`, `doc:techniques:${technique.id}`]),
      )
      expect(answer.surrogateKey.sort()).toEqual([...answer.cacheTag].sort())
    }
  })

  it('name the list a GraphQL query reads and the documents in it', async () => {
    const query = `{ Articles(where: { id: { equals: ${article.id} } }) { docs { title techniques { name } } } }`
    const response = await fetch(`${server.baseUrl}/api/graphql?${new URLSearchParams({ query })}`)
    expect(response.status).toBe(200)
    expect(tagsOf(response).cacheTag).toEqual(
      expect.arrayContaining(['list:articles', `doc:articles:${article.id}`, `doc:techniques:${technique.id}`]),
    )
  })

  it('are only the one the CDN reads when CDN_TAG_HEADERS names it, on the miss and on the hit', async () => {
    const fastlyOnly = await startServer({ CDN_TAG_HEADERS: 'Surrogate-Key' })
    try {
      const url = `${fastlyOnly.baseUrl}/api/articles/${article.id}?depth=1&select[title]=true`
      const answers = [tagsOf(await fetch(url))]
      answers.push(
        await waitFor('a cached answer', async () => {
          const answer = tagsOf(await fetch(url))
          return answer.xCache === 'HIT' ? answer : undefined
        }),
      )
      for (const answer of answers) {
        expect(answer.cacheTag).toEqual([])
        expect(answer.surrogateKey).toContain(`doc:articles:${article.id}`)
      }
    } finally {
      await fastlyOnly.stop()
    }
  }, 120_000)

  it('are absent from personal answers', async () => {
    const response = await fetch(`${server.baseUrl}/api/articles/${article.id}`, {
      headers: { 'x-preview-token': 'not-a-token' },
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('cache-tag')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })
})
