/**
 * The chart of one KPI's series, drawn by uPlot. uPlot is loaded on first use (a dynamic import), so neither
 * the first screen nor a plan without KPIs pays for it. Measured points, computed points and the target are
 * three series on one time axis (dates in UTC, month names in the user's language). The canvas is described
 * in words by `label` (the card lists the values themselves).
 */
import { createEffect, createSignal, on, onCleanup, onMount, Show, untrack } from 'solid-js';
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

export function KpiChart(props: { points: SeriesPoint[]; target: number | null; label: string }) {
  let box!: HTMLDivElement;
  let chart: uPlot | null = null;
  const [failed, setFailed] = createSignal(false);
  const data = () => chartColumns(props.points, props.target) as uPlot.AlignedData;

  const build = (U: typeof uPlot) => {
    chart?.destroy();
    const dateNames = names(localeTag(locale()));
    const width = Math.max(240, box.clientWidth);
    chart = new U(
      {
        width,
        height: 180,
        tzDate: (ts) => U.tzDate(new Date(ts * 1000), 'UTC'),
        fmtDate: (tpl) => U.fmtDate(tpl, dateNames),
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: '#7a6a60', grid: { stroke: '#eee6df' } },
          { stroke: '#7a6a60', grid: { stroke: '#eee6df' }, size: 48 },
        ],
        series: [
          {},
          {
            label: t('pv.kpi.series.measured'),
            stroke: '#b4441c',
            width: 2,
            spanGaps: true,
            points: { show: true, size: 7 },
          },
          {
            label: t('pv.kpi.series.computed'),
            stroke: '#2f6f8f',
            width: 2,
            spanGaps: true,
            points: { show: true, size: 6 },
          },
          {
            label: t('pv.kpi.series.target'),
            stroke: '#23753f',
            width: 1.5,
            dash: [6, 4],
            points: { show: false },
            show: props.target !== null,
          },
        ],
      },
      data(),
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
  // Built when uPlot has loaded and again for a new language (axis month names, legend).
  createEffect(() => {
    const U = lib();
    locale();
    if (U) untrack(() => build(U));
  });
  // New data only updates the chart.
  createEffect(
    on(
      () => [props.points, props.target] as const,
      () => {
        if (!chart) return;
        chart.setSeries(3, { show: props.target !== null });
        chart.setData(data());
      },
      { defer: true },
    ),
  );

  return (
    <figure class="kpi-chart">
      <div ref={(el) => (box = el)} role="img" aria-label={props.label} data-testid="kpi-chart" />
      <Show when={failed()}>
        <figcaption class="muted">{t('pv.kpi.chartFailed')}</figcaption>
      </Show>
    </figure>
  );
}
