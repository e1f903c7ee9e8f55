/**
 * Benefits granted (gunningen, seed 001) by the level they go to — organisation, order, person — from
 * core's `benefitSummary`. An empty level shows seed 001's examples, so the team knows what belongs there;
 * `compact` (a slide) leaves empty levels out.
 */
import { createMemo, For, Show } from 'solid-js';
import { BENEFIT_LEVELS, type AccountPlanDoc } from '../../../../../core/model/index.ts';
import { benefitSummary } from '../../../../../core/plan/index.ts';
import { t, tn } from '../../../i18n/index.ts';

export function BenefitLevels(props: { plan: Pick<AccountPlanDoc, 'strategy'>; compact?: boolean }) {
  const levels = createMemo(() => benefitSummary(props.plan));
  return (
    <ul class="pv-benefits" data-testid="benefit-levels">
      <For each={BENEFIT_LEVELS}>
        {(level) => (
          <li
            class="pv-benefit-level"
            data-level={level}
            hidden={props.compact && levels()[level].length === 0}
          >
            <div class="pv-benefit-head">
              <span class="pv-benefit-name">{t(`pv.benefit.${level}`)}</span>
              <span class="muted pv-benefit-count">{tn('pv.benefit.count', levels()[level].length)}</span>
            </div>
            <Show
              when={levels()[level].length > 0}
              fallback={
                <Show when={!props.compact}>
                  <p class="muted pv-benefit-example">{t(`pv.benefit.${level}.example`)}</p>
                </Show>
              }
            >
              <ul class="pv-benefit-list">
                <For each={levels()[level]}>{(b) => <li>{b.description || t('pv.untitled')}</li>}</For>
              </ul>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
