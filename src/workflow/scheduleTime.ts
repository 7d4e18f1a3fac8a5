/**
 * The time a workflow action is scheduled for, as clients send it: an ISO 8601 date and time with
 * its offset from UTC (`2026-12-24T09:30:00+01:00` or `…Z`), so that "9:30" means the same
 * moment to the editor who chose it and to the server. Pure, for the endpoints and their tests.
 */
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/

export type ScheduleTime = { ok: true; at: Date } | { ok: false; reason: string }

const EXAMPLE = 'for example "2026-12-24T09:30:00+01:00" or "2026-12-24T08:30:00Z"'

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

export function parseScheduleTime(value: unknown, now: Date): ScheduleTime {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, reason: `"at" must be a date and time with its time zone offset, ${EXAMPLE}.` }
  }
  const match = ISO_WITH_OFFSET.exec(value.trim())
  if (!match) {
    return { ok: false, reason: `"${value}" is not a date and time with a time zone offset; send it as ${EXAMPLE}.` }
  }
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match
  const fieldsValid =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysIn(Number(year), Number(month)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59
  const at = new Date(value.trim())
  if (!fieldsValid || Number.isNaN(at.getTime()))
    return { ok: false, reason: `"${value}" is not a real date and time.` }
  if (at.getTime() <= now.getTime()) {
    return {
      ok: false,
      reason: `${at.toISOString()} is in the past (it is now ${now.toISOString()}): choose a later time.`,
    }
  }
  return { ok: true, at }
}
