/**
 * Dates as CSV exports write them, read into Haard's `YYYY-MM-DD` (and `MM-DD` for a birthday without a
 * year). Every date that comes out is a real calendar date (core/dates.ts): "31-02-1991" is refused with
 * "31 February does not exist", never rolled over into 3 March.
 *
 * What is read:
 *  - year first: `1974-04-14`, `1974/04/14`, `1974.04.14` — always year, month, day;
 *  - year last: `14-04-1974`, `14/4/1974`, `14.04.1974` — day-month or month-day by the file's date order;
 *  - without a year: `14-04`, `14/4` (by the date order), and `--04-14` (ISO 8601: month, day) — for a
 *    birthday only;
 *  - a time after the date (`2024-03-05 14:22`, `2024-03-05T14:22:00Z`, `5-3-2024 09:00`) is ignored: the
 *    day is what the export wrote, in its own time zone.
 * Two-digit years are refused (is `74` 1974 or 2074?), as are month names.
 *
 * The date order of a file (`dmy` or `mdy`) is what its values show: a first number above 12 can only be a
 * day (`14-04-1974` → day-month), a second number above 12 only a day (`04/14/1974` → month-day). A file
 * without such evidence is read day-month unless it writes its dates with "/" and its numbers the English
 * way (the US habit); the import screen says which reading it took and lets the person change it.
 */
import { calendarProblem, type DateProblem } from '../../../core/dates.ts';
import type { NumberFormat } from './numbers.ts';

export type DateOrder = 'dmy' | 'mdy';
/** What a file's dates show: one order, none (no value decides), or both (`conflict`). */
export type DetectedOrder = DateOrder | null | 'conflict';

export type ReadDate =
  | { ok: true; date: string }
  | { ok: false; reason: 'format' | 'twoDigitYear' | 'noYear' }
  | { ok: false; reason: 'impossible'; problem: DateProblem };

const pad = (n: number) => String(n).padStart(2, '0');
const TIME = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;
const NO_YEAR = /^(\d{1,2})([-/.])(\d{1,2})$/;
const ISO_NO_YEAR = /^--(\d{2})-?(\d{2})$/;

interface Parts {
  year: number | null;
  /** The two numbers before the year (or the month and day when the year came first). */
  a: number;
  b: number;
  /** `a`, `b` are month and day already (year first, or ISO without a year). */
  fixed: boolean;
  separator: string;
  twoDigitYear: boolean;
}

function parts(text: string): Parts | null {
  const s = text.trim().replace(TIME, '').trim();
  let m = YEAR_FIRST.exec(s);
  if (m) return { year: +m[1]!, a: +m[2]!, b: +m[3]!, fixed: true, separator: '-', twoDigitYear: false };
  m = YEAR_LAST.exec(s);
  if (m)
    return {
      year: +m[4]!,
      a: +m[1]!,
      b: +m[3]!,
      fixed: false,
      separator: m[2]!,
      twoDigitYear: m[4]!.length === 2,
    };
  m = ISO_NO_YEAR.exec(s);
  if (m) return { year: null, a: +m[1]!, b: +m[2]!, fixed: true, separator: '-', twoDigitYear: false };
  m = NO_YEAR.exec(s);
  if (m) return { year: null, a: +m[1]!, b: +m[3]!, fixed: false, separator: m[2]!, twoDigitYear: false };
  return null;
}

/** What one value says about the date order; null when it says nothing. */
export function dateEvidence(text: string): DateOrder | null {
  const p = parts(text);
  if (!p || p.fixed) return null;
  if (p.a > 12 && p.b <= 12) return 'dmy';
  if (p.b > 12 && p.a <= 12) return 'mdy';
  return null;
}

/** A value that reads differently day-month and month-day ("05-03-1980"; not "05-05-1980", not "1980-03-05"). */
export function isAmbiguousDate(text: string): boolean {
  const p = parts(text);
  return !!p && !p.fixed && p.a !== p.b && p.a >= 1 && p.a <= 12 && p.b >= 1 && p.b <= 12;
}

