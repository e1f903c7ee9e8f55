/**
 * The plan's budget (DOMAIN.md §4.7): the budget reserved for the plan against the sum of its action costs
 * (planned and done; cancelled actions cost nothing), and beside it what winning a new client costs the firm
 * (workspace setting) — seed 003's question: are we willing to invest as much in an important existing
 * client? Figures from core's `budgetSummary`, so "over budget" here is the `budget.exceeded` finding.
 */
import { A, useLocation } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { budgetSummary } from '../../../../../core/plan/index.ts';
import { useWorkspace } from '../../../app/context.tsx';
import type { PlanSession } from '../../../app/plans.ts';
import { parseNumber } from '../../../io/numbers.ts';
import { formatAmount, formatMoney, formatPercent, locale, t } from '../../../i18n/index.ts';
import { issueTexts } from '../../relations/common.tsx';
import { SettingInput } from '../../settings/SettingInput.tsx';
import '../../settings/settings.css';
import './kpi.css';

/** Mounted by the plan page; its element id is `sec-budget` and presence calls the section `budget`. */
export function BudgetSection(props: { session: PlanSession }) {
  const ws = useWorkspace();
  const location = useLocation();
  const id = () => 'sec-budget';
  const currency = () => ws.data()?.settings.currency ?? 'EUR';
  const money = (n: number) => formatMoney(locale(), n, currency());
  const summary = createMemo(() => {
    const plan = props.session.plain();
    return plan ? budgetSummary(plan, ws.data()?.settings.acquisitionCost ?? null) : null;
  });

  const save = (raw: string): string | null => {
    const intents = props.session.handle.store.intents;
    if (raw.trim() === '') {
      const r = intents.setBudget(null);
      return r.ok ? null : issueTexts(r.issues);
    }
    const parsed = parseNumber(raw, locale());
    if (!parsed.ok || parsed.value < 0) return t('pv.budget.invalid');
    const r = intents.setBudget(parsed.value);
    return r.ok ? null : issueTexts(r.issues);
  };

  /** Bar widths against the largest of budget, costs and acquisition cost. */
  const scale = () => {
    const s = summary();
    return s ? Math.max(1, s.budget ?? 0, s.actionCosts, s.acquisitionCost ?? 0) : 1;
  };
  const width = (n: number) => `${Math.min(100, (n / scale()) * 100).toFixed(1)}%`;

  return (
    <section
      class="panel plan-section budget-section"
      id={id()}
      aria-labelledby={`${id()}-title`}
      data-testid="budget-section"
      onFocusIn={() => props.session.handle.setLocation({ view: location.pathname, section: 'budget' })}
    >
      <h2 id={`${id()}-title`}>{t('pv.budget.title')}</h2>
      <Show when={summary()}>
        {(s) => (
          <>
            <SettingInput
              id={`${id()}-input`}
              label={t('pv.budget.label')}
              hint={t('pv.budget.hint')}
              value={s().budget === null ? '' : formatAmount(locale(), s().budget!)}
              readOnly={props.session.readOnly()}
              inputMode="decimal"
              class="medium"
              save={save}
            />
            <dl class="budget-bars">
              <div class="budget-row">
                <dt>{t('pv.budget.budget')}</dt>
                <dd>
                  <span class="budget-track" aria-hidden="true">
                    <span class="budget-fill" data-kind="budget" style={{ width: width(s().budget ?? 0) }} />
                  </span>
                  <span class="budget-figure">
                    {s().budget === null ? t('pv.budget.none') : money(s().budget!)}
                  </span>
                </dd>
              </div>
              <div class="budget-row">
                <dt>{t('pv.budget.costs')}</dt>
                <dd>
                  <span class="budget-track" aria-hidden="true" data-over={s().exceeded ? 'true' : undefined}>
                    <span class="budget-fill" data-kind="done" style={{ width: width(s().byStatus.done) }} />
                    <span
                      class="budget-fill"
                      data-kind="planned"
                      style={{ width: width(s().byStatus.planned) }}
                    />
                  </span>
                  <span class="budget-figure" data-testid="budget-costs">
                    {money(s().actionCosts)}
                  </span>
                  <span class="muted budget-split">
                    {t('pv.budget.split', {
                      done: money(s().byStatus.done),
                      planned: money(s().byStatus.planned),
                    })}
                  </span>
                </dd>
              </div>
              <div class="budget-row">
                <dt>{t('pv.budget.acquisition')}</dt>
                <dd>
                  <Show
                    when={s().acquisitionCost !== null}
                    fallback={
                      <span class="muted">
                        {t('pv.budget.noAcquisition')} <A href="/settings">{t('pv.budget.toSettings')}</A>
                      </span>
                    }
                  >
                    <span class="budget-track" aria-hidden="true">
                      <span
                        class="budget-fill"
                        data-kind="acquisition"
                        style={{ width: width(s().acquisitionCost!) }}
                      />
                    </span>
                    <span class="budget-figure">{money(s().acquisitionCost!)}</span>
                  </Show>
                </dd>
              </div>
            </dl>
            <p
              class="budget-verdict"
              data-over={s().exceeded ? 'true' : undefined}
              data-testid="budget-verdict"
            >
              <Show
                when={s().remaining !== null}
                fallback={t('pv.budget.noBudget', { costs: money(s().actionCosts) })}
              >
                {s().exceeded
                  ? t('pv.budget.over', { over: money(-s().remaining!) })
                  : t('pv.budget.left', { left: money(s().remaining!) })}
              </Show>
              <Show when={s().acquisitionCost && (s().budget ?? s().actionCosts) > 0}>
                {' '}
                {t('pv.budget.compare', {
                  share: formatPercent(locale(), (s().budget ?? s().actionCosts) / s().acquisitionCost!),
                })}
              </Show>
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
