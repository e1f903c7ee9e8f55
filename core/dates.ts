/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in whole days, independent of time zones.
 * core/ never reads the clock: callers pass "today" in.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, or null when the string is not a real date. */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

/** `YYYY-MM-DD` for a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later); null when either is not a date. */
export function daysBetween(a: string, b: string): number | null {
  const da = dayNumber(a);
  const db = dayNumber(b);
  return da === null || db === null ? null : db - da;
}

/** `date` plus `days` (may be negative); null when `date` is not a date. */
export function addDays(date: string, days: number): string | null {
  const d = dayNumber(date);
  return d === null ? null : fromDayNumber(d + days);
}

/** The calendar date (UTC) of an ISO date-time such as `2026-03-01T10:00:00Z`; null when unreadable. */
export function dateOf(dateTime: string): string | null {
  const ms = Date.parse(dateTime);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

export const isIsoDate = (s: unknown): s is string => typeof s === 'string' && dayNumber(s) !== null;
