/** How the history panels name records (client/src/ui/history/format.ts). */
import { describe, expect, it } from 'vitest';
import { recordLabel } from '../../client/src/ui/history/format.ts';
import { setLocale } from '../../client/src/i18n/index.ts';

describe('recordLabel', () => {
  it('a KPI labelled by its kind reads as the catalog names it; other labels stay', () => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    setLocale('nl');
    expect(recordLabel('kpis', 'satisfaction')).toBe('Tevredenheidscijfer');
    setLocale('en');
    expect(recordLabel('kpis', 'satisfaction')).toBe('Satisfaction score');
    expect(recordLabel('kpis', 'Our own KPI')).toBe('Our own KPI');
    expect(recordLabel('actions', 'satisfaction')).toBe('satisfaction');
  });
});
