/** How the history panels name records (client/src/ui/history/format.ts). */
import { describe, expect, it } from 'vitest';
import { fieldHeading, groupHeading, recordLabel } from '../../client/src/ui/history/format.ts';
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

describe('groupHeading', () => {
  it('names the day the changes were made, whatever the comparison starts from', () => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    const at = '2026-11-30T12:00:00.000Z';
    setLocale('en');
    expect(groupHeading(at)).toBe('Changed on 30 Nov 2026');
    expect(groupHeading(null)).toBe('Before the oldest version');
    setLocale('nl');
    expect(groupHeading(at)).toBe('Gewijzigd op 30 nov 2026');
    expect(groupHeading(null)).toBe('Vóór de oudste versie');
    setLocale('en');
  });
});

describe('fieldHeading', () => {
  it('starts a change line with a capital in both languages; unknown paths and P stay as they are', () => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    setLocale('nl');
    expect(fieldHeading('keyPoints')).toBe('Kernpunten');
    expect(fieldHeading('actions.kpi.target')).toBe('Streefwaarde');
    setLocale('en');
    expect(fieldHeading('keyPoints')).toBe('Key points');
    expect(fieldHeading('quadrant')).toBe('P');
    expect(fieldHeading('kpi.name')).toBe('KPI');
  });
});
