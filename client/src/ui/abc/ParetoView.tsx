/** The Pareto chart of revenue (bars high → low, cumulative share, the 80% line) and its two figures. */
import { For, Show, createMemo } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { formatMoney, formatPercent, locale, t, tn } from '../../i18n/index.ts';
import { paretoGeometry, type ChartBox } from './paretoChart.ts';

const BOX: ChartBox = { width: 720, height: 280, margin: { top: 16, right: 52, bottom: 44, left: 68 } };

const compactMoney = (lang: string, n: number, currency: string) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(n);

export function ParetoView() {
  const ws = useWorkspace();
  const result = () => ws.derived.pareto();
  const currency = () => ws.data()?.settings.currency ?? 'EUR';
  const geometry = createMemo(() => {
    const r = result();
    return r && r.totalRevenue > 0 ? paretoGeometry(r.points, BOX, r.shareFor80) : null;
  });
  const pct = (n: number | null) => (n === null ? '–' : formatPercent(locale(), n));
  const aria = () =>
    t('abc.pareto.aria', {
      count: result()?.count ?? 0,
      top20: pct(result()?.top20Share ?? null),
      for80: pct(result()?.shareFor80 ?? null),
    });

  return (
    <section class="panel abc-section" aria-labelledby="pareto-title" data-testid="pareto">
      <div class="panel-head">
        <h2 id="pareto-title">{t('abc.pareto.title')}</h2>
      </div>
      <p class="muted abc-lead">{t('abc.pareto.lead')}</p>
      <Show when={geometry()} fallback={<p class="empty muted">{t('abc.pareto.empty')}</p>}>
        {(g) => (
          <div class="pareto">
            <div class="pareto-side">
              <dl class="pareto-figures">
                <div>
                  <dt>{pct(result()!.top20Share)}</dt>
                  <dd data-testid="pareto-top20">
                    {t('abc.pareto.top20', { share: pct(result()!.top20Share) })}
                  </dd>
                </div>
                <div>
                  <dt>{pct(result()!.shareFor80)}</dt>
                  <dd data-testid="pareto-for80">
                    {t('abc.pareto.for80', { share: pct(result()!.shareFor80) })}
                  </dd>
                </div>
              </dl>
              <p class="small muted">
                {tn('abc.pareto.total', result()!.count, {
                  amount: formatMoney(locale(), result()!.totalRevenue, currency()),
                  kinds: (ws.data()?.settings.classification.kinds ?? [])
                    .map((k) => t(`kind.${k}`))
                    .join(', '),
                })}
              </p>
            </div>
            <svg
              class="pareto-chart"
              viewBox={`0 0 ${BOX.width} ${BOX.height}`}
              role="img"
              aria-label={aria()}
              preserveAspectRatio="xMidYMid meet"
            >
              <g class="grid-lines">
                <For each={g().shareTicks}>
                  {(tick) => (
                    <line x1={g().plot.x} x2={g().plot.x + g().plot.width} y1={tick.at} y2={tick.at} />
                  )}
                </For>
              </g>
              <g class="bars">
                <For each={g().bars}>
                  {(b) => (
                    <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={Math.min(2, b.width / 4)}>
                      {/* Which relation a bar is: on hover, and for assistive technology. */}
                      <title>
                        {ws.data()?.relations[b.id]?.name ?? ''} ·{' '}
                        {formatMoney(locale(), b.revenue, currency())}
                      </title>
                    </rect>
                  )}
                </For>
                <Show when={g().barsPath}>{(d) => <path d={d()} />}</Show>
              </g>
              <line
                class="line80"
                x1={g().plot.x}
                x2={g().plot.x + g().plot.width}
                y1={g().y80}
                y2={g().y80}
              />
              <Show when={g().x80 !== null}>
                <line
                  class="marker80"
                  x1={g().x80!}
                  x2={g().x80!}
                  y1={g().y80}
                  y2={g().plot.y + g().plot.height}
                />
              </Show>
              <path class="cumulative" d={g().cumulativePath} />
              <text class="label80" x={g().plot.x + g().plot.width - 4} y={g().y80 + 14} text-anchor="end">
                {t('abc.pareto.line80')}
              </text>
              {/* Axes */}
              <g class="axis left">
                <For each={g().revenueTicks}>
                  {(tick) => (
                    <text x={g().plot.x - 8} y={tick.at} dy="0.32em" text-anchor="end">
                      {compactMoney(locale(), tick.value, currency())}
                    </text>
                  )}
                </For>
              </g>
              <g class="axis right">
                <For each={g().shareTicks}>
                  {(tick) => (
                    <text x={g().plot.x + g().plot.width + 8} y={tick.at} dy="0.32em">
                      {formatPercent(locale(), tick.value)}
                    </text>
                  )}
                </For>
              </g>
              <g class="axis bottom">
                <line
                  x1={g().plot.x}
                  x2={g().plot.x + g().plot.width}
                  y1={g().plot.y + g().plot.height}
                  y2={g().plot.y + g().plot.height}
                />
                <For each={g().relationTicks}>
                  {(tick) => (
                    <text x={tick.at} y={g().plot.y + g().plot.height + 16} text-anchor="middle">
                      {formatPercent(locale(), tick.value)}
                    </text>
                  )}
                </For>
                <text
                  class="axis-title"
                  x={g().plot.x + g().plot.width / 2}
                  y={BOX.height - 4}
                  text-anchor="middle"
                >
                  {t('abc.pareto.axisRelations')}
                </text>
              </g>
            </svg>
            <p class="pareto-legend small muted" aria-hidden="true">
              <span class="swatch bar" /> {t('abc.pareto.axisRevenue')} <span class="swatch line" />{' '}
              {t('abc.pareto.axisCumulative')}
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
