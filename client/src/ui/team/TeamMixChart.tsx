/** The team's mix beside seed 000's reference (30 / 60 / 10), as paired bars per group. */
import { createMemo, For, Show } from 'solid-js';
import { teamMix } from '../../../../core/abc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatPercent, locale, t } from '../../i18n/index.ts';

export function TeamMixChart() {
  const ws = useWorkspace();
  const mix = createMemo(() => teamMix(Object.values(ws.data()?.professionals ?? {})));
  const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
  return (
    <section class="panel" aria-labelledby="team-mix-title">
      <h2 id="team-mix-title">{t('team.mix.title')}</h2>
      <p class="muted section-intro">{t('team.mix.intro')}</p>
      <Show when={mix().size > 0} fallback={<p class="muted">{t('team.mix.empty')}</p>}>
        <div class="mix-legend" aria-hidden="true">
          <span>
            <i class="swatch actual" /> {t('team.mix.actual')}
          </span>
          <span>
            <i class="swatch reference" /> {t('team.mix.reference')}
          </span>
        </div>
        <ul class="mix" data-testid="team-mix">
          <For each={mix().groups}>
            {(g) => (
              <li
                aria-label={t('team.mix.summary', {
                  group: t(`team.mix.group.${g.group}`),
                  actual: formatPercent(locale(), g.share ?? 0),
                  reference: formatPercent(locale(), g.reference),
                })}
              >
                <div class="mix-label">
                  <span>{t(`team.mix.group.${g.group}`)}</span>
                  <span class="num" data-testid={`mix-${g.group}`}>
                    {t('team.mix.value', { share: formatPercent(locale(), g.share ?? 0), count: g.count })}
                  </span>
                </div>
                <div class="bar-track" aria-hidden="true">
                  <div class="bar actual" style={{ width: pct(g.share ?? 0) }} />
                </div>
                <div class="bar-track" aria-hidden="true">
                  <div class="bar reference" style={{ width: pct(g.reference) }} />
                  <span class="bar-ref-label">{formatPercent(locale(), g.reference)}</span>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
