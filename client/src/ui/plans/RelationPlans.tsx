/**
 * On a relation's page: its account plans (from the workspace's plan index) and "New plan", which starts one
 * for this relation in one click (owner: the relation's owner) and opens it.
 */
import { A, useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Relation } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { createPlan } from '../../app/plans.ts';
import { t, tn } from '../../i18n/index.ts';
import { createOnce } from '../once.ts';
import { Completeness } from './Completeness.tsx';
import { createRefusal, RefusalMessage } from './sections.tsx';
import './plans.css';
import { plansInUse } from '../../../../core/model/index.ts';

export function RelationPlans(props: { relation: Relation }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const refusal = createRefusal();
  const plans = createMemo(() =>
    plansInUse(ws.data()?.plans)
      .filter((p) => p.relationIds.includes(props.relation.id))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
  );
  // Deleted plans stay findable here: a relation whose only plan was deleted does not look plan-less, and
  // "New plan" is not the only way on (the plan page restores it).
  const deletedPlans = createMemo(() =>
    Object.values(ws.data()?.plans ?? {}).filter(
      (p) => p.deleted === true && p.relationIds.includes(props.relation.id),
    ),
  );
  const { run: start, busy: starting } = createOnce(async () => {
    const result = await createPlan(ws.session, {
      relationIds: [props.relation.id],
      title: t('plans.new.defaultTitle', {
        name: props.relation.name,
        year: String(new Date().getFullYear()),
      }),
      ownerId: props.relation.ownerId,
    });
    if (refusal.check(result)) navigate(`/plans/${result.value}`);
  });
  return (
    <section class="panel rel-plans" aria-labelledby="rel-plans-title">
      <div class="panel-head">
        <h2 id="rel-plans-title">{t('rel.plans.title')}</h2>
        <Show when={!ws.readOnly()}>
          <button type="button" class="primary" onClick={() => void start()} disabled={starting()}>
            {t('plans.new')}
          </button>
        </Show>
      </div>
      <Show when={plans().length > 0} fallback={<p class="muted">{t('rel.plans.none')}</p>}>
        <ul class="rel-plan-list">
          <For each={plans()}>
            {(p) => (
              <li>
                <A href={`/plans/${p.id}`}>{p.title || t('plans.untitled')}</A>
                <Completeness value={p.completeness} />
                <Show when={p.errors > 0}>
                  <span class="count-badge" data-severity="error">
                    {tn('plans.errors', p.errors)}
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={deletedPlans().length > 0}>
        <p class="muted rel-plans-deleted">
          {tn('rel.plans.deleted', deletedPlans().length)}{' '}
          <For each={deletedPlans()}>
            {(p, i) => (
              <>
                {i() > 0 ? ', ' : ''}
                <A href={`/plans/${p.id}`}>{p.title || t('plans.untitled')}</A>
              </>
            )}
          </For>
        </p>
      </Show>
      <RefusalMessage message={refusal.message()} />
    </section>
  );
}
