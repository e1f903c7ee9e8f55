/** Typed dates (client/src/ui/dateText.ts): what every date field of the app reads, one line per case. */
import { describe, expect, it } from 'vitest';
import { dateFieldText, datePattern, readTypedDate } from '../../client/src/ui/dateText.ts';

describe('readTypedDate', () => {
  it.each<[string, string | null]>([
    ['31-12-2027', '2027-12-31'],
    ['31/12/2027', '2027-12-31'],
    ['1.2.2027', '2027-02-01'],
    ['15-3-2027', '2027-03-15'],
    ['2027-12-31', '2027-12-31'], // ISO, year first (a paste, a test's fill)
    [' 29-02-2028 ', '2028-02-29'], // a leap year
    ['', null],
    ['   ', null],
  ])('%j reads as %j', (text, date) => {
    expect(readTypedDate(text)).toEqual({ ok: true, date });
  });

  it.each<[string, string, string]>([
    ['31-02-2027', '31 February does not exist', '31 februari bestaat niet'],
    ['30/02/2027', '30 February does not exist', '30 februari bestaat niet'],
    ['29-02-2027', '29 February 2027 does not exist', '29 februari 2027 bestaat niet'],
    ['31-04-2027', '31 April does not exist', '31 april bestaat niet'],
    ['2027-02-31', '31 February does not exist', '31 februari bestaat niet'],
    ['12-13-2027', 'there is no month 13', 'maand 13 bestaat niet'],
    ['32-01-2027', 'there is no day 32', 'dag 32 bestaat niet'],
  ])('%j does not exist: “%s” / “%s”', (text, en, nl) => {
    expect(readTypedDate(text)).toEqual({ ok: false, problem: { code: 'impossible', text: { en, nl } } });
  });

  it.each<[string, string]>([
    ['31-02', 'noYear'],
    ['31-02-27', 'twoDigitYear'],
    ['3-', 'format'],
    ['31 februari 2027', 'format'],
    ['morgen', 'format'],
  ])('%j is not a whole date (%s)', (text, code) => {
    expect(readTypedDate(text)).toEqual({ ok: false, problem: { code } });
  });
});

describe('dateFieldText and datePattern', () => {
  it.each<[string | null, string, string]>([
    ['2027-03-15', '15-03-2027', '15/03/2027'],
    [null, '', ''],
    ['', '', ''],
  ])('%j shows as %j (nl) and %j (en)', (iso, nl, en) => {
    expect(dateFieldText(iso, 'nl')).toBe(nl);
    expect(dateFieldText(iso, 'en')).toBe(en);
  });
  it('asks for day, month, year in each language', () => {
    expect(datePattern('nl')).toBe('dd-mm-jjjj');
    expect(datePattern('en')).toBe('dd/mm/yyyy');
  });
});
