/**
 * Turning a Markdown or HTML document into an article draft. Used by `npm run import` and by
 * `POST /api/articles/import`. Imports are always drafts: going public is the reviewers' call.
 */
import { APIError, ValidationError, type Payload, type PayloadRequest } from 'payload'

import type { User } from '../../payload-types'
import { convertDocument, type ImportFormat } from '../import/convert'

export interface ImportedDraft {
  id: number
  title: string
  slug: string
  warnings: string[]
}

/** A slug clash or an invalid field is the writer's to fix: say which and why. */
function explainValidation(error: ValidationError): string {
  return error.data.errors.map((fieldError) => `${fieldError.path}: ${fieldError.message}`).join('; ')
}

export async function importArticleDraft(
  payload: Payload,
  { source, format, author, req }: { source: string; format: ImportFormat; author: User; req?: Partial<PayloadRequest> },
): Promise<ImportedDraft> {
  const converted = await convertDocument(source, format, payload.config)
  try {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: converted.title, content: converted.content as never, _status: 'draft' },
      draft: true,
      user: author,
      overrideAccess: false,
      req,
    })
    return { id: draft.id, title: draft.title, slug: draft.slug as string, warnings: converted.warnings }
  } catch (error) {
    if (error instanceof ValidationError) throw new APIError(`The article could not be created: ${explainValidation(error)}`, 400, undefined, true)
    throw error
  }
}
