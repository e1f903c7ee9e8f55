/**
 * The chart of one KPI's series, drawn by uPlot. uPlot is loaded on first use (a dynamic import), so neither
 * the first screen nor a plan without KPIs pays for it. Measured points, computed points and the target are
 * three series on one time axis (dates in UTC, month names in the user's language). The canvas is described
 * in words by `label` (the card lists the values themselves).
 */
import { createEffect, createSignal, onCleanup, onMount, Show, untrack } from 'solid-js';
import type uPlot from 'uplot';
import { localeTag, locale, t } from '../../../i18n/index.ts';
import { chartColumns, type SeriesPoint } from './kpiSeries.ts';

let loading: Promise<typeof uPlot> | null = null;
/** uPlot and its stylesheet, fetched once. */
const loadUplot = (): Promise<typeof uPlot> => (loading ??= import('./uplot.ts').then((m) => m.default));

const MONTH = 30 * 86_400;
const TARGET = '#23753f';

/** The target as a dashed line across the plotting area. */
function drawTarget(u: uPlot, target: number | null) {
  if (target === null) return;
  const y = Math.round(u.valToPos(target, 'y', true));
  const { left, top, width, height } = u.bbox;
  if (y < top || y > top + height) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = TARGET;
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(left, y);
  ctx.lineTo(left + width, y);
  ctx.stroke();
  ctx.restore();
}

/**
 * Tick labels in the user's language: "31 Oct" / "31 okt" for ticks days apart, "Oct" / "okt" for months,
 * with the year on the first tick and on every January.
 */
function timeTicks(splits: number[], step: number): string[] {
  const tag = localeTag(locale());
  const byDay = step < 28 * 86_400;
  const fmt = new Intl.DateTimeFormat(
    tag,
    byDay ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' },
  );
  return splits.map((s, i) => {
    const d = new Date(s * 1000);
    const label = fmt.format(d);
    return i === 0 || (!byDay && d.getUTCMonth() === 0) ? `${label}\n${d.getUTCFullYear()}` : label;
  });
}

export function KpiChart(props: {
  points: SeriesPoint[];
  target: number | null;
  /** The KPI's scale (a 0–5 score, a percentage): the y axis spans it. Open-ended values start at 0. */
  scale: { min: number; max: number } | null;
  label: string;
}) {
  let box!: HTMLDivElement;
  let chart: uPlot | null = null;
  const [failed, setFailed] = createSignal(false);

  const build = (U: typeof uPlot) => {
    chart?.destroy();
    chart = null;
    const [xs, measured, computed, target] = chartColumns(props.points, props.target);
    const line = (stroke: string, size: number): uPlot.Series => ({
      stroke,
      width: 2,
      spanGaps: true,
      points: { show: true, size },
    });
    // Only the series that have points: the legend never names a line that is not there.
    const series: { spec: uPlot.Series; values: (number | null)[] }[] = [
      { spec: { label: t('pv.kpi.series.measured'), ...line('#b4441c', 7) }, values: measured },
      { spec: { label: t('pv.kpi.series.computed'), ...line('#2f6f8f', 6) }, values: computed },
      // The target is drawn by the hook below (a line across the whole plot, even with one date); its series
      // only gives the legend entry.
      {
        spec: {
          label: t('pv.kpi.series.target'),
          stroke: TARGET,
          width: 1.5,
          dash: [6, 4],
          paths: () => null,
          points: { show: false },
        },
        values: target,
      },
    ].filter((s) => s.values.some((v) => v !== null));
    chart = new U(
      {
        width: Math.max(240, box.clientWidth),
        height: 180,
        tzDate: (ts) => U.tzDate(new Date(ts * 1000), 'UTC'),
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: {
            time: true,
            // uPlot widens a single x by itself (to about three years); one point gets a month either side.
            range: (u, min, max) => {
              const x = u.data[0];
              return x.length === 1 ? [x[0]! - MONTH, x[0]! + MONTH] : [min, max];
            },
          },
          y: {
            range: (_u, min, max) => {
              const scale = props.scale;
              if (scale) return [scale.min, scale.max];
              const top = Math.max(max, 0);
              return [Math.min(0, min), top === 0 ? 1 : top * 1.1];
            },
          },
        },
        hooks: { draw: [(u) => drawTarget(u, props.target)] },
        axes: [
          {
            stroke: '#7a6a60',
            grid: { stroke: '#eee6df' },
            values: (_u, splits, _i, _s, step) => timeTicks(splits, step),
          },
          { stroke: '#7a6a60', grid: { stroke: '#eee6df' }, size: 48 },
        ],
        series: [{}, ...series.map((s) => s.spec)],
      },
      [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
      box,
    );
  };

  const [lib, setLib] = createSignal<typeof uPlot | null>(null);
  onMount(() => {
    loadUplot().then(
      (U) => setLib(() => U),
      () => setFailed(true),
    );
    const observer = new ResizeObserver(() => {
      if (chart && box.clientWidth > 0) chart.setSize({ width: Math.max(240, box.clientWidth), height: 180 });
    });
    observer.observe(box);
    onCleanup(() => {
      observer.disconnect();
      chart?.destroy();
      chart = null;
    });
  });
  // (Re)built when uPlot has loaded, when the series change and for a new language (month names, legend):
  // a few dozen points, so a rebuild costs less than keeping series in step.
  createEffect(() => {
    const U = lib();
    locale();
    void props.points;
    void props.target;
    void props.scale;
    if (U) untrack(() => build(U));
  });

  return (
    <figure class="kpi-chart">
      <div ref={(el) => (box = el)} role="img" aria-label={props.label} data-testid="kpi-chart" />
      <Show when={failed()}>
        <figcaption class="muted">{t('pv.kpi.chartFailed')}</figcaption>
      </Show>
    </figure>
  );
}
