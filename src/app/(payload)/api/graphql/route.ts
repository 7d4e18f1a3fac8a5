import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

export const POST = GRAPHQL_POST(config)
/**
 * Queries over GET (`/api/graphql?query=…`) so CDNs and browsers can cache them. The same
 * handler follows GraphQL over HTTP: a mutation sent with GET is refused with 405.
 */
export const GET = POST
export const OPTIONS = REST_OPTIONS(config)
