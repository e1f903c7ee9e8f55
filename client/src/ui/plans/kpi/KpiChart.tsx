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

const names = (tag: string): uPlot.DateNames => {
  const month = (style: 'long' | 'short') =>
    Array.from({ length: 12 }, (_, m) =>
      new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, m, 1))),
    );
  const weekday = (style: 'long' | 'short') =>
    Array.from({ length: 7 }, (_, d) =>
      new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, 8, 1 + d)),
      ),
    );
  // 1 September 2024 was a Sunday: index 0 is Sunday, as uPlot expects.
  return { MMMM: month('long'), MMM: month('short'), WWWW: weekday('long'), WWW: weekday('short') };
};

const MONTH = 30 * 86_400;

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
      {
        spec: {
          label: t('pv.kpi.series.target'),
          stroke: '#23753f',
          width: 1.5,
          dash: [6, 4],
          points: { show: false },
        },
        values: target,
      },
    ].filter((s) => s.values.some((v) => v !== null));
    const dateNames = names(localeTag(locale()));
    chart = new U(
      {
        width: Math.max(240, box.clientWidth),
        height: 180,
        tzDate: (ts) => U.tzDate(new Date(ts * 1000), 'UTC'),
        fmtDate: (tpl) => U.fmtDate(tpl, dateNames),
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
        axes: [
          { stroke: '#7a6a60', grid: { stroke: '#eee6df' } },
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
