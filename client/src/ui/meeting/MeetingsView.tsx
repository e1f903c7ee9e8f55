/**
 * /meetings — the workspace's relationship-management meetings (DOMAIN.md §7), from its meeting index (no
 * board is opened): upcoming ones first (soonest first), then past ones (latest first). "New meeting" makes a
 * board for today at once — linked to the previous one, titled apart from the boards already there — and opens
 * it; everything else is set on the board. A whole card opens its board (its title is the link). Deleted boards
 * are in neither list; "Deleted meetings (n)" lists them instead (as "Deleted plans" does on the plan list).
 */
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { meetingsInUse, type MeetingCard } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { createMeeting } from '../../app/meetings.ts';
import { todayIso } from '../../app/today.ts';
import { formatDate, locale, t, tn } from '../../i18n/index.ts';
import { issuesText } from '../relations/common.tsx';
import { uniqueTitle } from './titles.ts';
import { defaultTitleIn } from './defaultTitle.ts';
import './meeting.css';

export default function MeetingsView() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const today = todayIso();
  const [params, setParams] = useSearchParams<{ deleted?: string }>();
  const allCards = createMemo(() => Object.values(ws.data()?.meetings ?? {}));
  // Deleted boards leave both lists (as deleted plans leave the plan list); "Deleted meetings (n)" shows them.
  const cards = createMemo(() => meetingsInUse(ws.data()?.meetings));
  const deleted = createMemo(() =>
    allCards()
      .filter((c) => c.deleted === true)
      .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id)),
  );
  const showDeleted = () => params.deleted === '1';
  const isPast = (c: MeetingCard) => c.status === 'ended' || (c.date < today && c.status === 'notStarted');
  const upcoming = createMemo(() =>
    cards()
      .filter((c) => !isPast(c))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
  );
  const past = createMemo(() =>
    cards()
      .filter(isPast)
      .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id)),
  );

  const create = async () => {
    setBusy(true);
    setError(null);
    const me = ws.me;
    const professionals = Object.values(ws.data()?.professionals ?? {});
    const mine = professionals.find((p) => me.name && p.name.toLowerCase() === me.name.toLowerCase());
    const result = await createMeeting(ws.session, {
      // Not the title of a board already there (a second board today would read the same in the list).
      title: uniqueTitle(
        defaultTitleIn(ws.data()?.settings.locale ?? locale(), today), // the firm's language
        allCards().map((c) => c.title),
      ),
      date: today,
      facilitatorId: mine?.id ?? null,
      participantIds: professionals.map((p) => p.id),
    });
    setBusy(false);
    if (!result.ok) return setError(issuesText(result.issues));
    navigate(`/meetings/${result.value}`);
  };

  return (
    <div class="mt-screen">
      <section class="panel" aria-labelledby="mt-title">
        <div class="panel-head">
          <h1 id="mt-title" class="screen-title">
            {t('mt.title')}
          </h1>
          <Show when={!ws.readOnly()}>
            <button type="button" class="primary" onClick={() => void create()} disabled={busy()}>
              {busy() ? t('mt.creating') : t('mt.new')}
            </button>
          </Show>
        </div>
        <p class="muted section-intro">{t('mt.intro')}</p>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={deleted().length > 0 || showDeleted()}>
          <div class="mt-filters">
            <label class="mt-check">
              <input
                type="checkbox"
                checked={showDeleted()}
                onChange={(e) => setParams({ deleted: e.currentTarget.checked ? '1' : undefined })}
              />
              {tn('mt.filter.deleted', deleted().length)}
            </label>
          </div>
        </Show>
        <Show
          when={!showDeleted()}
          fallback={
            <>
              <h2>{t('mt.deleted')}</h2>
              <MeetingList cards={deleted()} empty={t('mt.none.deleted')} testid="meetings-deleted" />
            </>
          }
        >
          <h2>{t('mt.upcoming')}</h2>
          <MeetingList
            cards={upcoming()}
            empty={ws.readOnly() ? t('mt.none.upcoming.viewer') : t('mt.none.upcoming')}
            testid="meetings-upcoming"
          />
          <h2>{t('mt.past')}</h2>
          <MeetingList cards={past()} empty={t('mt.none.past')} testid="meetings-past" />
        </Show>
      </section>
    </div>
  );
}

function MeetingList(props: { cards: MeetingCard[]; empty: string; testid: string }) {
  const ws = useWorkspace();
  const name = (id: string | null) => (id ? ws.data()?.professionals[id]?.name : undefined);
  return (
    <Show when={props.cards.length > 0} fallback={<p class="empty muted">{props.empty}</p>}>
      <ul class="mt-cards" data-testid={props.testid}>
        <For each={props.cards}>
          {(card) => (
            <li class="mt-card" data-status={card.status}>
              <span class="mt-card-date">{formatDate(locale(), card.date)}</span>
              <A href={`/meetings/${card.id}`} class="mt-card-title">
                {card.title || t('mt.untitled')}
              </A>
              <span class="mt-status" data-status={card.status}>
                {t(`mt.status.${card.status}`)}
              </span>
              <span class="muted">{tn('mt.card.presentations', card.presentations)}</span>
              <span class="muted">{tn('mt.card.commitments', card.commitments)}</span>
              <Show when={name(card.facilitatorId)}>
                {(n) => <span class="muted">{t('mt.facilitatedBy', { name: n() })}</span>}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
