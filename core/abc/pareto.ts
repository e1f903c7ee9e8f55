/**
 * The Pareto view (DOMAIN.md §2, seed 000's 80/20 rule), exactly:
 * over the M relations of the classified kinds that have a revenue (a finite number ≥ 0; null, absent,
 * negative or non-finite revenue is left out) and total revenue R > 0, sorted by revenue high to low,
 * - `top20Share` = revenue of the first ceil(0.2·M) / R,
 * - `shareFor80` = k / M for the smallest k whose first k revenues add up to at least 0.8·R,
 * both `null` when M = 0 or R = 0 (or when R overflows to infinity).
 *
 * Decisions:
 * - ceil(0.2·M) is computed as ceil(M / 5): in floating point 0.2 × 15 is 3.0000000000000004, whose
 *   ceiling would be 4.
 * - "at least 0.8·R" allows a relative rounding slack of 1e-12·R, so that revenues such as ten times 0.1
 *   reach 80% after eight of them, as they do on paper. For whole amounts below 10^11 the slack is
 *   under one cent, so it never changes an answer with real money.
 * - Equal revenues are ordered by id, so the points are the same whatever the input order.
 */
import type { RelationKind } from '../model/index.ts';
import { DEFAULT_CLASSIFICATION } from '../model/index.ts';

export interface ParetoRelation {
  id: string;
  kind: RelationKind;
  revenue?: number | null;
}

export interface ParetoPoint {
  id: string;
  revenue: number;
  /** Revenue of this relation and all before it. */
  cumulative: number;
  /** `cumulative / R`; 0 when R = 0. */
  cumulativeShare: number;
  /** Share of the M relations up to and including this one: position / M (the chart's x-axis). */
  relationShare: number;
}

export interface ParetoResult {
  /** M: relations of the classified kinds that have a revenue. */
  count: number;
  /** R: their total revenue. */
  totalRevenue: number;
  top20Share: number | null;
  shareFor80: number | null;
  /** The relations by revenue, high to low, with the cumulative curve. */
  points: ParetoPoint[];
}

const hasRevenue = (r: number | null | undefined): r is number =>
  typeof r === 'number' && Number.isFinite(r) && r >= 0;

const SLACK = 1e-12;

export function pareto(
  relations: readonly ParetoRelation[],
  kinds: readonly RelationKind[] = DEFAULT_CLASSIFICATION.kinds,
): ParetoResult {
  const classified = new Set<string>(kinds);
  const included: { id: string; revenue: number }[] = [];
  for (const r of relations)
    if (classified.has(r.kind) && hasRevenue(r.revenue)) included.push({ id: r.id, revenue: r.revenue });
  included.sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const m = included.length;
  let total = 0;
  for (const r of included) total += r.revenue;

  const points: ParetoPoint[] = [];
  let cumulative = 0;
  let top20: number | null = null;
  let k80: number | null = null;
  const topCount = Math.ceil(m / 5);
  // R overflows only with absurd amounts; then no share is meaningful.
  const usable = total > 0 && Number.isFinite(total);
  for (let i = 0; i < m; i++) {
    const r = included[i]!;
    cumulative += r.revenue;
    points.push({
      id: r.id,
      revenue: r.revenue,
      cumulative,
      cumulativeShare: usable ? cumulative / total : 0,
      relationShare: (i + 1) / m,
    });
    if (usable) {
      if (i + 1 === topCount) top20 = cumulative / total;
      if (k80 === null && cumulative >= 0.8 * total - SLACK * total) k80 = i + 1;
    }
  }
  return {
    count: m,
    totalRevenue: total,
    top20Share: top20,
    shareFor80: k80 === null ? null : k80 / m,
    points,
  };
}
