/**
 * Payload fetches the file itself when a client creates an upload document with a `url` and a
 * `filename` instead of a file, even with `pasteURL: false` (it strips both from the data before
 * any hook sees it). The CMS never fetches for a client: REST requests that try are refused with
 * 400, and every other path (GraphQL) fails before a request leaves the server.
 */
import { APIError, type CollectionBeforeOperationHook } from 'payload'

const FILES_BY_URL_REFUSED = 'Send the image file itself: the CMS does not fetch files from URLs.'

const refusal = () => new APIError(FILES_BY_URL_REFUSED, 400, undefined, true)

/** The REST body Payload parsed (JSON, or multipart `_payload`) still carries the URL. */
export const refuseFilesByUrl: CollectionBeforeOperationHook<'media'> = ({ args, operation, req }) => {
  if (
    operation === 'create' &&
    req.payloadAPI === 'REST' &&
    typeof (req.data as { url?: unknown } | undefined)?.url === 'string'
  )
    throw refusal()
  return args
}

/** Payload asks for the headers of an outgoing file request first: there is never one to make. */
export const neverFetchExternalFiles = (): never => {
  throw refusal()
}
