/**
 * Keep warm's "What was promised" (README: "sees at a glance … what was promised"): the open actions of every
 * account plan of the workspace — commitments made in meetings included, they are actions in their plans —
 * overdue first, then by due date (core/promised). Each with its relation, plan, who, what and when ("3 days
 * overdue", "in 5 days"), a link to the action in its plan, and a Done button; an action marked done here
 * offers "Log as contact moment" (ContactOffer.tsx). Filter by person (`?who=`: everyone by default, `me` when
 * this person's name is a professional of the team, a professional id, or `nobody`).
 *
 * The plans are held open live (app/workspacePlans.ts), so a colleague's edit shows at once. A plan this device
 * cannot read now (offline and never opened here) is named: the list says it is not complete.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, mapArray, Show } from 'solid-js';
import {
  openActionsOf,
  promisedActions,
  promisedCounts,
  type PromisedAction,
  type PromisedFilter,
} from '../../../../core/promised.ts';
import { useWorkspace } from '../../app/context.tsx';
import { useWorkspacePlans } from '../../app/workspacePlans.ts';
import { formatDate, locale, t, tn } from '../../i18n/index.ts';
import { matchPerson } from '../meeting/people.ts';
import { actionHref } from '../plans/revealAction.ts';
import { issuesText } from '../relations/common.tsx';
import { relationNameOf } from '../relations/relationNames.ts';
import { ContactOffer } from './ContactOffer.tsx';

/** Rows shown before "show all". */
const FIRST = 25;

/** "3 days overdue", "Due today", "In 5 days", "No date". */
export function whenText(a: Pick<PromisedAction, 'daysLeft'>): string {
  if (a.daysLeft === null) return t('fire.promised.noDate');
  if (a.daysLeft < 0) return tn('fire.promised.late', -a.daysLeft);
  if (a.daysLeft === 0) return t('fire.promised.today');
  return tn('fire.promised.in', a.daysLeft);
}

