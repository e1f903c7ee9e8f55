/**
 * The 4P matrix of a plan (DOMAIN.md §3): the two questions as the table's axes — about the content or
 * beyond it; aimed at the person or at the organisation — and per quadrant its activities, their cost and
 * their status, from core's `quadrantSummary`. Past 3 activities a quadrant says "keep it simple" (the same
 * threshold as the `p4.crowded` finding). Quadrants chosen in the strategy are marked.
 */
import { createMemo, For, Show } from 'solid-js';
import type { AccountPlanDoc, Quadrant } from '../../../../../core/model/index.ts';
import { DEFAULT_PLAN_RULES, quadrantSummary } from '../../../../../core/plan/index.ts';
import { formatMoney, locale, t, tn } from '../../../i18n/index.ts';

/** Rows: about the content / beyond it; columns: aimed at the person / at the organisation. */
const GRID: { row: 'content' | 'beyond'; cells: [Quadrant, Quadrant] }[] = [
  { row: 'content', cells: ['project', 'partnership'] },
  { row: 'beyond', cells: ['person', 'process'] },
];

export function QuadrantMatrix(props: {
  plan: Pick<AccountPlanDoc, 'actions' | 'strategy'>;
  currency: string;
}) {
  const stats = createMemo(() => quadrantSummary(props.plan));
  const activities = createMemo(() => {
    const by: Record<Quadrant, string[]> = { project: [], person: [], process: [], partnership: [] };
    const sorted = Object.values(props.plan.actions).sort((a, b) => a.order - b.order);
    for (const a of sorted) if (a.status !== 'cancelled') by[a.quadrant].push(a.what);
    return by;
  });
  const chosen = (q: Quadrant) => props.plan.strategy.quadrants.includes(q);

  const Cell = (p: { q: Quadrant }) => {
    const s = () => stats()[p.q];
    return (
      <td class="p4-cell" data-quadrant={p.q} data-crowded={s().crowded ? 'true' : undefined}>
        <div class="p4-cell-head">
          <span class="p4-name">{t(`pv.quadrant.${p.q}`)}</span>
          <Show when={chosen(p.q)}>
            <span class="tag p4-chosen">{t('pv.p4.inStrategy')}</span>
          </Show>
        </div>
        <p class="p4-hint muted">{t(`pv.quadrant.${p.q}.hint`)}</p>
        <p class="p4-figures" data-testid={`p4-${p.q}`}>
          <strong>{tn('pv.p4.activities', s().activities)}</strong>
          {' · '}
          {formatMoney(locale(), s().cost, props.currency)}
        </p>
        <Show when={s().byStatus.planned + s().byStatus.done + s().byStatus.cancelled > 0}>
          <p class="p4-status muted">
            {t('pv.p4.status', {
              planned: s().byStatus.planned,
              done: s().byStatus.done,
              cancelled: s().byStatus.cancelled,
            })}
          </p>
        </Show>
        <Show when={activities()[p.q].length > 0}>
          <ul class="p4-list">
            <For each={activities()[p.q]}>{(what) => <li>{what || t('pv.untitled')}</li>}</For>
          </ul>
        </Show>
        <Show when={s().crowded}>
          <p class="p4-nudge" role="note">
            {t('pv.p4.crowded', {
              count: s().activities,
              limit: DEFAULT_PLAN_RULES.maxActivitiesPerQuadrant,
            })}
          </p>
        </Show>
      </td>
    );
  };

  return (
    <table class="p4" data-testid="p4-matrix">
      <caption class="visually-hidden">{t('pv.p4.caption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('pv.p4.person')}</th>
          <th scope="col">{t('pv.p4.organisation')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={GRID}>
          {(row) => (
            <tr>
              <th scope="row" class="p4-row">
                {t(row.row === 'content' ? 'pv.p4.content' : 'pv.p4.beyond')}
              </th>
              <Cell q={row.cells[0]} />
              <Cell q={row.cells[1]} />
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
