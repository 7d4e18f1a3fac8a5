/** Postgres refuses text containing NUL (\u0000) with an error: such input is refused with 400 first. */
export const containsNulCharacter = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Boolean(value) && typeof value === 'object' && Object.values(value as object).some(containsNulCharacter)
