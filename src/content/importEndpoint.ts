/**
 * POST /api/articles/import: staff send a Markdown or HTML document (multipart file, or JSON
 * `{ "format": "markdown" | "html", "source": "…" }`) and get a new article draft back.
 */
import { addDataAndFileToRequest, APIError, type Endpoint, type PayloadRequest } from 'payload'

import type { User } from '../../payload-types'
import { isStaffUser } from '../access/roles'
import { ImportError, type ImportFormat } from '../import/convert'
import { importArticleDraft } from './importArticle'
import { formatFromFileName, IMPORT_FORMATS, UNKNOWN_FORMAT_MESSAGE } from './importFormat'

const MAX_SOURCE_BYTES = 2 * 1024 * 1024

const badRequest = (message: string) => new APIError(message, 400, undefined, true)

async function readImportRequest(req: PayloadRequest): Promise<{ source: string; format: ImportFormat }> {
  const contentType = req.headers.get('content-type') ?? ''
  if (!contentType.startsWith('multipart/form-data') && !contentType.startsWith('application/json')) {
    throw badRequest('Send the document as a multipart file upload (field "file") or as JSON { "format", "source" }.')
  }
  await addDataAndFileToRequest(req)
  if (req.file) {
    if (req.file.size > MAX_SOURCE_BYTES) throw new APIError('The document is larger than 2 MB.', 413, undefined, true)
    const format = formatFromFileName(req.file.name)
    if (!format) throw badRequest(UNKNOWN_FORMAT_MESSAGE(req.file.name))
    return { source: req.file.data.toString('utf8'), format }
  }
  const { format, source } = (req.data ?? {}) as { format?: unknown; source?: unknown }
  if (!IMPORT_FORMATS.includes(format as ImportFormat)) throw badRequest('"format" must be "markdown" or "html".')
  if (typeof source !== 'string') throw badRequest('"source" must be the document\'s text.')
  if (Buffer.byteLength(source) > MAX_SOURCE_BYTES)
    throw new APIError('The document is larger than 2 MB.', 413, undefined, true)
  return { source, format: format as ImportFormat }
}

export const importArticleEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to import articles.', 401, undefined, true)
    if (!isStaffUser(req.user))
      throw new APIError('Only writers, reviewers and admins can import articles.', 403, undefined, true)
    try {
      const { source, format } = await readImportRequest(req)
      const draft = await importArticleDraft(req.payload, { source, format, author: req.user as User, req })
      return Response.json(draft, { status: 201 })
    } catch (error) {
      if (error instanceof ImportError) throw badRequest(error.message)
      throw error
    }
  },
}
