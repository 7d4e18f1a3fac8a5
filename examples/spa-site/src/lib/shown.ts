/**
 * An image the page may show: one it received whole. Payload answers an upload its reader may not
 * see with the bare id; in Live Preview's merge that is an image picked but not saved yet, which
 * the CMS shows a preview only once its draft is saved (src/preview in the CMS).
 */
export const shownImage = <T extends object>(image: T | number | null | undefined): T | undefined =>
  typeof image === 'object' && image !== null ? image : undefined