export function PromisedActions(props: { today: string }) {
  const ws = useWorkspace();
  const held = useWorkspacePlans(ws.session);
  // One cached list per plan: an edit in one plan re-reads that plan only.
  const perPlan = mapArray(held, (p) =>
    createMemo(() => {
      const data = p.data();
      return data ? openActionsOf(data, props.today) : [];
    }),
  );
  const lists = createMemo(() => perPlan().map((list) => list()));
  const all = createMemo(() => promisedActions(lists(), props.today));
  const loading = createMemo(() => held().filter((p) => p.state() === 'loading').length);
  const missing = createMemo(() => held().filter((p) => p.state() === 'missing'));

  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) =>
      a.name.localeCompare(b.name, locale(), { sensitivity: 'base' }),
    ),
  );
  const name = (id: string | null) => (id ? (ws.data()?.professionals[id]?.name ?? '') : '');
  /** This person as a professional of the team, when their name says which one (as the meeting board reads names). */
  const myId = createMemo(() => {
    const me = ws.me.name.trim();
    if (!me) return null;
    const found = matchPerson(me, professionals());
    return found.ok ? found.id : null;
  });

  const [params, setParams] = useSearchParams<{ who?: string }>();
  const whoValue = () => {
    const who = params.who ?? '';
    if (who === 'me') return myId() ? 'me' : '';
    if (who === 'nobody') return 'nobody';
    return who && ws.data()?.professionals[who] ? who : '';
  };
  const filter = createMemo<PromisedFilter>(() => {
    const who = whoValue();
    if (who === 'me') return { who: 'person', id: myId()! };
    if (who === 'nobody') return { who: 'nobody' };
    return who ? { who: 'person', id: who } : { who: 'everyone' };
  });
  const counts = createMemo(() => promisedCounts(all()));
  const shownAll = createMemo(() =>
    filter().who === 'everyone' ? all() : promisedActions(lists(), props.today, filter()),
  );
  const overdue = createMemo(() => shownAll().filter((a) => a.overdue).length);
  const [showAll, setShowAll] = createSignal(false);
  const rows = createMemo(() => (showAll() ? shownAll() : shownAll().slice(0, FIRST)));

  // Actions marked done here: their offer to log a contact moment stays until dismissed or logged.
  const [done, setDone] = createSignal<{ planId: string; actionId: string }[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const heldPlan = (planId: string) => held().find((p) => p.id === planId);
  const markDone = (a: PromisedAction) => {
    const plan = heldPlan(a.planId);
    if (!plan) return;
    const r = plan.handle.store.intents.setActionStatus(a.actionId, 'done');
    setError(r.ok ? null : issuesText(r.issues));
    if (r.ok)
      setDone((list) => [
        ...list.filter((d) => d.planId !== a.planId || d.actionId !== a.actionId),
        { planId: a.planId, actionId: a.actionId },
      ]);
  };
  const offers = createMemo(() =>
    done().flatMap((d) => {
      const plan = heldPlan(d.planId)?.data();
      const action = plan?.actions[d.actionId];
      return plan && action?.status === 'done' ? [{ plan, action }] : [];
    }),
  );
  const writable = (planId: string) => !ws.readOnly() && !heldPlan(planId)?.handle.readOnly();

  return (
    <section class="panel promised" aria-labelledby="promised-title" data-testid="promised">
      <div class="panel-head">
        <h2 id="promised-title">{t('fire.promised')}</h2>
        <span class="muted" data-testid="promised-count">
          {tn('fire.promised.count', shownAll().length)}
          <Show when={overdue() > 0}>
            {' · '}
            <span class="promised-overdue">{tn('fire.promised.overdue', overdue())}</span>
          </Show>
        </span>
      </div>
      <p class="muted promised-intro">{t('fire.promised.intro')}</p>
      <div class="promised-tools">
        <label class="field">
          <span>{t('fire.promised.who')}</span>
          <select
            aria-label={t('fire.promised.who')}
            value={whoValue()}
            onChange={(e) => {
              setShowAll(false);
              setParams({ who: e.currentTarget.value || undefined }, { replace: true });
            }}
          >
            <option value="">{t('fire.promised.everyone', { count: counts().total })}</option>
            <Show when={myId()}>
              {(id) => (
                <option value="me">
                  {t('fire.promised.mine', {
                    name: name(id()),
                    count: counts().byOwner.get(id()) ?? 0,
                  })}
                </option>
              )}
            </Show>
            <For each={professionals().filter((p) => p.id !== myId())}>
              {(p) => (
                <option value={p.id} selected={p.id === whoValue()}>
                  {t('fire.promised.person', { name: p.name, count: counts().byOwner.get(p.id) ?? 0 })}
                </option>
              )}
            </For>
            <option value="nobody">
              {t('fire.promised.nobody', { count: counts().byOwner.get(null) ?? 0 })}
            </option>
          </select>
        </label>
      </div>
      <Show when={loading() > 0}>
        <p class="muted" role="status" data-testid="promised-loading">
          {t('fire.promised.loading', { done: held().length - loading(), total: held().length })}
        </p>
      </Show>
      <Show when={missing().length > 0}>
        <p class="notice promised-missing" role="status" data-testid="promised-missing">
          {tn('fire.promised.missing', missing().length, {
            titles: missing()
              .map((p) => `‘${p.cardTitle}’`)
              .join(', '),
          })}
        </p>
      </Show>
      <div class="done-offers" role="status" aria-live="polite">
        <For each={offers()}>
          {(o) => (
            <ContactOffer
              planId={o.plan.id}
              relationIds={o.plan.relationIds}
              action={o.action}
              onDismiss={() =>
                setDone((list) => list.filter((d) => d.planId !== o.plan.id || d.actionId !== o.action.id))
              }
            />
          )}
        </For>
      </div>
      <Show
        when={shownAll().length > 0}
        fallback={
          <Show when={loading() === 0}>
            <p class="muted">
              {held().length === 0
                ? t('fire.promised.noPlans')
                : filter().who === 'everyone'
                  ? t('fire.promised.none')
                  : t('fire.promised.noneFor')}
            </p>
          </Show>
        }
      >
        <table class="promised-table">
          <caption class="visually-hidden">{t('fire.promised.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fire.promised.col.when')}</th>
              <th scope="col">{t('fire.promised.col.what')}</th>
              <th scope="col">{t('fire.promised.col.who')}</th>
              <th scope="col">{t('fire.promised.col.relation')}</th>
              <th scope="col">{t('fire.promised.col.plan')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('fire.promised.markDone')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(a) => (
                <tr data-action={a.actionId} data-overdue={a.overdue ? '' : undefined}>
                  <td class="promised-when">
                    <span class="promised-relative">{whenText(a)}</span>
                    <Show when={a.due}>
                      {(due) => <span class="muted promised-date">{formatDate(locale(), due())}</span>}
                    </Show>
                  </td>
                  <td class="promised-what">
                    <A href={actionHref(a.planId, a.actionId)}>
                      {a.what.trim() || t('fire.promised.noWhat')}
                    </A>
                    <Show when={a.fromBoardId}>
                      {' '}
                      <span class="tag" title={t('fire.promised.commitmentTitle')}>
                        {t('fire.promised.commitment')}
                      </span>
                    </Show>
                  </td>
                  <td>
                    {name(a.ownerId) || <span class="promised-nobody">{t('fire.promised.noOwner')}</span>}
                  </td>
                  <td>
                    <For each={a.relationIds}>
                      {(id, i) => (
                        <>
                          {i() > 0 ? ', ' : ''}
                          <Show
                            when={ws.data()?.relations[id]}
                            fallback={relationNameOf(ws.data()?.relations, id)}
                          >
                            <A href={`/relations/${id}`}>{relationNameOf(ws.data()?.relations, id)}</A>
                          </Show>
                        </>
                      )}
                    </For>
                  </td>
                  <td>
                    <A href={`/plans/${a.planId}`}>{a.planTitle}</A>
                  </td>
                  <td>
                    <Show when={writable(a.planId)}>
                      <button
                        type="button"
                        class="small"
                        aria-label={t('fire.promised.markDoneFor', {
                          what: a.what.trim() || t('fire.promised.noWhat'),
                        })}
                        onClick={() => markDone(a)}
                      >
                        {t('fire.promised.markDone')}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={shownAll().length > FIRST && !showAll()}>
          <button type="button" class="link" onClick={() => setShowAll(true)}>
            {t('fire.showAll', { count: shownAll().length })}
          </button>
        </Show>
      </Show>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
