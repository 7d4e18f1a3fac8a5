/**
 * Security headers are worked out once (headersSetBy) and set on every answer, the read cache's
 * hits included: the list must be helmet's, and middleware whose headers could depend on the
 * request must be refused rather than frozen.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { apiSecurityHeaderList, headersSetBy, isApiPath, securityHeaderList } from '../../src/security/http/headers'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void

describe('headersSetBy', () => {
  it('records what a middleware sets and removes, by lowercase name', () => {
    const middleware: Middleware = (_req, res, next) => {
      res.setHeader('X-Frame-Options', 'DENY')
      res.setHeader('X-Powered-By', 'test')
      res.removeHeader('X-Powered-By')
      next()
    }
    expect(headersSetBy(middleware)).toEqual([['x-frame-options', 'DENY']])
  })

  it('refuses middleware that does not call next at once', () => {
    const answers: Middleware = () => undefined
    expect(() => headersSetBy(answers)).toThrow('must set headers and call next at once')
  })

  it('refuses middleware that fails', () => {
    const fails: Middleware = (_req, _res, next) => next(new Error('no'))
    expect(() => headersSetBy(fails)).toThrow('no')
  })
})

describe('securityHeaderList', () => {
  it('holds helmet’s headers with the policy the admin needs', () => {
    const headers = new Map(securityHeaderList({ devServer: false }))
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('strict-transport-security')).toContain('max-age=')
    expect(headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(headers.get('content-security-policy')).not.toContain('unsafe-eval')
  })

  it('allows eval only for the development server', () => {
    expect(new Map(securityHeaderList({ devServer: true })).get('content-security-policy')).toContain("'unsafe-eval'")
  })
})

describe('apiSecurityHeaderList', () => {
  it('lets an API answer opened as a page run, load and frame nothing', () => {
    const headers = new Map(apiSecurityHeaderList())
    expect(headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'")
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.has('cross-origin-opener-policy')).toBe(false)
  })

  it('applies to the API’s paths only', () => {
    expect(['/api', '/api/articles', '/api?x=1'].map(isApiPath)).toEqual([true, true, true])
    expect(['/admin', '/apix', '/', '/admin/api'].map(isApiPath)).toEqual([false, false, false, false])
  })
})
