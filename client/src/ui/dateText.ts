/**
 * Dates as people type them into a date field (DateField.tsx), read into Haard's `YYYY-MM-DD` — the one reading
 * behind every typed date in the app (plan goals and actions, commitments, meeting dates, KPIs, the contact log,
 * the tournament). Pure: no DOM, no clock.
 *
 * What is read, in both languages (Dutch and British English write the day first):
 *  - day-month-year with `-`, `/` or `.`: `31-12-2027`, `31/12/2027`, `1.2.2027`;
 *  - year first: `2027-12-31` (ISO 8601; also what a test or a paste from a spreadsheet gives);
 *  - empty text: no date (the caller decides whether that is allowed).
 * A date that cannot be ("31-02-2027") or is not whole ("31-02", "3-", "31-02-27") is refused with the reason, in
 * the person's language — "31 februari bestaat niet" — never rolled over to 3 March and never read as "no date".
 * The reading is io/dates.ts' `readDate` (the CSV import's), in day-month order.
 */
import { dateProblemText, isIsoDate } from '../../../core/dates.ts';
import type { Locale } from '../../../core/model/common.ts';
import { readDate } from '../io/dates.ts';

/** Why typed text is not a date: the date does not exist, or the text is not a whole date. */
export type TypedDateProblem =
  { code: 'impossible'; text: Record<Locale, string> } | { code: 'noYear' | 'twoDigitYear' | 'format' };

export type TypedDate = { ok: true; date: string | null } | { ok: false; problem: TypedDateProblem };

/** Read `text` as typed into a date field: `{ ok, date }` (`null` for empty text) or what is wrong. */
export function readTypedDate(text: string): TypedDate {
  const s = text.trim();
  if (s === '') return { ok: true, date: null };
  const read = readDate(s, 'dmy');
  if (read.ok) return { ok: true, date: read.date };
  if (read.reason === 'impossible')
    return { ok: false, problem: { code: 'impossible', text: dateProblemText(read.problem) } };
  return { ok: false, problem: { code: read.reason } };
}

const SEPARATOR: Record<Locale, string> = { nl: '-', en: '/' };

/** A stored `YYYY-MM-DD` as the field shows it: `31-12-2027` (nl), `31/12/2027` (en); other text as it is. */
export function dateFieldText(iso: string | null | undefined, lang: Locale): string {
  if (!iso) return '';
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split('-');
  return [d, m, y].join(SEPARATOR[lang]);
}

/** The pattern the field asks for, in the person's language: `dd-mm-jjjj`, `dd/mm/yyyy`. */
export const datePattern = (lang: Locale): string => (lang === 'nl' ? 'dd-mm-jjjj' : 'dd/mm/yyyy');
