/**
 * The Pareto chart's geometry, as plain data: scales from d3-scale, paths from d3-shape. Input is core's
 * `pareto()` points (sorted high → low, with the cumulative share); output is what the SVG draws.
 * Pure: no DOM, no Solid — unit-tested under Node.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import type { ParetoPoint } from '../../../../core/abc/index.ts';

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Bar {
  id: string;
  /** The relation's revenue (for the bar's name). */
  revenue: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tick {
  value: number;
  /** Position along the axis (x for the bottom axis, y for the side axes). */
  at: number;
}

export interface ParetoGeometry {
  plot: { x: number; y: number; width: number; height: number };
  /** One rect per relation when there are few; otherwise empty and `barsPath` draws them as one shape. */
  bars: Bar[];
  /** A stepped area of the revenues, for many relations (one path instead of thousands of rects). */
  barsPath: string | null;
  /** The cumulative share curve, from (0, 0) through each relation's (position / M, cumulative / R). */
  cumulativePath: string;
  /** y of the 80% line. */
  y80: number;
  /** x where the curve reaches 80% (shareFor80), or null. */
  x80: number | null;
  revenueTicks: Tick[];
  shareTicks: Tick[];
  relationTicks: Tick[];
}

/** Above this many relations the bars are drawn as one stepped path. */
export const MAX_RECT_BARS = 80;

export function paretoGeometry(
  points: readonly ParetoPoint[],
  box: ChartBox,
  shareFor80: number | null,
): ParetoGeometry {
  const { margin } = box;
  const plot = {
    x: margin.left,
    y: margin.top,
    width: Math.max(1, box.width - margin.left - margin.right),
    height: Math.max(1, box.height - margin.top - margin.bottom),
  };
  const m = points.length;
  const maxRevenue = m > 0 ? points[0]!.revenue : 0;

  const yRevenue = scaleLinear()
    .domain([0, maxRevenue > 0 ? maxRevenue : 1])
    .nice(4)
    .range([plot.y + plot.height, plot.y]);
  const yShare = scaleLinear()
    .domain([0, 1])
    .range([plot.y + plot.height, plot.y]);
  const xShare = scaleLinear()
    .domain([0, 1])
    .range([plot.x, plot.x + plot.width]);

  let bars: Bar[] = [];
  let barsPath: string | null = null;
  if (m > 0 && m <= MAX_RECT_BARS) {
    const band = scaleBand<number>()
      .domain(points.map((_, i) => i))
      .range([plot.x, plot.x + plot.width])
      .paddingInner(m > 30 ? 0.1 : 0.2);
    bars = points.map((p, i) => {
      const y = yRevenue(p.revenue);
      return {
        id: p.id,
        revenue: p.revenue,
        x: band(i)!,
        y,
        width: band.bandwidth(),
        height: plot.y + plot.height - y,
      };
    });
  } else if (m > 0) {
    // Step from each relation's left edge (i / M) to its right edge; a final point closes the last step.
    const steps = [...points.map((p, i) => ({ x: i / m, revenue: p.revenue })), { x: 1, revenue: 0 }];
    barsPath =
      area<{ x: number; revenue: number }>()
        .curve(curveStepAfter)
        .x((d) => xShare(d.x))
        .y0(plot.y + plot.height)
        .y1((d) => yRevenue(d.revenue))(steps) ?? null;
  }

  const curve = [{ x: 0, y: 0 }, ...points.map((p) => ({ x: p.relationShare, y: p.cumulativeShare }))];
  const cumulativePath =
    line<{ x: number; y: number }>()
      .x((d) => xShare(d.x))
      .y((d) => yShare(d.y))(curve) ?? '';

  return {
    plot,
    bars,
    barsPath,
    cumulativePath,
    y80: yShare(0.8),
    x80: shareFor80 === null ? null : xShare(shareFor80),
    revenueTicks: yRevenue.ticks(4).map((value) => ({ value, at: yRevenue(value) })),
    shareTicks: [0, 0.2, 0.4, 0.6, 0.8, 1].map((value) => ({ value, at: yShare(value) })),
    relationTicks: [0, 0.2, 0.4, 0.6, 0.8, 1].map((value) => ({ value, at: xShare(value) })),
  };
}
