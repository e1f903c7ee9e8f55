/**
 * /meetings/:id — one relationship-management meeting board (DOMAIN.md §7, seed 000), live for everyone on it.
 * Before the meeting: successes, the agenda (plans, presenters, timeboxes against the meeting's length) and the
 * review of what came due. During it: the facilitator's controls and timer, the presentation everyone follows
 * (the plan's own ruitmodel slides), questions and feedback, commitments that land in the plan. After it: the
 * summary, to print or download. A viewer (audience link) sees it read-only and follows the facilitator.
 * "Delete meeting" takes it out of the meeting list (it asks first; ui/Deletion.tsx, as for plans); a deleted
 * board still opens, with a banner and "Restore meeting".
 */
import { A, useLocation, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, on, onMount, Show, Switch } from 'solid-js';
import type { MeetingBoardDoc } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { measureClockOffset } from '../../app/clock.ts';
import { keepPresentedVersion, useMeeting, type MeetingSession } from '../../app/meetings.ts';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { DocPending, useDocScreen } from '../DocScreen.tsx';
import { Presence } from '../Presence.tsx';
import { DeleteButton, DeletedBanner } from '../Deletion.tsx';
import { createRefusal, RefusalMessage } from '../plans/sections.tsx';
import { AgendaSection } from './AgendaSection.tsx';
import { BoardProvider } from './board.tsx';
import { BoardDetails } from './BoardDetails.tsx';
import { ItemPanels } from './ItemPanels.tsx';
import { LiveBar } from './LiveBar.tsx';
import { positionOfLive, type Position } from './position.ts';
import { ReviewSection } from './ReviewSection.tsx';
import { Stage } from './Stage.tsx';
import { Successes } from './Successes.tsx';
import { Summary } from './Summary.tsx';
import './meeting.css';

export default function MeetingPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <BoardLoader id={id} />}
    </Show>
  );
}

function BoardLoader(props: { id: string }) {
  const ws = useWorkspace();
  const meeting = useMeeting(ws.session, props.id);
  const handle = meeting.handle;
  const location = useLocation();
  useDocScreen(handle, 'mt-wide');
  onMount(() => void measureClockOffset());
  createEffect(() => handle.setLocation({ view: location.pathname }));
  return (
    <Show
      when={meeting.plain()}
      fallback={
        <DocPending
          handle={handle}
          class="mt-status-panel"
          loading={
            <>
              {t('mt.opening')} {ws.data()?.meetings?.[props.id]?.title ?? ''}
            </>
          }
          notFound={t('mt.notFound')}
          unreadable={t('mt.unreadable')}
          backHref="/meetings"
          backLabel={t('mt.back')}
        />
      }
    >
      {(doc) => <Board meeting={meeting} doc={doc} />}
    </Show>
  );
}

