/**
 * Reading `haard token --expires`: an ISO 8601 date (`2027-01-31`, meaning the end of that day, UTC) or date
 * and time (`2027-01-31T17:00`, local time, or with `Z` / `+01:00`). The date is checked by the one calendar
 * rule of core/dates.ts, so "30 February" is refused as `--today` refuses it, never rolled over into 2 March
 * as `Date.parse` does; hours, minutes and seconds must be in range too.
 */
import { dateProblemText, isoDateProblem } from '../../core/dates.ts';
import type { Locale } from '../../core/model/index.ts';

const EXPIRY = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The moment `text` names; `format` when it is not ISO 8601; `why` (in `locale`) when it names no real moment. */
export type Expiry = { ok: true; at: Date } | { ok: false; format: true } | { ok: false; why: string };

const outOfRange: Record<Locale, (unit: 'hour' | 'minute' | 'second', n: string) => string> = {
  en: (unit, n) => `there is no ${unit} ${Number(n)}`,
  nl: (unit, n) => `${{ hour: 'uur', minute: 'minuut', second: 'seconde' }[unit]} ${Number(n)} bestaat niet`,
};

export function parseExpiry(text: string, locale: Locale): Expiry {
  const m = EXPIRY.exec(text);
  if (!m) return { ok: false, format: true };
  const [, date, hour, minute, second, offset] = m;
  const problem = isoDateProblem(date!);
  if (problem === 'format') return { ok: false, format: true };
  if (problem) return { ok: false, why: dateProblemText(problem)[locale] };
  if (hour === undefined) return { ok: true, at: new Date(`${date}T23:59:59Z`) };
  if (Number(hour) > 23) return { ok: false, why: outOfRange[locale]('hour', hour) };
  if (Number(minute) > 59) return { ok: false, why: outOfRange[locale]('minute', minute!) };
  if (second !== undefined && Number(second) > 59)
    return { ok: false, why: outOfRange[locale]('second', second) };
  if (offset !== undefined && offset !== 'Z') {
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    if (oh > 23 || om > 59) return { ok: false, format: true };
  }
  return { ok: true, at: new Date(Date.parse(text)) };
}
