/**
 * The series of one KPI as the chart draws it (DOMAIN.md §5), pure — `today` is passed in.
 *
 * - **Entered kinds**: the dated measurements people typed, by date (equal dates: in the order entered).
 *   Unreadable dates and non-finite values are left out.
 * - **contactMoments** has a real history in the contact log, so its series is computed: the KPI's value
 *   (contact moments in the 365 days up to a day, core/kpi.ts `contactMoments`) at the end of each of the
 *   `historyMonths` months before today's month, and today. Measurements typed for it are kept as a
 *   second, measured series.
 * - **Other computed kinds** (DMU knowledge, data completeness, ambassadors) have no history in Haard —
 *   contact strengths and fields are overwritten, not dated — so their series is what people recorded
 *   (`addMeasurement` with today's computed value: "record today's value") plus today's computed value.
 */
import { dayNumber, fromDayNumber } from '../../../../../core/dates.ts';
import {
  computeKpi,
  contactMoments,
  isComputedKpi,
  lastYearWindow,
  type KpiContext,
} from '../../../../../core/kpi.ts';
import type { Kpi, Measurement } from '../../../../../core/model/index.ts';

export interface SeriesPoint {
  /** `YYYY-MM-DD`. */
  date: string;
  value: number;
  source: 'measured' | 'computed';
}

/** Readable measurements by date; equal dates keep the order they were entered in. */
export function sortedMeasurements(measurements: readonly Measurement[]): Measurement[] {
  return measurements
    .map((m, i) => ({ m, i, day: dayNumber(m.date) }))
    .filter((x) => x.day !== null && Number.isFinite(x.m.value))
    .sort((a, b) => a.day! - b.day! || a.i - b.i)
    .map((x) => x.m);
}

/** The last day of each of the `count` months before the month of `today`, oldest first. */
export function monthEndsBefore(today: string, count: number): string[] {
  const day = dayNumber(today);
  if (day === null) return [];
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let back = count; back >= 1; back--) {
    // Day 0 of month (m - back + 1) is the last day of month (m - back); Date.UTC handles the year wrap.
    const ms = Date.UTC(y, m - back, 0);
    out.push(fromDayNumber(Math.round(ms / 86_400_000)));
  }
  return out;
}

/** The points of `kpi`'s series (see the module comment), by date. */
export function kpiSeries(kpi: Kpi, ctx: KpiContext, opts: { historyMonths?: number } = {}): SeriesPoint[] {
  const measured: SeriesPoint[] = sortedMeasurements(kpi.measurements).map((m) => ({
    date: m.date,
    value: m.value,
    source: 'measured',
  }));
  if (!isComputedKpi(kpi.kind)) return measured;
  const computed: SeriesPoint[] = [];
  if (kpi.kind === 'contactMoments') {
    for (const end of monthEndsBefore(ctx.today, opts.historyMonths ?? 12)) {
      const value = contactMoments(ctx.relationIds, ctx.workspace.contactLog, ctx.today, lastYearWindow(end));
      computed.push({ date: end, value, source: 'computed' });
    }
  }
  const now = computeKpi(kpi.kind, ctx);
  if (now !== null) computed.push({ date: ctx.today, value: now, source: 'computed' });
  return [...measured, ...computed].sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.source === b.source ? 0 : a.source === 'measured' ? -1 : 1),
  );
}

/**
 * The series as uPlot wants it: x in Unix seconds (midnight UTC of each date, ascending, each date once),
 * then the measured values, the computed values and the target, aligned on x (`null` where a series has
 * no point on that date; the target is drawn on every x, or all null without a target). Two points of one
 * source on one date: the later one counts (the latest measurement of a day).
 */
export function chartColumns(
  points: readonly SeriesPoint[],
  target: number | null,
): [number[], (number | null)[], (number | null)[], (number | null)[]] {
  const dates = [...new Set(points.map((p) => p.date))].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const measured: (number | null)[] = dates.map(() => null);
  const computed: (number | null)[] = dates.map(() => null);
  for (const p of points) (p.source === 'measured' ? measured : computed)[index.get(p.date)!] = p.value;
  const xs = dates.map((d) => dayNumber(d)! * 86_400);
  return [xs, measured, computed, dates.map(() => target)];
}
