/** Postgres `serial` ids: whole numbers from 1 to 2^31 − 1. Anything else is no document, not a database error. */
const SERIAL_ID = /^[1-9]\d{0,9}$/
const MAX_SERIAL = 2_147_483_647

export const isSerialId = (id: unknown): boolean =>
  typeof id === 'number'
    ? Number.isInteger(id) && id > 0 && id <= MAX_SERIAL
    : SERIAL_ID.test(String(id)) && Number(id) <= MAX_SERIAL
