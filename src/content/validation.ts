/** Field validators shared by the content collections; each returns true or a sentence for the writer. */
import type { TextFieldSingleValidation } from 'payload'

export function httpUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'A URL is required.'
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? undefined
      : `Only http(s) links are allowed, not "${url.protocol}".`
  } catch {
    return `"${value}" is not a valid URL: it should look like https://example.com/page.`
  }
}

export const validateHttpUrl: TextFieldSingleValidation = (value) => httpUrlProblem(value) ?? true
