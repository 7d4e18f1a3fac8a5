/**
 * `GET /api/media/file/<name>` for a name no image has: Payload looks for it on disk and answers
 * a missing file with a 500. A name that no media document (nor any of its resized variants)
 * carries is a plain 404 before any storage is asked.
 */
import { NotFound, type CollectionSlug, type UploadConfig, type Where } from 'payload'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]

export const answerUnknownFilesWith404: FileHandler = async (req, { params }): Promise<void> => {
  const collection = req.payload.collections[params.collection as CollectionSlug]?.config
  const sizes = (
    collection?.upload && typeof collection.upload === 'object' ? (collection.upload.imageSizes ?? []) : []
  ).map((size) => size.name)
  const named: Where[] = [
    { filename: { equals: params.filename } },
    ...sizes.map((size) => ({ [`sizes.${size}.filename`]: { equals: params.filename } })),
  ]
  const { totalDocs } = await req.payload.count({
    collection: params.collection as CollectionSlug,
    where: { or: named },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) throw new NotFound(req.t)
}
