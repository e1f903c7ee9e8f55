/** The class distribution (counts and shares) against the target, as a small bar comparison. */
import { For, Show, createMemo } from 'solid-js';
import { CLASSES, DEFAULT_CLASSIFICATION, type AbcClass } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatPercent, locale, t } from '../../i18n/index.ts';
import { ClassBadge } from './ClassBadge.tsx';

export function Distribution() {
  const ws = useWorkspace();
  const settings = () => ws.data()!.settings.classification;
  const rows = createMemo(() => {
    const counts = ws.derived.classification()?.counts ?? { A: 0, B: 0, C: 0, incomplete: 0 };
    const total = counts.A + counts.B + counts.C;
    const s = settings().mode === 'distribution' ? settings() : DEFAULT_CLASSIFICATION;
    const target: Record<AbcClass, number> = { A: s.pA, B: Math.max(0, 1 - s.pA - s.pC), C: s.pC };
    return CLASSES.map((cls) => ({
      cls,
      count: counts[cls],
      share: total > 0 ? counts[cls] / total : 0,
      target: target[cls],
    }));
  });
  const pct = (n: number) => formatPercent(locale(), n);

  return (
    <section class="panel abc-section" aria-labelledby="dist-title" data-testid="distribution">
      <div class="panel-head">
        <h2 id="dist-title">{t('abc.classes.distribution')}</h2>
      </div>
      <p class="muted abc-lead">{t('abc.classes.distributionLead')}</p>
      <div class="dist">
        <For each={rows()}>
          {(r) => (
            <div class="dist-row" data-class={r.cls}>
              <ClassBadge cls={r.cls} />
              <div class="dist-bars">
                <div class="dist-bar actual" title={t('abc.classes.actual')}>
                  <span style={{ width: `${r.share * 100}%` }} />
                </div>
                <div class="dist-bar target" title={t('abc.classes.target')}>
                  <span style={{ width: `${r.target * 100}%` }} />
                </div>
              </div>
              <div class="dist-figures">
                <strong>{t('abc.classes.countShare', { count: r.count, share: pct(r.share) })}</strong>
                <span class="muted small">{t('abc.classes.targetShare', { share: pct(r.target) })}</span>
              </div>
            </div>
          )}
        </For>
      </div>
      <p class="dist-legend small muted" aria-hidden="true">
        <span class="swatch actual" /> {t('abc.classes.actual')} <span class="swatch target" />{' '}
        {t('abc.classes.target')}
      </p>
      <Show when={settings().mode === 'thresholds'}>
        <p class="small muted">{t('abc.classes.thresholdsNote')}</p>
      </Show>
    </section>
  );
}
