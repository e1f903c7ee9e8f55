/**
 * The one-page summary a printed plan starts with (print only; hidden on screen): title and relations, the
 * key points, the goals with their targets, the action plan as a table, and the budget. The plan page
 * mounts it at its top; print.css turns the rest of the page into a clean A4 document after it.
 * `PrintButton` opens the browser's print dialog (where "Save as PDF" lives).
 */
import { createMemo, For, Show } from 'solid-js';
import type { WorkspaceDoc } from '../../../../../core/model/index.ts';
import { budgetSummary } from '../../../../../core/plan/index.ts';
import type { PlanSession } from '../../../app/plans.ts';
import { formatDate, formatMoney, locale, t } from '../../../i18n/index.ts';
import { relationNamesOf } from '../../relations/relationNames.ts';
import './print.css';

export function PrintButton() {
  return (
    <button type="button" class="print-button" onClick={() => window.print()}>
      {t('pv.print.button')}
    </button>
  );
}

export function PrintSummary(props: { session: PlanSession; workspace: WorkspaceDoc | null }) {
  const plan = () => props.session.settled();
  const currency = () => props.workspace?.settings.currency ?? 'EUR';
  const money = (n: number) => formatMoney(locale(), n, currency());
  const date = (d: string | null) => (d ? formatDate(locale(), d) : '—');
  const person = (id: string | null | undefined) => (id && props.workspace?.professionals[id]?.name) || '—';
  const goals = createMemo(() => Object.values(plan()?.goals ?? {}).sort((a, b) => a.order - b.order));
  const goalTitle = (id: string | null) => (id ? (plan()?.goals[id]?.title ?? '—') : '—');
  const actions = createMemo(() => Object.values(plan()?.actions ?? {}).sort((a, b) => a.order - b.order));
  const budget = createMemo(() => {
    const p = plan();
    return p ? budgetSummary(p, props.workspace?.settings.acquisitionCost ?? null) : null;
  });
  const relations = () => relationNamesOf(props.workspace?.relations, plan()?.relationIds ?? []).join(', ');

  return (
    <Show when={plan()}>
      {(p) => (
        <section class="print-summary" data-testid="print-summary">
          <header class="ps-head">
            <p class="ps-kicker">{t('pv.print.kicker')}</p>
            <h2 class="ps-title">{p().title || t('pv.untitled')}</h2>
            <p class="ps-meta">
              {relations()}
              <Show when={p().ownerId}>
                {' · '}
                {t('pv.print.owner', { name: person(p().ownerId) })}
              </Show>
              {' · '}
              {t('pv.print.completeness', { value: props.session.completeness() ?? 0 })}
            </p>
          </header>

          <h3>{t('pv.print.keyPoints')}</h3>
          <Show when={p().keyPoints.some((k) => k.trim())} fallback={<p class="ps-empty">—</p>}>
            <ol class="ps-keypoints">
              <For each={p().keyPoints.filter((k) => k.trim())}>{(k) => <li>{k}</li>}</For>
            </ol>
          </Show>

          <h3>{t('pv.print.goals')}</h3>
          <Show when={goals().length > 0} fallback={<p class="ps-empty">—</p>}>
            <table class="ps-table">
              <thead>
                <tr>
                  <th>{t('pv.print.goal')}</th>
                  <th>{t('pv.print.category')}</th>
                  <th>{t('pv.print.metric')}</th>
                  <th>{t('pv.print.baselineTarget')}</th>
                  <th>{t('pv.print.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={goals()}>
                  {(g) => (
                    <tr>
                      <td class="ps-strong">{g.title || t('pv.untitled')}</td>
                      <td>{t(`pv.goal.${g.category}`)}</td>
                      <td>{g.metric || '—'}</td>
                      <td>
                        {g.baseline || '—'} → <strong>{g.target || '—'}</strong>
                      </td>
                      <td class="ps-nowrap">{date(g.deadline)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>

          <h3>{t('pv.print.actions')}</h3>
          <Show when={actions().length > 0} fallback={<p class="ps-empty">—</p>}>
            <table class="ps-table ps-actions">
              <thead>
                <tr>
                  <th>{t('pv.print.what')}</th>
                  <th>{t('pv.print.who')}</th>
                  <th>{t('pv.print.when')}</th>
                  <th>{t('pv.print.why')}</th>
                  <th>{t('pv.print.kpi')}</th>
                  <th>{t('pv.print.quadrant')}</th>
                  <th class="ps-num">{t('pv.print.cost')}</th>
                  <th>{t('pv.print.status')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={actions()}>
                  {(a) => (
                    <tr data-status={a.status}>
                      <td class="ps-strong">{a.what || t('pv.untitled')}</td>
                      <td>{person(a.ownerId)}</td>
                      <td class="ps-nowrap">{date(a.due)}</td>
                      <td>{goalTitle(a.goalId)}</td>
                      <td>{a.kpi ? [a.kpi.name, a.kpi.target].filter(Boolean).join(': ') || '—' : '—'}</td>
                      <td>{t(`pv.quadrant.${a.quadrant}`)}</td>
                      <td class="ps-num">{money(a.cost)}</td>
                      <td>{t(`pv.status.${a.status}`)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>

          <h3>{t('pv.print.budget')}</h3>
          <Show when={budget()}>
            {(b) => (
              <dl class="ps-budget">
                <div>
                  <dt>{t('pv.budget.budget')}</dt>
                  <dd>{b().budget === null ? t('pv.budget.none') : money(b().budget!)}</dd>
                </div>
                <div>
                  <dt>{t('pv.budget.costs')}</dt>
                  <dd>{money(b().actionCosts)}</dd>
                </div>
                <Show when={b().remaining !== null}>
                  <div>
                    <dt>{t(b().exceeded ? 'pv.print.over' : 'pv.print.left')}</dt>
                    <dd>{money(Math.abs(b().remaining!))}</dd>
                  </div>
                </Show>
                <Show when={b().acquisitionCost !== null}>
                  <div>
                    <dt>{t('pv.budget.acquisition')}</dt>
                    <dd>{money(b().acquisitionCost!)}</dd>
                  </div>
                </Show>
              </dl>
            )}
          </Show>
        </section>
      )}
    </Show>
  );
}
