/**
 * The order to ask Payload for versions in. Without one, Payload orders them by the collection's
 * defaultSort (articles: -publishedAt), which names no column of the versions table: its query
 * builder then throws and catches on every call.
 */
export const VERSIONS_NEWEST_FIRST = '-updatedAt'
