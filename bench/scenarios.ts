/**
 * The read scenarios front ends run, as concrete requests: the newest articles and one article
 * by slug, over REST, GraphQL by POST and GraphQL by GET (as CDNs cache it). Every tier (the
 * bare servers included) answers exactly these requests, so their bodies can be compared byte
 * for byte.
 */
import { articleSlug, datasetWith, DEFAULT_PUBLISHED_ARTICLES, type Dataset } from './dataset'

export interface BenchRequest {
  method: 'GET' | 'POST'
  path: string
  body?: string
}

export interface Scenario {
  name: string
  /** Rotated through, one per request. */
  requests: BenchRequest[]
}

/** Front ends list teasers; the full article is for its own page. */
const LIST_FIELDS = ['title', 'slug', 'excerpt', 'publishedAt']

const restList: BenchRequest = {
  method: 'GET',
  path: `/api/articles?limit=12&sort=-publishedAt&depth=0&pagination=false&${LIST_FIELDS.map((field) => `select%5B${field}%5D=true`).join('&')}`,
}

const restArticle = (slug: string): BenchRequest => ({
  method: 'GET',
  path: `/api/articles?where%5Bslug%5D%5Bequals%5D=${slug}&depth=1&limit=1&pagination=false`,
})

const graphqlPost = (query: string, variables?: Record<string, unknown>): BenchRequest => ({
  method: 'POST',
  path: '/api/graphql',
  body: JSON.stringify({ query, variables }),
})

const graphqlGet = (query: string, variables?: Record<string, unknown>): BenchRequest => ({
  method: 'GET',
  path: `/api/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) }).toString()}`,
})

// `pagination: false` skips the count query; `select: true` reads only the columns asked for.
const GRAPHQL_LIST = `{ Articles(limit: 12, sort: "-publishedAt", pagination: false, select: true) { docs { ${LIST_FIELDS.join(' ')} } } }`

const GRAPHQL_ARTICLE = `query Article($slug: String) {
  Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false, select: true) {
    docs { title slug excerpt publishedAt content techniques { name slug summary pressure } }
  }
}`

/** Articles read by slug: all of them, or as many spread evenly over a larger data set. */
export const SLUGS_READ = 500

export function slugsRead(publishedArticles: number): string[] {
  const count = Math.min(SLUGS_READ, publishedArticles)
  return Array.from({ length: count }, (_, n) => articleSlug(Math.floor((n * publishedArticles) / count)))
}

export function scenariosFor(dataset: Dataset): Scenario[] {
  const slugs = slugsRead(dataset.publishedArticles)
  return [
    { name: 'REST list of 12 newest', requests: [restList] },
    { name: 'REST article by slug', requests: slugs.map(restArticle) },
    { name: 'GraphQL POST list of 12 newest', requests: [graphqlPost(GRAPHQL_LIST)] },
    { name: 'GraphQL POST article by slug', requests: slugs.map((slug) => graphqlPost(GRAPHQL_ARTICLE, { slug })) },
    { name: 'GraphQL GET list of 12 newest', requests: [graphqlGet(GRAPHQL_LIST)] },
    { name: 'GraphQL GET article by slug', requests: slugs.map((slug) => graphqlGet(GRAPHQL_ARTICLE, { slug })) },
  ]
}

/** The scenarios of the standard data set (the security tests check front ends' reference queries with them). */
export const SCENARIOS = scenariosFor(datasetWith(DEFAULT_PUBLISHED_ARTICLES))

/** One key per distinct request, shared by the bare server's table and the checks. */
export const requestKey = ({ method, path, body }: BenchRequest) => `${method} ${path} ${body ?? ''}`
