/** Real calendar dates (core/dates.ts) and the schemas built on them: every impossible date is refused alike. */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
  birthdayProblem,
  calendarProblem,
  dateProblemText,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  isoDateProblem,
} from '../../core/dates.ts';
import { Birthday, IsoDate } from '../../core/model/common.ts';
import { parseWith } from '../../core/model/issues.ts';
import { ContactLogEntry, PersonalFacts } from '../../core/model/workspace.ts';

const text = (p: ReturnType<typeof isoDateProblem>) =>
  p === null || p === 'format' ? p : dateProblemText(p);

describe('calendarProblem', () => {
  it.each([
    [2024, 2, 29, null],
    [2023, 2, 29, { code: 'day', day: 29, month: 2, year: 2023 }],
    [1900, 2, 29, { code: 'day', day: 29, month: 2, year: 1900 }],
    [2000, 2, 29, null],
    [null, 2, 29, null],
    [null, 2, 30, { code: 'day', day: 30, month: 2, year: null }],
    [2026, 4, 31, { code: 'day', day: 31, month: 4, year: 2026 }],
    [2026, 12, 31, null],
    [2026, 13, 1, { code: 'month', month: 13 }],
    [2026, 0, 1, { code: 'month', month: 0 }],
    [2026, 1, 0, { code: 'day', day: 0, month: 1, year: 2026 }],
    [2026, 1, 32, { code: 'day', day: 32, month: 1, year: 2026 }],
  ] as const)('%s-%s-%s → %j', (y, m, d, expected) => expect(calendarProblem(y, m, d)).toEqual(expected));
});

describe('the examples of issue 11 §3, as sentences', () => {
  it.each([
    ['1991-02-31', '31 February does not exist', '31 februari bestaat niet'],
    ['1985-15-03', 'there is no month 15', 'maand 15 bestaat niet'],
    ['2023-02-29', '29 February 2023 does not exist', '29 februari 2023 bestaat niet'],
    ['2026-06-31', '31 June does not exist', '31 juni bestaat niet'],
    ['2026-06-00', 'there is no day 0', 'dag 0 bestaat niet'],
  ])('%s: %s / %s', (date, en, nl) => expect(text(isoDateProblem(date))).toEqual({ en, nl }));
  it('00-00 as a birthday: there is no month 0', () =>
    expect(text(birthdayProblem('00-00'))).toEqual({
      en: 'there is no month 0',
      nl: 'maand 0 bestaat niet',
    }));
  it('29 February without a year is a fine birthday; 30 February is not', () => {
    expect(birthdayProblem('02-29')).toBeNull();
    expect(birthdayProblem('1992-02-29')).toBeNull();
    expect(text(birthdayProblem('1991-02-29'))).toMatchObject({ en: '29 February 1991 does not exist' });
    expect(text(birthdayProblem('02-30'))).toMatchObject({ en: '30 February does not exist' });
  });
});

describe('the schemas refuse impossible dates with the same sentence', () => {
  it.each(['1991-02-31', '1985-15-03', '2023-02-29', '2026-04-31', '0000-00-00'])('IsoDate %s', (d) => {
    const parsed = parseWith(IsoDate, d);
    expect(parsed.ok).toBe(false);
    const why = text(isoDateProblem(d)) as Record<'en' | 'nl', string>;
    expect(!parsed.ok && parsed.issues[0]!.text).toEqual({
      en: `is not a real date: ${why.en}`,
      nl: `is geen bestaande datum: ${why.nl}`,
    });
  });
  it.each(['1991-02-31', '1985-15-03', '00-00', '02-30', '13-01'])('Birthday %s', (d) => {
    expect(parseWith(Birthday, d).ok).toBe(false);
    expect(parseWith(PersonalFacts, { birthday: d }).ok).toBe(false);
  });
  it.each(['2024-02-29', '1974-04-14', '0001-01-01', '9999-12-31'])('IsoDate %s is fine', (d) =>
    expect(parseWith(IsoDate, d).ok).toBe(true),
  );
  it('a wrong shape keeps its own message', () => {
    const parsed = parseWith(Birthday, '14-04-1974');
    expect(!parsed.ok && parsed.issues[0]!.text.en).toBe('must be a date as YYYY-MM-DD or MM-DD');
  });
  it('a contact moment on 30 February is refused', () => {
    const entry = {
      id: 'e',
      relationId: 'r',
      date: '2026-02-30',
      type: 'other',
      professionalIds: [],
      contactIds: [],
      note: '',
      signals: {},
    };
    expect(parseWith(ContactLogEntry, entry).ok).toBe(false);
    expect(parseWith(ContactLogEntry, { ...entry, date: '2026-02-28' }).ok).toBe(true);
  });
});

describe('day numbers', () => {
  it('agree with the calendar for every day from year 1 to 9999 (sampled), years below 100 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('0001-01-01')!, max: dayNumber('9999-12-31')! }), (n) => {
        const iso = fromDayNumber(n);
        return isIsoDate(iso) && dayNumber(iso) === n;
      }),
    );
    expect(dayNumber('0050-03-01')! - dayNumber('0050-02-28')!).toBe(1);
  });
  it('is null for an impossible date instead of rolling over', () => {
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('1991-02-31')).toBeNull();
  });
});
