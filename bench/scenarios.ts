/**
 * The four read scenarios front ends run, as concrete requests. Every tier (the bare server
 * included) answers exactly these requests, so their bodies can be compared byte for byte.
 */
import { articleSlug, DATASET } from './dataset'

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

const graphql = (query: string, variables?: Record<string, unknown>): BenchRequest => ({
  method: 'POST',
  path: '/api/graphql',
  body: JSON.stringify({ query, variables }),
})

// `pagination: false` skips the count query; `select: true` reads only the columns asked for.
const GRAPHQL_LIST = `{ Articles(limit: 12, sort: "-publishedAt", pagination: false, select: true) { docs { ${LIST_FIELDS.join(' ')} } } }`

const GRAPHQL_ARTICLE = `query Article($slug: String) {
  Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false, select: true) {
    docs { title slug excerpt publishedAt content techniques { name slug summary pressure } }
  }
}`

const slugs = Array.from({ length: DATASET.publishedArticles }, (_, index) => articleSlug(index))

export const SCENARIOS: Scenario[] = [
  { name: 'REST list of 12 newest', requests: [restList] },
  { name: 'REST article by slug', requests: slugs.map(restArticle) },
  { name: 'GraphQL list of 12 newest', requests: [graphql(GRAPHQL_LIST)] },
  { name: 'GraphQL article by slug', requests: slugs.map((slug) => graphql(GRAPHQL_ARTICLE, { slug })) },
]

/** One key per distinct request, shared by the bare server's table and the checks. */
export const requestKey = ({ method, path, body }: BenchRequest) => `${method} ${path} ${body ?? ''}`
