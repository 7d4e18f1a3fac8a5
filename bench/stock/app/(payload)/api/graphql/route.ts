import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

export const POST = GRAPHQL_POST(config)
/** The benchmark sends GraphQL over GET too, as spa-cms allows: the same handler. */
export const GET = POST
export const OPTIONS = REST_OPTIONS(config)
