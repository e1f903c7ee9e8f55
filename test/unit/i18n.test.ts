/** Every UI text exists in both languages, is not empty, and uses the same placeholders. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogs,
  formatAmount,
  formatMoney,
  formatNumberInput,
  translate,
  type MessageKey,
} from '../../client/src/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(catalogs.en) as MessageKey[];

describe('message catalogs', () => {
  it('have the same keys in English and Dutch', () => {
    expect(Object.keys(catalogs.nl).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s is filled in and has the same placeholders in both languages', (key) => {
    expect(catalogs.en[key].trim()).not.toBe('');
    expect(catalogs.nl[key].trim()).not.toBe('');
    expect(placeholders(catalogs.nl[key])).toEqual(placeholders(catalogs.en[key]));
  });

  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'presence.here', { count: 1234 })).toContain('1,234');
    expect(translate('nl', 'presence.here', { count: 1234 })).toContain('1.234');
  });

  it('has every key in one catalog file only, and every catalog file merged', async () => {
    // Two files with one key: the later file's text silently wins everywhere the key is used (a column
    // header once read "‘{name}’" because an import note reused its key).
    const dir = new URL('../../client/src/i18n/catalogs/', import.meta.url);
    const where = new Map<string, string[]>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const catalog = (await import(new URL(file, dir).href)) as { en: Record<string, string> };
      for (const key of Object.keys(catalog.en)) where.set(key, [...(where.get(key) ?? []), file]);
    }
    expect([...where].filter(([, files]) => files.length > 1)).toEqual([]);
    expect([...where.keys()].sort()).toEqual([...keys].sort());
  });

  it('marks a missing key visibly instead of failing silently', () => {
    expect(translate('en', 'no.such.key' as MessageKey)).toBe('⟦no.such.key⟧');
  });
});

// QA item 12: money shows what was entered — cents as two decimals when there are any, none otherwise;
// never rounded to whole euros behind the user's back. (Intl puts a no-break space after "€" in Dutch.)
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
describe('money', () => {
  it.each([
    ['nl', 1250000.5, '€ 1.250.000,50', '1.250.000,50'],
    ['nl', 1250000, '€ 1.250.000', '1.250.000'],
    ['nl', 250 + 1500.75, '€ 1.750,75', '1.750,75'],
    ['nl', 0.1 + 0.2, '€ 0,30', '0,30'],
    ['nl', 1234.004, '€ 1.234', '1.234'],
    ['nl', 1234.005, '€ 1.234,01', '1.234,01'],
    ['en', 1250000.5, '€1,250,000.50', '1,250,000.50'],
    ['en', 250000, '€250,000', '250,000'],
    ['en', -99.9, '-€99.90', '-99.90'],
  ] as const)('%s %d → %s in a summary, %s in a field', (lang, n, money, amount) => {
    expect(plain(formatMoney(lang, n))).toBe(money);
    expect(plain(formatAmount(lang, n))).toBe(amount);
  });
});

describe('numbers in input fields follow the UI language', () => {
  it.each([
    ['nl', 1.5, 4, '1,5'],
    ['en', 1.5, 4, '1.5'],
    ['nl', 1234.5, 4, '1234,5'], // no grouping: the weight fields would read "1.234,5" as 1.2345
    ['en', 1234.5, 4, '1234.5'],
    ['nl', 3.25, 2, '3,25'],
    ['nl', 0.123456, 4, '0,1235'],
  ] as const)('%s %d → %s', (lang, n, digits, text) => {
    expect(formatNumberInput(lang, n, digits)).toBe(text);
  });
});
