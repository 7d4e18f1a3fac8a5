/**
 * The one HTTP client of the tests: JSON, multipart (a FormData body) and GraphQL requests to a
 * real server, anonymously or as a person logged in under a name (`http.get(path, 'writer')`),
 * with a JWT or with Payload's login cookie, and `act()` for the editorial workflow's actions.
 * Tests about the wire itself (raw or malformed bodies, streaming, redirects) use fetch.
 */
import { TEST_PASSWORD } from './users'

export interface HttpResult {
  status: number
  /** The parsed JSON answer; undefined when it is not JSON. Tests read it as the API documents it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON shape; each test asserts what it expects
  body: any
  text: string
  headers: Headers
}

export interface RequestOptions {
  /** Extra request headers (they win over the client's own). */
  headers?: Record<string, string>
}

/** How a logged-in person proves who they are. */
type Session = { token: string } | { cookie: string }

/** A name given at login (or to remember()), or undefined for an anonymous request. */
export type Who = string | undefined

export class HttpClient {
  /**
   * `server` is read at each request, so it may be a handle to a server that starts later.
   * `sessions` are shared with the client this one was made from by on().
   */
  constructor(
    private readonly server: string | { readonly baseUrl: string },
    private readonly sessions = new Map<string, Session>(),
  ) {}

  /** A client of another server (say, another instance of a cluster) with the same people logged in. */
  on(server: string | { readonly baseUrl: string }): HttpClient {
    return new HttpClient(server, this.sessions)
  }

  get baseUrl(): string {
    return typeof this.server === 'string' ? this.server : this.server.baseUrl
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`
  }

  /** Logs in with a JWT; with `as`, later requests as that name send it. Returns the token. */
  async login(email: string, as?: string, password = TEST_PASSWORD): Promise<string> {
    const { status, body } = await this.post('/api/users/login', { email, password })
    if (status !== 200) throw new Error(`login of ${email} failed with ${status}`)
    if (as) this.sessions.set(as, { token: body.token })
    return body.token as string
  }

  /** Logs in as the admin's browser does: later requests as `as` send the login cookie. Returns it (`name=value`). */
  async cookieLogin(email: string, as: string, password = TEST_PASSWORD): Promise<string> {
    const { status, headers } = await this.post('/api/users/login', { email, password })
    if (status !== 200) throw new Error(`login of ${email} failed with ${status}`)
    const cookie = (headers.get('set-cookie') ?? '').split(';')[0]
    this.sessions.set(as, { cookie })
    return cookie
  }

  /** Creates the first account of an empty database (it becomes the admin) and logs in as it under `as`. */
  async firstRegister(email: string, as: string, password = TEST_PASSWORD): Promise<void> {
    const { status, body } = await this.post('/api/users/first-register', { email, password })
    if (status !== 200) throw new Error(`first-register of ${email} failed with ${status}`)
    this.remember(as, body.token)
  }

  /** Requests as `as` send this token (e.g. one from first-register). */
  remember(as: string, token: string): void {
    this.sessions.set(as, { token })
  }

  /** The headers that make a request come from `who` (none for anonymous). */
  credentials(who: Who): Record<string, string> {
    if (who === undefined) return {}
    const session = this.sessions.get(who)
    if (!session) throw new Error(`nobody is logged in as "${who}" on this client`)
    return 'token' in session ? { authorization: `JWT ${session.token}` } : { cookie: session.cookie }
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    who?: Who,
    options: RequestOptions = {},
  ): Promise<HttpResult> {
    // A form goes as multipart (fetch sets its content type); anything else as JSON.
    const form = body instanceof FormData
    const response = await fetch(this.url(path), {
      method,
      headers: {
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
        ...this.credentials(who),
        ...options.headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    return { status: response.status, body: parsed, text, headers: response.headers }
  }

  get(path: string, who?: Who, options?: RequestOptions): Promise<HttpResult> {
    return this.request('GET', path, undefined, who, options)
  }

  post(path: string, body: unknown, who?: Who, options?: RequestOptions): Promise<HttpResult> {
    return this.request('POST', path, body, who, options)
  }

  patch(path: string, body: unknown, who?: Who, options?: RequestOptions): Promise<HttpResult> {
    return this.request('PATCH', path, body, who, options)
  }

  delete(path: string, who?: Who, options?: RequestOptions): Promise<HttpResult> {
    return this.request('DELETE', path, undefined, who, options)
  }

  graphql(query: string, who?: Who, options?: RequestOptions): Promise<HttpResult> {
    return this.post('/api/graphql', { query }, who, options)
  }

  /**
   * A workflow action (src/workflow/endpoints.ts): POST /api/<collection>/<id>/workflow with
   * `{ action, ...extra }` (a `comment`, `acknowledgeClaims`, or `at` to schedule it).
   */
  act(
    collection: string,
    id: number | string,
    action: string,
    who: Who,
    extra: Record<string, unknown> = {},
  ): Promise<HttpResult> {
    return this.post(`/api/${collection}/${id}/workflow`, { action, ...extra }, who)
  }
}

/** A client for `server` (a URL, or anything with a `baseUrl`, such as useServer's handle). */
export const httpClient = (server: string | { readonly baseUrl: string }) => new HttpClient(server)

/** `where[id][in][0]=1&where[id][in][1]=2…`: restricts a REST list to our own documents. */
export const idsQuery = (ids: number[]) => ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')

/** GraphQL `where` restricting a list to our own documents. */
export const idsWhere = (ids: number[]) => `{ OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }`
