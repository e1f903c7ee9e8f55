/** The series a KPI chart draws: entered measurements, computed history of contact moments, today's value. */
import { describe, expect, it } from 'vitest';
import type { ContactLogEntry, Kpi } from '../../core/model/index.ts';
import type { KpiContext } from '../../core/kpi.ts';
import {
  chartColumns,
  kpiSeries,
  monthEndsBefore,
  sortedMeasurements,
} from '../../client/src/ui/plans/kpi/kpiSeries.ts';
import { contacts } from './plan-fixtures.ts';

const kpi = (over: Partial<Kpi>): Kpi => ({
  id: 'k',
  kind: 'satisfaction',
  name: '',
  target: null,
  measurements: [],
  ...over,
});
const entry = (id: string, date: string, relationId = 'r1'): ContactLogEntry => ({
  id,
  relationId,
  date,
  type: 'call',
  professionalIds: [],
  contactIds: [],
  note: '',
  signals: {},
});
const ctx = (log: ContactLogEntry[] = []): KpiContext => ({
  workspace: { relations: {}, contacts, contactLog: log },
  relationIds: ['r1'],
  today: '2026-03-15',
});

describe('kpi series', () => {
  it('sorts measurements by date, keeps entry order on a tie, drops unreadable ones', () => {
    expect(
      sortedMeasurements([
        { date: '2026-02-01', value: 2 },
        { date: '2025-12-01', value: 1 },
        { date: '2026-02-30', value: 9 },
        { date: '2026-02-01', value: 3 },
        { date: '2026-01-01', value: Number.NaN },
      ]),
    ).toEqual([
      { date: '2025-12-01', value: 1 },
      { date: '2026-02-01', value: 2 },
      { date: '2026-02-01', value: 3 },
    ]);
  });

  it('gives the last day of each month before today, across the year end', () => {
    expect(monthEndsBefore('2026-03-15', 4)).toEqual([
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
    ]);
    expect(monthEndsBefore('2024-03-01', 1)).toEqual(['2024-02-29']);
    expect(monthEndsBefore('not a date', 3)).toEqual([]);
  });

  it('draws an entered KPI from its measurements only', () => {
    const points = kpiSeries(kpi({ measurements: [{ date: '2026-01-01', value: 8 }] }), ctx());
    expect(points).toEqual([{ date: '2026-01-01', value: 8, source: 'measured' }]);
  });

  it('computes the history of contact moments: a rolling year at each month end, then today', () => {
    const log = [
      entry('e1', '2025-03-20'), // inside every rolling year shown (the last one starts 2025-03-16)
      entry('e2', '2025-12-10'),
      entry('e3', '2026-03-01'),
      entry('e4', '2026-03-20'), // after today: planned, never counted
      entry('e5', '2026-01-05', 'other'), // another relation
    ];
    const points = kpiSeries(kpi({ kind: 'contactMoments' }), ctx(log), { historyMonths: 3 });
    expect(points).toEqual([
      { date: '2025-12-31', value: 2, source: 'computed' },
      { date: '2026-01-31', value: 2, source: 'computed' },
      { date: '2026-02-28', value: 2, source: 'computed' },
      { date: '2026-03-15', value: 3, source: 'computed' },
    ]);
  });

  it('draws a computed KPI without history from recorded values plus today’s computed value', () => {
    const points = kpiSeries(
      kpi({ kind: 'dmuKnowledge', measurements: [{ date: '2026-01-10', value: 2.5 }] }),
      ctx(),
    );
    expect(points).toEqual([
      { date: '2026-01-10', value: 2.5, source: 'measured' },
      { date: '2026-03-15', value: 3, source: 'computed' }, // (4 + 2) / 2
    ]);
  });

  it('aligns measured, computed and target columns on one x axis in Unix seconds', () => {
    const [xs, measured, computed, target] = chartColumns(
      [
        { date: '2026-01-01', value: 1, source: 'measured' },
        { date: '2026-01-01', value: 2, source: 'measured' },
        { date: '2026-01-02', value: 5, source: 'computed' },
      ],
      4,
    );
    expect(xs).toEqual([Date.UTC(2026, 0, 1) / 1000, Date.UTC(2026, 0, 2) / 1000]);
    expect(measured).toEqual([2, null]);
    expect(computed).toEqual([null, 5]);
    expect(target).toEqual([4, 4]);
    expect(chartColumns([], null)).toEqual([[], [], [], []]);
  });
});
