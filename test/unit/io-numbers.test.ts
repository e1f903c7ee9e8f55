import { describe, expect, it } from 'vitest';
import {
  detectNumberFormat,
  formatNumberCell,
  numberEvidence,
  parseDecimal,
  parseNumber,
  type DetectedFormat,
} from '../../client/src/io/numbers.ts';

describe('parseNumber: Dutch and English formats', () => {
  // [text, format the file shows, expected value | failure reason]
  const cases: [string, DetectedFormat, number | 'notANumber' | 'ambiguous'][] = [
    ['1234', null, 1234],
    ['1.234,56', null, 1234.56],
    ['1,234.56', null, 1234.56],
    ['1.234.567', null, 1234567],
    ['1,234,567', null, 1234567],
    ['12,5', null, 12.5],
    ['12.5', null, 12.5],
    ['0,125', null, 0.125],
    ['1234.567', null, 1234.567],
    ['€ 1.250.000', null, 1250000],
    ['1 234 567,89', null, 1234567.89],
    ['EUR 2.500', null, 2500],
    ['-1.234,5', null, -1234.5],
    // A lone separator before exactly three digits is ambiguous on its own:
    ['1.234', null, 1234], // no evidence in the file: thousands
    ['1,234', null, 1234],
    ['1.234', 'nl', 1234],
    ['1.234', 'en', 1.234],
    ['1,234', 'nl', 1.234],
    ['1,234', 'en', 1234],
    ['1.234', 'conflict', 'ambiguous'],
    ['12,5', 'conflict', 12.5], // unambiguous values are read by their own evidence
    // Wrong for the chosen format, or not a number at all:
    ['1,234.56', 'nl', 'notANumber'],
    ['1.23.4', null, 'notANumber'],
    ['abc', null, 'notANumber'],
    ['12abc', null, 'notANumber'],
    ['', null, 'notANumber'],
    ['1e+21', null, 1e21],
  ];
  it.each(cases)('%s (file: %s) → %s', (text, format, expected) => {
    const r = parseNumber(text, format);
    if (typeof expected === 'number') expect(r).toEqual({ ok: true, value: expected });
    else expect(r).toEqual({ ok: false, reason: expected });
  });
});

describe('evidence and detection', () => {
  it.each([
    ['1.234,56', 'nl'],
    ['1,234.56', 'en'],
    ['12,5', 'nl'],
    ['12.50', 'en'],
    ['1.234', null],
    ['1234', null],
    ['1.234.567', 'nl'],
  ] as const)('%s says %s', (text, format) => expect(numberEvidence(text)).toBe(format));

  it('a file shows one format, none, or both', () => {
    expect(detectNumberFormat(['1.234', '12,5', ''])).toBe('nl');
    expect(detectNumberFormat(['1.234', '1000'])).toBe(null);
    expect(detectNumberFormat(['12,5', '12.5'])).toBe('conflict');
  });
});

describe('formatNumberCell reads back exactly, in both formats, whatever else the file holds', () => {
  const values = [0, 1, 1234, 1234.56, 0.1 + 0.2, 123.456, 999.999, 1e21, 1.5e-7, 250000];
  it.each(values)('%s', (n) => {
    for (const f of ['nl', 'en'] as const) {
      const cell = formatNumberCell(n, f);
      for (const file of [null, f] as const) expect(parseNumber(cell, file)).toEqual({ ok: true, value: n });
    }
  });
});

describe('parseDecimal (form fields: weights, shares, thresholds)', () => {
  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    [' 3 ', 3],
    ['0,25', 0.25],
  ])('%s → %s', (text, expected) => expect(parseDecimal(text)).toBe(expected));
  it.each(['', '   ', 'abc', '1,2,3'])('%j is not a number', (text) => expect(parseDecimal(text)).toBeNaN());
});
