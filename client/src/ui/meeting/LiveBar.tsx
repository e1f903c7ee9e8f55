/**
 * The meeting's controls and state, at the top of the board: start; for the one who facilitates (the
 * "driver") previous / next (also by arrow keys and a presentation clicker's Page Up / Page Down), end (it asks
 * first: it ends the meeting for everyone), and handing facilitation over; for everyone else whether they
 * follow the facilitator, with one click to follow again (offline, it says that following waits for the
 * connection); for all, the current presentation's timer — counted from a start time in the board on the
 * relay's clock, so every screen shows the same time even when their clocks differ.
 */
import { createEffect, createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { AskFirst } from '../AskFirst.tsx';
import { elapsedSeconds, orderedAgenda } from '../../../../core/meetingBoard.ts';
import { useWorkspace } from '../../app/context.tsx';
import { serverNow } from '../../app/clock.ts';
import { t } from '../../i18n/index.ts';
import { useBoard, useNames } from './board.tsx';
import { clockText } from './position.ts';

export function LiveBar(props: { amDriver: boolean; following: boolean; onFollow: () => void }) {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const intents = board.meeting.handle.store.intents;
  const live = () => board.doc().live;
  const agenda = createMemo(() => orderedAgenda(board.doc()));
  // Without a name (the top bar's "Your name"), the others read "Following the facilitator".
  const me = () => ({ id: ws.me.id, name: ws.me.name });
  const driverName = () => live().driverName || t('mt.live.someone');

  // The timer: a tick every half second, on the relay's clock.
  const [now, setNow] = createSignal(serverNow());
  createEffect(() => {
    if (!live().timerStartedAt) return; // no timer runs: nothing to tick
    const timer = setInterval(() => setNow(serverNow()), 500);
    onCleanup(() => clearInterval(timer));
  });
  const current = () => agenda().find((a) => a.id === live().agendaItemId) ?? null;
  const elapsed = () => elapsedSeconds(live().timerStartedAt, now());
  const over = () => {
    const e = elapsed();
    const item = current();
    return e !== null && item !== null && e > item.timeboxMinutes * 60;
  };
  /** Seconds past the timebox (0 when within it). */
  const overBy = () => Math.max(0, (elapsed() ?? 0) - (current()?.timeboxMinutes ?? 0) * 60);
  // Said once to assistive tech, politely, when a presentation runs over: not in the timer itself (a role=timer
  // is not announced, and a ticking live region would speak every half second).
  const [overNotice, setOverNotice] = createSignal('');
  let announcedFor: string | null = null; // the presentation whose overrun was said
  createEffect(() => {
    const id = current()?.id ?? null;
    if (!over()) setOverNotice('');
    else if (id !== announcedFor) {
      announcedFor = id;
      setOverNotice(t('mt.live.overNotice'));
    }
  });

  // Keys for the driver, unless typing somewhere.
  const onKey = (e: KeyboardEvent) => {
    if (!props.amDriver || live().status !== 'running') return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"], .cm-editor')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') {
      e.preventDefault();
      board.check(intents.next());
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault();
      board.check(intents.previous());
    }
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));

  // Offline (or refused by the relay) nothing follows anyone: the bar says so instead of "Following …".
  const offline = () => {
    const phase = board.meeting.handle.connection().phase;
    return phase === 'offline' || phase === 'refused';
  };
  const present = () =>
    board.meeting.handle.presence().filter((p) => !p.self && p.user.id !== live().driverId);
  const [handTo, setHandTo] = createSignal('');

  return (
    <section class="mt-livebar" aria-label={t('mt.live.timer')} data-live={live().status}>
      <Show when={live().status === 'notStarted'}>
        <Show when={!board.readOnly()} fallback={<p class="muted">{t('mt.live.waiting')}</p>}>
          <button
            type="button"
            class="primary"
            disabled={agenda().length === 0}
            onClick={() => board.check(intents.start(me()))}
          >
            {t('mt.live.start')}
          </button>
          <Show when={agenda().length === 0}>
            <span class="muted">{t('mt.live.emptyAgenda')}</span>
          </Show>
        </Show>
      </Show>

      <Show when={live().status === 'running'}>
        <Show when={current()} fallback={<span class="mt-live-where">{t('mt.live.closing')}</span>}>
          {(item) => (
            <span class="mt-live-where" data-testid="live-where">
              {t('mt.live.presentation', {
                n: agenda().indexOf(item()) + 1,
                total: agenda().length,
                name: names.plan(item().planId),
                presenter: names.person(item().presenterId),
              })}
            </span>
          )}
        </Show>
        <Show when={elapsed() !== null && current()}>
          <span
            class="mt-timer"
            data-over={over() ? 'true' : undefined}
            role="timer"
            aria-label={t('mt.live.timer')}
          >
            <span data-testid="timer">{clockText(elapsed()!)}</span>{' '}
            <span class="muted">/ {current()!.timeboxMinutes}:00</span>
            {/* Over time is said in words too, not by colour alone. */}
            <Show when={over()}>
              <span class="mt-over" data-testid="timer-over">
                {' · '}
                {t('mt.live.overBy', { time: clockText(overBy()) })}
              </span>
            </Show>
          </span>
          <span class="visually-hidden" aria-live="polite" data-testid="timer-notice">
            {overNotice()}
          </span>
        </Show>

        <Show
          when={props.amDriver}
          fallback={
            <span
              class="mt-follow"
              data-following={props.following ? 'true' : 'false'}
              data-offline={offline() ? 'true' : undefined}
              data-testid="follow-state"
            >
              <Show
                when={!offline() || !props.following}
                fallback={<span>{t('mt.live.offline', { name: driverName() })}</span>}
              >
                <Show
                  when={props.following}
                  fallback={
                    <>
                      <span>{t('mt.live.notFollowing', { name: driverName() })}</span>
                      <button type="button" class="primary" onClick={() => props.onFollow()}>
                        {t('mt.live.follow')}
                      </button>
                    </>
                  }
                >
                  <span>{t('mt.live.following', { name: driverName() })}</span>
                </Show>
              </Show>
              <Show when={!board.readOnly()}>
                <button type="button" class="link" onClick={() => board.check(intents.handOver(me()))}>
                  {t('mt.live.takeOver')}
                </button>
              </Show>
            </span>
          }
        >
          <span class="mt-controls">
            <button type="button" onClick={() => board.check(intents.previous())}>
              ← {t('mt.live.previous')}
            </button>
            <button type="button" class="primary" onClick={() => board.check(intents.next())}>
              {t('mt.live.next')} →
            </button>
            <span
              class="muted mt-you"
              data-offline={offline() ? 'true' : undefined}
              data-testid="drive-state"
            >
              {offline() ? t('mt.live.offlineDriver') : t('mt.live.youDrive')}
            </span>
            <Show when={present().length > 0}>
              <label class="mt-handover">
                <span>{t('mt.live.handOver')}</span>
                <select
                  aria-label={t('mt.live.handOver')}
                  value={handTo()}
                  onChange={(e) => setHandTo(e.currentTarget.value)}
                >
                  <option value="">—</option>
                  <For each={present()}>
                    {(p) => (
                      <option value={p.user.id} selected={p.user.id === handTo()}>
                        {p.user.name || p.user.id}
                      </option>
                    )}
                  </For>
                </select>
              </label>
              <button
                type="button"
                disabled={!handTo()}
                onClick={() => {
                  const to = present().find((p) => p.user.id === handTo());
                  if (to) board.check(intents.handOver({ id: to.user.id, name: to.user.name }));
                  setHandTo('');
                }}
              >
                {t('mt.live.handOverDo')}
              </button>
            </Show>
            <AskFirst
              label={t('mt.live.end')}
              question={t('mt.live.endConfirm')}
              yes={t('mt.live.endDo')}
              no={t('mt.live.endCancel')}
              buttonClass="danger"
              class="mt-confirm"
              nameByQuestion
              onYes={() => board.check(intents.end())}
            />
          </span>
        </Show>
      </Show>
    </section>
  );
}