function Board(props: { meeting: MeetingSession; doc: () => MeetingBoardDoc }) {
  const ws = useWorkspace();
  const handle = props.meeting.handle;
  const refusal = createRefusal();
  // Read-only for a viewer, and for everyone while the board is deleted (the banner says why and restores it).
  const mayEdit = () => !handle.readOnly() && !ws.readOnly();
  const readOnly = () => props.meeting.readOnly() || ws.readOnly();
  const doc = props.doc;
  const live = () => doc().live;
  const status = () => live().status;
  const others = () => handle.presence().filter((p) => !p.self);
  const previous = () => (doc().previousBoardId ? ws.data()?.meetings?.[doc().previousBoardId!] : undefined);

  // Follow me: the driver's position is everyone's, until someone looks around on their own.
  const amDriver = () => !readOnly() && live().driverId === ws.me.id;
  const [following, setFollowing] = createSignal(true);
  const [own, setOwn] = createSignal<Position | null>(null);
  const livePosition = createMemo(() => positionOfLive(live()), undefined, {
    equals: (a, b) => a?.agendaItemId === b?.agendaItemId && a?.step === b?.step,
  });
  const shown = () => (amDriver() || following() ? livePosition() : (own() ?? livePosition()));
  const lookAround = (position: Position) => {
    if (amDriver()) return;
    setOwn(position);
    setFollowing(false);
  };
  // The facilitator's browser keeps a version of each plan as its presentation starts (history).
  createEffect(
    on(
      () => (amDriver() && live().status === 'running' ? live().agendaItemId : null),
      (itemId) => {
        if (!itemId) return;
        void keepPresentedVersion(ws.session, doc(), itemId, ws.me);
      },
    ),
  );
  const follow = () => {
    setFollowing(true);
    setOwn(null);
  };

  return (
    <BoardProvider value={{ meeting: props.meeting, doc, readOnly, check: refusal.check }}>
      <div class="mt-page" data-status={status()} data-testid="meeting-board">
        <header class="mt-head">
          <A href="/meetings" class="mt-back">
            ← {t('mt.backShort')}
          </A>
          <div class="mt-head-main">
            <h1 class="mt-title" id="mt-board-title">
              {doc().title || t('mt.untitled')}
            </h1>
            <p class="mt-sub">
              <span>{formatDate(locale(), doc().date)}</span>
              {/* A deleted board is stopped, whatever its live state says: no "In progress", no timer (below). */}
              <span class="mt-status" data-status={doc().deletedAt ? 'deleted' : status()}>
                {doc().deletedAt ? t('mt.deleted') : t(`mt.status.${status()}`)}
              </span>
              <Show when={previous()} fallback={<span class="muted">{t('mt.previous.none')}</span>}>
                {(p) => (
                  <A href={`/meetings/${p().id}`} class="muted">
                    {t('mt.previous', { date: formatDate(locale(), p().date) })}
                  </A>
                )}
              </Show>
            </p>
          </div>
          <Presence entries={others()} />
          <DeleteButton
            deletedAt={doc().deletedAt}
            readOnly={!mayEdit()}
            setDeleted={(deleted) => handle.store.intents.setDeleted(deleted)}
            label={t('mt.delete')}
            question={t(status() === 'running' ? 'mt.delete.askRunning' : 'mt.delete.ask', {
              title: doc().title || t('mt.untitled'),
            })}
            yes={t('mt.delete.yes')}
            no={t('mt.delete.no')}
            class="mt-delete-ask"
          />
        </header>
        <DeletedBanner
          deletedAt={doc().deletedAt}
          readOnly={!mayEdit()}
          setDeleted={(deleted) => handle.store.intents.setDeleted(deleted)}
          text={(date) => t('mt.deleted.banner', { date })}
          restore={t('mt.deleted.restore')}
          testid="meeting-deleted"
        />
        <Show when={readOnly() && !doc().deletedAt}>
          <p class="mt-readonly muted">{t('mt.readOnly')}</p>
        </Show>
        <RefusalMessage message={refusal.message()} />
        <Show when={!readOnly() && status() !== 'ended'}>
          <BoardDetails />
        </Show>

        <Show when={!doc().deletedAt}>
          <LiveBar amDriver={amDriver()} following={following()} onFollow={follow} />
        </Show>

        <Switch>
          <Match when={status() === 'ended'}>
            <Summary />
          </Match>
          <Match when={status() === 'running'}>
            <div class="mt-live">
              <Stage position={shown()} amDriver={amDriver()} onLookAround={lookAround} />
              <Show when={shown()}>{(p) => <ItemPanels agendaItemId={p().agendaItemId} />}</Show>
            </div>
            <div class="mt-columns">
              <AgendaSection current={shown()?.agendaItemId ?? null} onShow={lookAround} />
              <Successes />
            </div>
            <ReviewSection />
          </Match>
          <Match when={status() === 'notStarted'}>
            <Successes />
            <AgendaSection current={null} onShow={lookAround} />
            <ReviewSection />
          </Match>
        </Switch>
      </div>
    </BoardProvider>
  );
}
