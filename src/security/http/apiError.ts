import type { Response } from 'express'

/** Refusals in the shape Payload uses, so clients handle ours and Payload's the same way. */
export function sendApiError(res: Response, status: number, message: string): void {
  res
    .status(status)
    .set('cache-control', 'no-store')
    .json({ errors: [{ message }] })
}
