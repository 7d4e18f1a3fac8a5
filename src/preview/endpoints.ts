/**
 * The preview links over HTTP:
 *   POST   /api/<collection>/<id>/preview-link   staff: a link for one document ({ "expiresIn": seconds } optional)
 *   DELETE /api/<collection>/<id>/preview-link   staff: revoke every link to that document
 *   DELETE /api/preview-links                    admins: revoke every preview link there is
 *   GET    /api/preview-links/current            with X-Preview-Token: what the token opens (for front ends' draft routes)
 * Every answer is personal: `Cache-Control: private, no-store`.
 */
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { isAdminUser, isStaffUser } from '../access/roles'
import { PREVIEW_TOKEN_HEADER, previewTokenOf, verifyPreviewToken } from './grant'
import { issuePreviewLink } from './links'
import { documentScope, EVERY_LINK, revoke } from './revocations'
import type { ResolvedPreviewLinksOptions } from './types'

const NEVER_STORED = { 'cache-control': 'private, no-store' }

const answer = (body: unknown, status = 200) => Response.json(body, { status, headers: NEVER_STORED })

function requireStaff(req: PayloadRequest): void {
  if (!req.user) throw new APIError('Log in to manage preview links.', 401, undefined, true)
  if (!isStaffUser(req.user)) throw new APIError('Only the editorial team manages preview links.', 403, undefined, true)
}

function documentIdOf(req: PayloadRequest, collection: string): number {
  const id = String(req.routeParams?.id ?? '')
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647)
    throw new APIError(
      `There is no ${collection} document with that id: ids are whole numbers from 1 up.`,
      404,
      undefined,
      true,
    )
  return Number(id)
}

/** The document must exist and be readable by this staff member (drafts included). */
async function ensureReadable(req: PayloadRequest, collection: string, id: number): Promise<void> {
  const doc = await req.payload.findByID({
    collection: collection as never,
    id,
    draft: true,
    depth: 0,
    select: { id: true } as never,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
  })
  if (!doc) throw new APIError(`There is no ${collection} document with id ${id}.`, 404, undefined, true)
}

async function requestedLifetime(req: PayloadRequest, options: ResolvedPreviewLinksOptions): Promise<number> {
  let body: unknown = {}
  const text = req.text ? await req.text() : ''
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      throw new APIError('Send a JSON object such as { "expiresIn": 3600 }, or no body.', 400, undefined, true)
    }
  }
  const expiresIn = (body as { expiresIn?: unknown } | null)?.expiresIn
  if (expiresIn === undefined) return options.ttlSeconds
  if (!Number.isInteger(expiresIn) || (expiresIn as number) < 60 || (expiresIn as number) > options.maxTtlSeconds) {
    throw new APIError(
      `"expiresIn" is the link's lifetime in whole seconds, from 60 to ${options.maxTtlSeconds}.`,
      400,
      undefined,
      true,
    )
  }
  return expiresIn as number
}

export function documentPreviewEndpoints(collection: string, options: ResolvedPreviewLinksOptions): Endpoint[] {
  return [
    {
      path: '/:id/preview-link',
      method: 'post',
      handler: async (req) => {
        requireStaff(req)
        const id = documentIdOf(req, collection)
        const seconds = await requestedLifetime(req, options)
        await ensureReadable(req, collection, id)
        return answer(await issuePreviewLink(req.payload, { collection, id }, { seconds }, options.siteUrl), 201)
      },
    },
    {
      path: '/:id/preview-link',
      method: 'delete',
      handler: async (req) => {
        requireStaff(req)
        const id = documentIdOf(req, collection)
        await ensureReadable(req, collection, id)
        await revoke(req.payload, documentScope(collection, id))
        req.payload.logger.info(
          { preview: { collection, id }, by: req.user?.id },
          'preview links of a document revoked',
        )
        return answer({ revoked: { collection, id }, message: 'Every preview link to this document now answers 401.' })
      },
    },
  ]
}

export function rootPreviewEndpoints(options: ResolvedPreviewLinksOptions): Endpoint[] {
  return [
    {
      path: '/preview-links',
      method: 'delete',
      handler: async (req) => {
        requireStaff(req)
        if (!isAdminUser(req.user))
          throw new APIError(
            "Only admins revoke every preview link at once; revoke one document's links from that document.",
            403,
            undefined,
            true,
          )
        await revoke(req.payload, EVERY_LINK)
        req.payload.logger.info({ by: req.user?.id }, 'every preview link revoked')
        return answer({ revoked: 'all', message: 'Every preview link issued so far now answers 401.' })
      },
    },
    {
      path: '/preview-links/current',
      method: 'get',
      handler: async (req) => {
        const token = previewTokenOf(req)
        if (!token)
          throw new APIError(`Send the preview token in the ${PREVIEW_TOKEN_HEADER} header.`, 401, undefined, true)
        const grant = await verifyPreviewToken(req, token, options.collections)
        // The system reads the slug of the one document the valid token names, for the front end's redirect.
        const doc = (await req.payload.findByID({
          collection: grant.collection as never,
          id: grant.id,
          draft: true,
          depth: 0,
          select: { slug: true } as never,
          overrideAccess: true,
          disableErrors: true,
        })) as { slug?: string } | null
        if (!doc)
          throw new APIError('The document this preview link was made for no longer exists.', 404, undefined, true)
        return answer({
          collection: grant.collection,
          id: grant.id,
          slug: doc.slug ?? null,
          expiresAt: new Date(grant.expiresAt * 1000).toISOString(),
        })
      },
    },
  ]
}
