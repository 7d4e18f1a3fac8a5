/**
 * Connections in each process's Postgres pool (Payload's adapter). The server lets at most half
 * as many writes run at once (src/server/writeSlots.ts): a write holds one connection for its
 * transaction and Payload's document-lock check reads on a second one outside it
 * (checkDocumentLockStatus passes no request, on purpose: payloadcms/payload#11287).
 */
export const DATABASE_POOL_SIZE = 10

export const CONCURRENT_WRITES = DATABASE_POOL_SIZE / 2
