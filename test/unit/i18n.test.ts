/** Every UI text exists in both languages, is not empty, and uses the same placeholders. */
import { describe, expect, it } from 'vitest';
import { catalogs, translate, type MessageKey } from '../../client/src/i18n/index.ts';

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

  it('marks a missing key visibly instead of failing silently', () => {
    expect(translate('en', 'no.such.key' as MessageKey)).toBe('⟦no.such.key⟧');
  });
});
