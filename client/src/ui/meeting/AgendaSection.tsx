/**
 * The agenda: the plans presented, in order, each with its presenter and timebox; reordered with the move
 * buttons (keyboard) or by dragging; the total planned time against the meeting's length. New presentations
 * are added from the workspace's plan index (presenter: the plan's owner unless chosen).
 */
import { createDeferred, createMemo, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { agendaTime, orderedAgenda } from '../../../../core/meetingBoard.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t, tn } from '../../i18n/index.ts';
import { useBoard, useNames, useOpenPlans } from './board.tsx';
import type { DocHandle } from '../../app/docs.ts';
import { changesSinceMeeting } from '../../app/meetings.ts';
import type { Position } from './position.ts';
import { plansInUse } from '../../../../core/model/index.ts';

export function AgendaSection(props: { current: string | null; onShow: (p: Position) => void }) {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const intents = board.meeting.handle.store.intents;
  const agenda = createMemo(() => orderedAgenda(board.doc()));
  const time = createMemo(() => agendaTime(board.doc()));
  const running = () => board.doc().live.status === 'running';
  const [announce, setAnnounce] = createSignal('');
  const [dragging, setDragging] = createSignal<string | null>(null);
  // The previous board, for "changes since the last meeting" per plan (its plans held open meanwhile).
  const previous = () => {
    const id = board.doc().previousBoardId;
    const card = id ? ws.data()?.meetings?.[id] : undefined;
    return card ? { id: card.id, date: card.date } : null;
  };
  const planOf = useOpenPlans(() => (previous() ? agenda().map((a) => a.planId) : []));

  const move = (id: string, to: number) => {
    if (!board.check(intents.moveAgendaItem(id, to))) return;
    const item = agenda().find((a) => a.id === id);
    if (item) setAnnounce(t('mt.agenda.moved', { name: names.plan(item.planId), position: to + 1 }));
  };

  return (
    <section class="panel mt-agenda" aria-labelledby="mt-agenda-title">
      <div class="panel-head">
        <h2 id="mt-agenda-title">{t('mt.agenda')}</h2>
        <span class="mt-time" data-over={time().over ? 'true' : undefined} data-testid="agenda-time">
          {t('mt.agenda.total', { total: time().totalMinutes, length: time().lengthMinutes })}
          <Show when={time().over}>
            {' · '}
            <strong>{t('mt.agenda.over', { minutes: -time().leftMinutes })}</strong>
          </Show>
        </span>
      </div>
      <Show when={agenda().length > 0} fallback={<p class="muted empty">{t('mt.agenda.empty')}</p>}>
        <ol class="mt-agenda-list" data-testid="agenda">
          <For each={agenda()}>
            {(item, i) => {
              const name = () => names.plan(item.planId);
              return (
                <li
                  class="mt-agenda-item"
                  data-current={props.current === item.id ? 'true' : undefined}
                  data-dragging={dragging() === item.id ? 'true' : undefined}
                  draggable={!board.readOnly()}
                  onDragStart={(e) => {
                    setDragging(item.id);
                    e.dataTransfer?.setData('text/plain', item.id);
                  }}
                  onDragEnd={() => setDragging(null)}
                  onDragOver={(e) => dragging() && e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    const id = dragging();
                    setDragging(null);
                    if (id && id !== item.id) move(id, i());
                  }}
                >
                  <span class="mt-agenda-n">{i() + 1}</span>
                  <span class="mt-agenda-plan">
                    <strong>{name()}</strong>
                    <Show when={props.current === item.id}>
                      <span class="mt-now">{t('mt.agenda.now')}</span>
                    </Show>
                    <Show when={previous()}>
                      {(prev) => (
                        <SinceLastMeeting
                          planId={item.planId}
                          handle={planOf(item.planId)}
                          previous={prev()}
                        />
                      )}
                    </Show>
                  </span>
                  <label class="mt-inline">
                    <span class="visually-hidden">{t('mt.agenda.presenterOf', { name: name() })}</span>
                    <select
                      aria-label={t('mt.agenda.presenterOf', { name: name() })}
                      disabled={board.readOnly()}
                      onChange={(e) =>
                        board.check(intents.updateAgendaItem(item.id, { presenterId: e.currentTarget.value }))
                      }
                    >
                      <Show when={!ws.data()?.professionals[item.presenterId]}>
                        <option value={item.presenterId} selected>
                          —
                        </option>
                      </Show>
                      <For each={names.professionals()}>
                        {(p) => (
                          <option value={p.id} selected={p.id === item.presenterId}>
                            {p.name}
                          </option>
                        )}
                      </For>
                    </select>
                  </label>
                  <label class="mt-inline">
                    <span class="visually-hidden">{t('mt.agenda.timeboxOf', { name: name() })}</span>
                    <input
                      type="number"
                      min="1"
                      max="240"
                      class="mt-minutes"
                      aria-label={t('mt.agenda.timeboxOf', { name: name() })}
                      value={item.timeboxMinutes}
                      readOnly={board.readOnly()}
                      onChange={(e) =>
                        board.check(
                          intents.updateAgendaItem(item.id, {
                            timeboxMinutes: Math.trunc(e.currentTarget.valueAsNumber),
                          }),
                        )
                      }
                    />
                    <span aria-hidden="true">min</span>
                  </label>
                  <span class="mt-agenda-tools">
                    <Show when={running()}>
                      <button
                        type="button"
                        class="link"
                        onClick={() => props.onShow({ agendaItemId: item.id, step: 'opening' })}
                      >
                        {t('mt.agenda.show')}
                      </button>
                    </Show>
                    <Show when={!board.readOnly()}>
                      <button
                        type="button"
                        class="icon"
                        disabled={i() === 0}
                        aria-label={t('mt.agenda.up', { name: name() })}
                        onClick={() => move(item.id, i() - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="icon"
                        disabled={i() === agenda().length - 1}
                        aria-label={t('mt.agenda.down', { name: name() })}
                        onClick={() => move(item.id, i() + 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        class="icon"
                        aria-label={t('mt.agenda.remove', { name: name() })}
                        onClick={() => board.check(intents.removeAgendaItem(item.id))}
                      >
                        ×
                      </button>
                    </Show>
                  </span>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {announce()}
      </p>
      <Show when={!board.readOnly()}>
        <AddToAgenda />
      </Show>
    </section>
  );
}

function AddToAgenda() {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const plans = createMemo(() => plansInUse(ws.data()?.plans).sort((a, b) => a.title.localeCompare(b.title)));
  const [planId, setPlanId] = createSignal('');
  const [presenterId, setPresenterId] = createSignal('');
  const [minutes, setMinutes] = createSignal(10);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const plan = ws.data()?.plans[planId()];
    if (!plan) return;
    const presenter = presenterId() || plan.ownerId || names.professionals()[0]?.id || ws.me.id;
    const added = board.meeting.handle.store.intents.addAgendaItem({
      planId: plan.id,
      presenterId: presenter,
      timeboxMinutes: minutes(),
    });
    if (board.check(added)) {
      setPlanId('');
      setPresenterId('');
    }
  };
  return (
    <Show when={plans().length > 0} fallback={<p class="muted">{t('mt.agenda.noPlans')}</p>}>
      <form class="mt-add" onSubmit={submit}>
        <div class="field grow">
          <label for="mt-add-plan">{t('mt.agenda.plan')}</label>
          <select id="mt-add-plan" value={planId()} onChange={(e) => setPlanId(e.currentTarget.value)}>
            <option value="">{t('mt.agenda.choosePlan')}</option>
            <For each={plans()}>
              {(p) => (
                <option value={p.id} selected={p.id === planId()}>
                  {p.title}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="mt-add-presenter">{t('mt.agenda.presenter')}</label>
          <select
            id="mt-add-presenter"
            value={presenterId()}
            onChange={(e) => setPresenterId(e.currentTarget.value)}
          >
            <option value="">{(planId() && names.person(ws.data()?.plans[planId()]?.ownerId)) || '—'}</option>
            <For each={names.professionals()}>
              {(p) => (
                <option value={p.id} selected={p.id === presenterId()}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <label class="field">
          <span>{t('mt.agenda.timebox')}</span>
          <input
            type="number"
            min="1"
            max="240"
            class="mt-minutes"
            value={minutes()}
            onInput={(e) => setMinutes(Math.trunc(e.currentTarget.valueAsNumber) || 10)}
          />
        </label>
        <button type="submit" class="primary" disabled={!planId()}>
          {t('mt.agenda.add')}
        </button>
      </form>
    </Show>
  );
}

/**
 * How much a plan changed since the previous meeting (history: since the version made when that meeting
 * presented it, else since the end of its day), with a link to the plan's history. Recomputed when the plan
 * settles, not on every keystroke.
 */
function SinceLastMeeting(props: {
  planId: string;
  handle: DocHandle<'plan'> | undefined;
  previous: { id: string; date: string };
}) {
  const version = createDeferred(() => props.handle?.store.version() ?? -1, { timeoutMs: 1500 });
  const count = createMemo(() => {
    version();
    const handle = props.handle;
    if (!handle || handle.store.state.status !== 'ready') return null;
    const changes = changesSinceMeeting(handle.binding.doc, props.previous);
    return changes?.ok ? changes.value.length : null;
  });
  return (
    <Show when={count() !== null}>
      <A href={`/plans/${props.planId}#sec-history`} class="mt-since muted" data-testid="since-last-meeting">
        {count() === 0 ? t('mt.since.none') : tn('mt.since', count()!)}
      </A>
    </Show>
  );
}
