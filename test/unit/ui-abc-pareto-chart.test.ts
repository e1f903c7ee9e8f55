/** The Pareto chart's geometry (client/src/ui/abc/paretoChart.ts) from core's pareto() points. */
import { describe, expect, it } from 'vitest';
import { pareto } from '../../core/abc/index.ts';
import { MAX_RECT_BARS, paretoGeometry, type ChartBox } from '../../client/src/ui/abc/paretoChart.ts';

const BOX: ChartBox = { width: 700, height: 300, margin: { top: 10, right: 40, bottom: 30, left: 60 } };
const plotBottom = BOX.height - BOX.margin.bottom; // 270
const plotRight = BOX.width - BOX.margin.right; // 660
const rel = (id: string, revenue: number) => ({ id, kind: 'client' as const, revenue });

describe('paretoGeometry', () => {
  const result = pareto([rel('a', 500), rel('b', 300), rel('c', 150), rel('d', 50)]);
  const g = paretoGeometry(result.points, BOX, result.shareFor80);

  it('draws one bar per relation, high to low, inside the plot', () => {
    expect(g.bars.map((b) => b.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(g.barsPath).toBeNull();
    const heights = g.bars.map((b) => b.height);
    expect([...heights].sort((x, y) => y - x)).toEqual(heights);
    for (const b of g.bars) {
      expect(b.x).toBeGreaterThanOrEqual(BOX.margin.left);
      expect(b.x + b.width).toBeLessThanOrEqual(plotRight + 1e-9);
      expect(b.y + b.height).toBeCloseTo(plotBottom);
    }
  });

  it('the cumulative curve starts at (0, 0) and ends at (100%, 100%)', () => {
    expect(g.cumulativePath.startsWith(`M${BOX.margin.left},${plotBottom}`)).toBe(true);
    expect(g.cumulativePath.endsWith(`L${plotRight},${BOX.margin.top}`)).toBe(true);
    expect(g.cumulativePath.match(/L/g)).toHaveLength(4);
  });

  it('the 80% line and the marker at shareFor80 (2 of 4 relations = 50%)', () => {
    expect(result.shareFor80).toBe(0.5);
    expect(g.y80).toBeCloseTo(plotBottom - 0.8 * (plotBottom - BOX.margin.top));
    expect(g.x80).toBeCloseTo(BOX.margin.left + 0.5 * (plotRight - BOX.margin.left));
  });

  it('ticks: revenue from 0 up to a nice maximum, shares in steps of 20%', () => {
    expect(g.revenueTicks[0]).toEqual({ value: 0, at: plotBottom });
    expect(g.revenueTicks.at(-1)!.value).toBeGreaterThanOrEqual(500);
    expect(g.shareTicks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(g.relationTicks.at(-1)!.at).toBe(plotRight);
  });

  it('many relations are drawn as one stepped path instead of thousands of rects', () => {
    const many = pareto(Array.from({ length: MAX_RECT_BARS + 1 }, (_, i) => rel(`r${i}`, 1000 - i)));
    const big = paretoGeometry(many.points, BOX, many.shareFor80);
    expect(big.bars).toEqual([]);
    expect(big.barsPath).toMatch(/^M/);
  });

  it('no relations: no bars, a flat curve, no 80% marker', () => {
    const empty = paretoGeometry([], BOX, null);
    expect(empty.bars).toEqual([]);
    expect(empty.barsPath).toBeNull();
    expect(empty.x80).toBeNull();
    expect(empty.cumulativePath.startsWith(`M${BOX.margin.left},${plotBottom}`)).toBe(true);
  });
});
