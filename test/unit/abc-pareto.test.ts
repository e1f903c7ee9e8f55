import { describe, it, expect } from 'vitest';
import { pareto } from '../../core/abc/index.ts';
import type { ParetoRelation } from '../../core/abc/index.ts';
import type { RelationKind } from '../../core/model/index.ts';

/** Client relations c0, c1, … with these revenues. */
const clients = (revenues: readonly (number | null | undefined)[]): ParetoRelation[] =>
  revenues.map((revenue, i) => ({ id: `c${i}`, kind: 'client', revenue }));

describe('pareto (DOMAIN §2, exactly)', () => {
  it.each([
    // revenues, M, R, top20Share, shareFor80
    ['one client', [120000], 1, 120000, 1, 1],
    ['5 clients: top 1 of 5', [50, 30, 10, 5, 5], 5, 100, 0.5, 0.4],
    ['unsorted input', [5, 50, 10, 30, 5], 5, 100, 0.5, 0.4],
    ['6 clients: ceil(1.2) = 2', [40, 30, 10, 10, 5, 5], 6, 100, 0.7, 3 / 6],
    ['10 equal: top 2 of 10, 8 for 80%', Array(10).fill(10), 10, 100, 0.2, 0.8],
    ['15 equal: ceil(0.2·15) = 3, not 4', Array(15).fill(1), 15, 15, 0.2, 12 / 15],
    ['80% reached exactly', [80, 10, 10], 3, 100, 0.8, 1 / 3],
    ['80% missed by one', [79, 11, 10], 3, 100, 0.79, 2 / 3],
    ['ten times 0.1 reaches 80% after eight', Array(10).fill(0.1), 10, 1, 0.2, 0.8],
    ['0.6 + 0.6 is 80% of 1.5 despite floating point', [0.6, 0.6, 0.2, 0.1], 4, 1.5, 0.4, 0.5],
    ['zero revenues count in M', [100, 0, 0, 0, 0], 5, 100, 1, 0.2],
    ['null, absent, negative and NaN are left out', [100, null, undefined, -5, NaN], 1, 100, 1, 1],
  ])('%s', (_name, revenues, m, r, top20Share, shareFor80) => {
    const result = pareto(clients(revenues));
    expect(result.count).toBe(m);
    expect(result.totalRevenue).toBeCloseTo(r, 9);
    expect(result.top20Share).toBeCloseTo(top20Share, 12);
    expect(result.shareFor80).toBeCloseTo(shareFor80, 12);
  });

  it.each([
    ['M = 0: no clients', []],
    ['M = 0: no client has a revenue', [null, undefined]],
    ['R = 0', [0, 0, 0]],
  ])('%s → both null', (_name, revenues) => {
    const result = pareto(clients(revenues));
    expect(result.top20Share).toBeNull();
    expect(result.shareFor80).toBeNull();
  });

  it.each<[string, RelationKind[] | undefined, number]>([
    ['clients only by default', undefined, 100],
    ['the classified kinds', ['client', 'prospect'], 150],
    ['prospects only', ['prospect'], 50],
  ])('%s', (_name, kinds, total) => {
    const relations: ParetoRelation[] = [
      { id: 'a', kind: 'client', revenue: 100 },
      { id: 'b', kind: 'prospect', revenue: 50 },
      { id: 'c', kind: 'supplier', revenue: 1000 },
    ];
    expect(pareto(relations, kinds).totalRevenue).toBe(total);
  });

  it('gives the curve, high to low, equal revenues by id', () => {
    const relations: ParetoRelation[] = [
      { id: 'b', kind: 'client', revenue: 25 },
      { id: 'x', kind: 'client', revenue: 50 },
      { id: 'a', kind: 'client', revenue: 25 },
    ];
    expect(pareto(relations).points).toEqual([
      { id: 'x', revenue: 50, cumulative: 50, cumulativeShare: 0.5, relationShare: 1 / 3 },
      { id: 'a', revenue: 25, cumulative: 75, cumulativeShare: 0.75, relationShare: 2 / 3 },
      { id: 'b', revenue: 25, cumulative: 100, cumulativeShare: 1, relationShare: 1 },
    ]);
  });

  it('with R = 0 the curve stays flat at 0', () => {
    expect(pareto(clients([0, 0])).points.map((p) => p.cumulativeShare)).toEqual([0, 0]);
  });
});
