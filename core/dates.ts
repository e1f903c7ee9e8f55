/**
 * Calendar dates: arithmetic on `YYYY-MM-DD` strings in whole days (independent of time zones), and the
 * one check that a year, month and day form a real date of the Gregorian calendar — used by the schemas,
 * the CSV import, the form fields and the command line, so "31 February" is refused everywhere alike and
 * never rolled over into 3 March. core/ never reads the clock: callers pass "today" in.
 */
import type { Locale } from './model/common.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A birthday as Haard stores it: `YYYY-MM-DD`, or `MM-DD` when the year is not known. */
const BIRTHDAY = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/;

/** Gregorian leap year (year 0 is a leap year, as in ISO 8601's proleptic calendar). */
export const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days in `month` (1–12) of `year`; with `year` null (a birthday without a year) February has 29. */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a year, month and day are not a real date. */
export type DateProblem =
  { code: 'month'; month: number } | { code: 'day'; day: number; month: number; year: number | null };

/**
 * Null when `day` `month` `year` is a real calendar date, else what is wrong: a month outside 1–12, or a
 * day the month does not have (0, 32, 31 April, 30 February, 29 February outside a leap year). A null
 * year means "any year" (29 February is then fine).
 */
export function calendarProblem(year: number | null, month: number, day: number): DateProblem | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return { code: 'month', month };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(month, year)) {
    return { code: 'day', day, month, year };
  }
  return null;
}

/**
 * What is wrong with a `YYYY-MM-DD` string: `format` when it does not have that shape, a DateProblem when
 * it has but names no real day, null when it is a real date.
 */
export function isoDateProblem(text: string): DateProblem | 'format' | null {
  const m = ISO_DATE.exec(text);
  if (!m) return 'format';
  return calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The same for a birthday, `YYYY-MM-DD` or `MM-DD` (29 February is fine without a year). */
export function birthdayProblem(text: string): DateProblem | 'format' | null {
  const m = BIRTHDAY.exec(text);
  if (!m) return 'format';
  return calendarProblem(m[1] === undefined ? null : Number(m[1]), Number(m[2]), Number(m[3]));
}

export const isIsoDate = (s: unknown): s is string => typeof s === 'string' && isoDateProblem(s) === null;
export const isBirthday = (s: unknown): s is string => typeof s === 'string' && birthdayProblem(s) === null;

/** Days since 1970-01-01 for a real `YYYY-MM-DD`, or null when the string is not one. */
export function dayNumber(date: string): number | null {
  if (!isIsoDate(date)) return null;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(y, mo - 1, d); // setUTCFullYear, unlike Date.UTC, does not move years 0–99 to 1900+
  return Math.round(at.getTime() / DAY_MS);
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

/** Month names, for sentences about dates (the UI formats real dates with Intl). */
export const MONTH_NAMES: Record<Locale, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

/** A real `YYYY-MM-DD` as a person writes it in a sentence: '1 March 2100' / '1 maart 2100' (the year as given). */
export function spellDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTH_NAMES[locale][Number(m) - 1]} ${y}`;
}

/**
 * The problem as a sentence fragment per language: "31 February does not exist" / "31 februari bestaat
 * niet" (for any year), "29 February 2023 does not exist" (the year is why), "there is no month 15" / "maand 15 bestaat niet",
 * "there is no day 0" / "dag 0 bestaat niet".
 */
export function dateProblemText(p: DateProblem): Record<Locale, string> {
  if (p.code === 'month') return { en: `there is no month ${p.month}`, nl: `maand ${p.month} bestaat niet` };
  if (p.day < 1 || p.day > 31) return { en: `there is no day ${p.day}`, nl: `dag ${p.day} bestaat niet` };
  // The year is named only when it is what makes the day impossible (29 February 2023).
  const year =
    p.year !== null && p.day <= daysInMonth(p.month, null) ? ` ${String(p.year).padStart(4, '0')}` : '';
  const name = (l: Locale) => `${p.day} ${MONTH_NAMES[l][p.month - 1]}${year}`;
  return { en: `${name('en')} does not exist`, nl: `${name('nl')} bestaat niet` };
}