/** The order the values show (see the module comment). */
export function detectDateOrder(values: Iterable<string>): DetectedOrder {
  let found: DateOrder | null = null;
  for (const v of values) {
    const e = dateEvidence(v);
    if (!e) continue;
    if (found && found !== e) return 'conflict';
    found = e;
  }
  return found;
}

/** Day-month, unless the dates are written with "/" and the numbers the English way (US exports). */
export function defaultDateOrder(values: Iterable<string>, numbers: 'nl' | 'en' | null): DateOrder {
  if (numbers !== 'en') return 'dmy';
  for (const v of values) {
    const p = parts(v);
    if (p && !p.fixed) return p.separator === '/' ? 'mdy' : 'dmy';
  }
  return 'dmy';
}

/**
 * Read one date. `yearless: true` (birthdays) also takes a day and month without a year and gives `MM-DD`;
 * otherwise a year is required. Empty text is not a date: callers treat empty cells before calling this.
 */
export function readDate(text: string, order: DateOrder, opts: { yearless?: boolean } = {}): ReadDate {
  const p = parts(text);
  if (!p) return { ok: false, reason: 'format' };
  if (p.twoDigitYear) return { ok: false, reason: 'twoDigitYear' };
  if (p.year === null && !opts.yearless) return { ok: false, reason: 'noYear' };
  const [month, day] = p.fixed || order === 'mdy' ? [p.a, p.b] : [p.b, p.a];
  const problem = calendarProblem(p.year, month, day);
  if (problem) return { ok: false, reason: 'impossible', problem };
  const md = `${pad(month)}-${pad(day)}`;
  return { ok: true, date: p.year === null ? md : `${String(p.year).padStart(4, '0')}-${md}` };
}

/**
 * A birthday for a CSV cell: `YYYY-MM-DD` as it is (the same in every date order); without a year as
 * day-month, `DD-MM` — what a reader of a Dutch or British export expects, and what the import reads back
 * by default (a file without evidence of month-day dates is read day-month, and Haard's own export writes
 * no other ambiguous dates).
 */
export const formatBirthdayCell = (birthday: string): string => {
  const m = /^(\d{2})-(\d{2})$/.exec(birthday);
  return m ? `${m[2]}-${m[1]}` : birthday;
};

/** How the file's dates were read, for the person to check. */
export interface DateReading {
  detected: DetectedOrder;
  used: DateOrder;
  /** No value decided the order: `used` is an assumption. */
  assumed: boolean;
  /** The first value that decided it ("14-04-1974" can only be day-month). */
  evidence: { text: string; line: number } | null;
  /** The first value that reads differently the other way, with how it was read. */
  example: { text: string; line: number; date: string } | null;
  /** How many date cells could be read both ways. */
  ambiguous: number;
}

/** How the date cells are read: the person's order, else the file's evidence, else the default. */
export function dateReading(
  cells: readonly { line: number; text: string }[],
  chosen: DateOrder | 'auto',
  numbers: NumberFormat | null,
): DateReading | null {
  if (cells.length === 0) return null;
  const detected = detectDateOrder(cells.map((c) => c.text));
  const fallback = defaultDateOrder(
    cells.map((c) => c.text),
    numbers,
  );
  const used = chosen !== 'auto' ? chosen : detected === 'dmy' || detected === 'mdy' ? detected : fallback;
  const decider = cells.find((c) => detectDateOrder([c.text]) === used);
  const ambiguousCells = cells.filter((c) => isAmbiguousDate(c.text));
  const firstAmbiguous = ambiguousCells[0];
  const read = firstAmbiguous ? readDate(firstAmbiguous.text, used, { yearless: true }) : null;
  return {
    detected,
    used,
    assumed: chosen === 'auto' && detected !== 'dmy' && detected !== 'mdy',
    evidence: decider ? { text: decider.text, line: decider.line } : null,
    example: firstAmbiguous && read?.ok ? { ...firstAmbiguous, date: read.date } : null,
    ambiguous: ambiguousCells.length,
  };
}
