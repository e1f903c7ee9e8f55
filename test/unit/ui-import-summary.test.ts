/** The import summary's second sentence (client/src/ui/data/importSummary.ts): singular and plural per count. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../client/src/i18n/index.ts';
import { importExtraSummary } from '../../client/src/ui/data/importSummary.ts';

describe('importExtraSummary', () => {
  afterEach(() => setLocale('en'));
  it.each([
    [0, 0, null, null],
    [
      1,
      0,
      'Also 1 contact moment that starts a history.',
      'Verder 1 contactmoment waarmee een historie begint.',
    ],
    [0, 1, 'Also 1 new professional.', 'Verder 1 nieuwe professional.'],
    [
      129,
      5,
      'Also 129 contact moments that start a history, and 5 new professionals.',
      'Verder 129 contactmomenten waarmee een historie begint, en 5 nieuwe professionals.',
    ],
    [
      1,
      1,
      'Also 1 contact moment that starts a history, and 1 new professional.',
      'Verder 1 contactmoment waarmee een historie begint, en 1 nieuwe professional.',
    ],
  ])('%i contact moments, %i professionals', (history, professionals, en, nl) => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    setLocale('en');
    expect(importExtraSummary({ history, professionals })).toBe(en);
    setLocale('nl');
    expect(importExtraSummary({ history, professionals })).toBe(nl);
  });
});
