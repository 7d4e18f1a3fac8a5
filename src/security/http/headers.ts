/**
 * Security headers (helmet), in two sets:
 * - pages (the Payload admin): what the admin still works with. Next renders inline scripts and
 *   styles, so the content security policy allows those but nothing from elsewhere;
 * - API answers (under /api: JSON, XML, image files): never rendered as a page, so their policy
 *   allows nothing at all and no framing (OWASP's REST Security Cheat Sheet), and the headers that
 *   only act on pages (COOP, Origin-Agent-Cluster, DNS prefetch, old IE's download and XSS
 *   switches) are left out: a front end's read carries a third fewer header bytes.
 * Helmet's values do not depend on the request, so they are worked out once at start and every
 * request gets the same list: the read cache's hit path sets them without running helmet.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>

interface HeaderOptions {
  devServer: boolean
  /** Front ends the admin's Live Preview shows in a frame (SITE_URL's origin). */
  previewOrigins?: string[]
}

function helmetFor({ devServer, previewOrigins = [] }: HeaderOptions) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Next's hydration data is inline; React's development build also needs eval.
        scriptSrc: ["'self'", "'unsafe-inline'", ...(devServer ? ["'unsafe-eval'"] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Upload previews are blob: and data: URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(devServer ? ['ws:', 'wss:'] : [])],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        // Live Preview renders the front end beside the editor.
        frameSrc: ["'self'", ...previewOrigins],
      },
    },
    crossOriginResourcePolicy: EMBEDDABLE_BY_ANY_SITE,
  })
}

/** Images under /api/media/file are embedded by the public website on its own origin. */
const EMBEDDABLE_BY_ANY_SITE = { policy: 'cross-origin' } as const

function apiHelmet() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: EMBEDDABLE_BY_ANY_SITE,
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xXssProtection: false,
  })
}

type HeaderMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void

/**
 * The headers `middleware` sets, found by running it once against a response that only records
 * them. Refuses middleware that does anything else (answers, fails, or waits), whose headers
 * could then depend on the request.
 */
export function headersSetBy(middleware: HeaderMiddleware): HeaderList {
  const headers = new Map<string, string>()
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  }
  let calledNext = false
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error
    calledNext = true
  })
  if (!calledNext) throw new Error('header middleware must set headers and call next at once')
  return [...headers]
}

export const securityHeaderList = (options: HeaderOptions): HeaderList => headersSetBy(helmetFor(options))

export const apiSecurityHeaderList = (): HeaderList => headersSetBy(apiHelmet())

export interface SecurityHeaderSets {
  pages: HeaderList
  api: HeaderList
}

export const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')

export function setHeaders(res: ServerResponse, headers: HeaderList): void {
  for (const [name, value] of headers) res.setHeader(name, value)
}

export function securityHeaders({ pages, api }: SecurityHeaderSets): RequestHandler {
  return (req, res, next) => {
    setHeaders(res, isApiPath(req.url) ? api : pages)
    next()
  }
}
