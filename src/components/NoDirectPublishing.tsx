/**
 * Replaces Payload's own Publish and Unpublish buttons on workflow collections: documents go
 * live and come down only through the workflow actions (the server refuses direct publishing).
 */
export function NoDirectPublishing() {
  return null
}
