/**
 * The review (DOMAIN.md §7): the actions that came due since the previous meeting, presenter by presenter,
 * each marked done / not done / moved. Each row shows the action as its plan has it now (the plans are held
 * open while the review is on screen), and marking it changes the plan first (app/meetings.ts `markReview`).
 * A moved action's new date must come after the meeting; an earlier one is refused beside the date field.
 */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { firstMoveDay, movedToProblem } from '../../../../core/meetingBoard.ts';
import { DateField } from '../DateField.tsx';
import type { ReviewItem } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import type { DocHandle } from '../../app/docs.ts';
import { collectReview, markReview } from '../../app/meetings.ts';
import { formatDate, locale, t, tn } from '../../i18n/index.ts';
import { liveAction, useBoard, useNames, useOpenPlans } from './board.tsx';

export function ReviewSection() {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const items = createMemo(() => Object.values(board.doc().review));
  const [busy, setBusy] = createSignal(false);
  const [note, setNote] = createSignal('');

  // Hold the plans of the review open, so each row shows its action as the plan has it now.
  const planOf = useOpenPlans(() => items().map((i) => i.planId));

  const groups = createMemo(() => {
    const by = new Map<string, ReviewItem[]>();
    for (const item of items()) {
      const key = item.presenterId ?? '';
      by.set(key, [...(by.get(key) ?? []), item]);
    }
    return [...by.entries()]
      .map(([presenterId, list]) => ({
        presenterId,
        name: presenterId ? names.person(presenterId) : t('mt.review.noPresenter'),
        list: list.sort((a, b) => a.id.localeCompare(b.id)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  const collect = async () => {
    setBusy(true);
    const r = await collectReview(ws.session, board.meeting.handle);
    setBusy(false);
    if (board.check(r) && r.value > 0) setNote(tn('mt.review.collected', r.value));
  };

  // A new board collects what came due by itself (idempotent: fixed ids). Only while its review is empty:
  // collecting reads every plan of the workspace, too much to repeat on each opening — the button does it.
  onMount(() => {
    const doc = board.doc();
    if (!board.readOnly() && doc.live.status === 'notStarted' && Object.keys(doc.review).length === 0)
      void collect();
  });

  return (
    <section class="panel mt-review" aria-labelledby="mt-review-title">
      <div class="panel-head">
        <h2 id="mt-review-title">{t('mt.review')}</h2>
        <Show when={!board.readOnly() && board.doc().live.status !== 'ended'}>
          <button type="button" onClick={() => void collect()} disabled={busy()}>
            {busy() ? t('mt.review.collecting') : t('mt.review.collect')}
          </button>
        </Show>
      </div>
      <p class="muted section-intro">{t('mt.review.intro')}</p>
      <p class="muted" aria-live="polite">
        {note()}
      </p>
      <Show when={items().length > 0} fallback={<p class="muted empty">{t('mt.review.empty')}</p>}>
        <For each={groups()}>
          {(group) => (
            <div class="mt-review-group">
              {/* Grouped by who presents the plan (the action's own owner may be someone else). */}
              <h3>{group.presenterId ? t('mt.review.presenter', { name: group.name }) : group.name}</h3>
              <ul class="mt-review-list">
                <For each={group.list}>{(item) => <ReviewRow item={item} plan={planOf(item.planId)} />}</For>
              </ul>
            </div>
          )}
        </For>
      </Show>
    </section>
  );
}

function ReviewRow(props: { item: ReviewItem; plan: DocHandle<'plan'> | undefined }) {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const [moving, setMoving] = createSignal(false);
  const action = () => liveAction(props.plan, props.item.actionId);
  const label = () => action()?.what || props.item.actionId;
  // A deleted plan takes no outcome (its intents refuse it): the buttons are off and say why until it is restored.
  const planDeleted = () => Boolean(props.plan?.store.state.data?.deletedAt);
  const off = () => board.readOnly() || !action() || planDeleted();
  const reasonId = () => `mt-review-why-${props.item.id}`;
  const mark = async (outcome: ReviewItem['outcome'], movedTo: string | null = null) => {
    board.check(await markReview(ws.session, board.meeting.handle, props.item, outcome, movedTo));
  };
  // A moved action's new date comes after the meeting (core firstMoveDay): said here, beside the date field.
  const firstDay = () => firstMoveDay(board.doc().date);
  // Saved on Enter or when the field is left (DateField); an impossible date is said there, the typing kept.
  const move = (value: string | null): string | undefined => {
    if (!value) return undefined;
    if (movedToProblem(board.doc().date, value))
      return t('mt.review.movedTooEarly', { date: formatDate(locale(), firstDay()) });
    setMoving(false);
    void mark('moved', value);
    return undefined;
  };
  const pressed = (o: ReviewItem['outcome']) => (props.item.outcome === o ? 'true' : 'false');

  return (
    <li class="mt-review-item" data-outcome={props.item.outcome ?? 'none'} data-testid="review-item">
      <div class="mt-review-what">
        <Show
          when={action() !== undefined && action() !== null}
          fallback={
            <span class="muted">
              {action() === null ? t('mt.review.actionGone') : t('mt.review.loading')}
            </span>
          }
        >
          <strong>{label()}</strong>
          <span class="muted">
            {names.plan(props.item.planId)}
            {action()!.due ? ` · ${t('mt.review.due', { date: formatDate(locale(), action()!.due!) })}` : ''}
            {' · '}
            <span data-testid="review-plan-state">{t(`mt.review.inPlan.${action()!.status}`)}</span>
          </span>
        </Show>
      </div>
      <div class="mt-review-outcome" role="group" aria-label={t('mt.review.outcomeOf', { name: label() })}>
        <button
          type="button"
          aria-pressed={pressed('done')}
          disabled={off()}
          aria-describedby={planDeleted() ? reasonId() : undefined}
          onClick={() => void mark(props.item.outcome === 'done' ? null : 'done')}
        >
          {t('mt.review.done')}
        </button>
        <button
          type="button"
          aria-pressed={pressed('notDone')}
          disabled={off()}
          aria-describedby={planDeleted() ? reasonId() : undefined}
          onClick={() => void mark(props.item.outcome === 'notDone' ? null : 'notDone')}
        >
          {t('mt.review.notDone')}
        </button>
        <button
          type="button"
          aria-pressed={pressed('moved')}
          disabled={off()}
          aria-describedby={planDeleted() ? reasonId() : undefined}
          onClick={() => setMoving(!moving())}
        >
          {t('mt.review.moved')}
        </button>
        <Show when={planDeleted() && !board.readOnly()}>
          <p id={reasonId()} class="muted mt-review-why" data-testid="review-plan-deleted">
            {t('mt.review.planDeleted')}
          </p>
        </Show>
        <Show when={moving() || props.item.outcome === 'moved'}>
          <DateField
            class="mt-inline"
            label={t('mt.review.movedTo', { name: label() })}
            min={firstDay()}
            value={props.item.movedTo}
            readOnly={board.readOnly() || planDeleted()}
            onCommit={move}
          />
        </Show>
      </div>
    </li>
  );
}
