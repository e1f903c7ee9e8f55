/**
 * /tournament/:id — the board of one XXL tournament (DOMAIN.md §8, seed 004): the bracket of its seven rounds
 * with their dates and a GO / NO GO per entry, the warnings core/tournament computes, entries to add (linked to
 * a relation, a prospect first) and the nurture pool. Everything is written live through the tournament's
 * intents; colleagues see each other's changes at once and who else is on the board. A viewer sees it
 * read-only.
 */
import { LiveText } from '../LiveText.tsx';
import { A, useLocation, useParams } from '@solidjs/router';
import { createMemo, For, onCleanup, onMount, Show } from 'solid-js';
import type { TournamentBracket } from '../../../../core/tournamentBoard.ts';
import type { TournamentDoc } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { useTournament, type TournamentSession } from '../../app/tournaments.ts';
import { t } from '../../i18n/index.ts';
import { Presence } from '../Presence.tsx';
import { createRefusal, RefusalMessage } from '../plans/sections.tsx';
import { Bracket } from './Bracket.tsx';
import { EntryDetails } from './EntryDetails.tsx';
import { EntryForm } from './EntryForm.tsx';
import { findingLines, roundLabel, roundName } from './messages.ts';
import { DocPending, useDocScreen } from '../DocScreen.tsx';
import './tournament.css';

export default function TournamentPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <TournamentLoader id={id} />}
    </Show>
  );
}

function TournamentLoader(props: { id: string }) {
  const ws = useWorkspace();
  const session = useTournament(ws.session, props.id);
  const handle = session.handle;
  const card = () => ws.data()?.tournaments?.[props.id] ?? null;
  useDocScreen(handle, 'xxl-wide');
  const ready = () => {
    const doc = session.tournament();
    const bracket = session.bracket();
    return doc && bracket ? { doc, bracket } : null;
  };

  return (
    <Show
      when={ready()}
      fallback={
        <DocPending
          handle={handle}
          class="xxl-status"
          loading={
            <>
              {t('xxl.loading')} {card()?.title ?? ''}
            </>
          }
          notFound={t('xxl.notFound.title')}
          unreadable={t('xxl.unreadable.title')}
          backHref="/tournament"
          backLabel={t('xxl.back')}
        />
      }
    >
      {(r) => <Board session={session} doc={r().doc} bracket={r().bracket} />}
    </Show>
  );
}

function Board(props: { session: TournamentSession; doc: TournamentDoc; bracket: TournamentBracket }) {
  const ws = useWorkspace();
  const location = useLocation();
  const handle = props.session.handle;
  const intents = handle.store.intents;
  const readOnly = () => handle.readOnly();
  const refusal = createRefusal();
  const nameOf = (entryId: string) => props.doc.entries[entryId]?.name ?? '?';
  const relationName = (id: string | null) => (id ? (ws.data()?.relations[id]?.name ?? null) : null);
  const others = createMemo(() => handle.presence());
  onMount(() => handle.setLocation({ view: location.pathname, section: null }));
  onCleanup(() => handle.setLocation(null));

  return (
    <article class="xxl-page" aria-labelledby="xxl-name">
      <div>
        <A href="/tournament" class="back">
          ← {t('xxl.back')}
        </A>
      </div>
      <header class="xxl-header">
        <div class="xxl-heading">
          <label class="visually-hidden" for="xxl-name">
            {t('xxl.name')}
          </label>
          <LiveText
            id="xxl-name"
            class="xxl-name"
            value={props.doc.title}
            placeholder={t('xxl.untitled')}
            readOnly={readOnly()}
            onSave={(title) => refusal.check(intents.setTitle(title))}
          />
          <p class="xxl-sub">
            <span class="xxl-year">{props.doc.year}</span>
            <span>
              {t('xxl.summary', {
                entries: props.bracket.entries,
                round: props.bracket.current + 1,
                name: roundName(props.bracket.current),
              })}
            </span>
          </p>
        </div>
        <Presence entries={others()} />
        <RefusalMessage message={refusal.message()} />
      </header>
      <Show when={readOnly()}>
        <p class="xxl-readonly muted">{t('xxl.readOnly')}</p>
      </Show>

      <section
        class="panel xxl-findings"
        aria-labelledby="xxl-findings-title"
        data-testid="tournament-findings"
      >
        <h2 id="xxl-findings-title">{t('xxl.findings.title')}</h2>
        <Show
          when={props.bracket.findings.length > 0}
          fallback={<p class="muted">{t('xxl.findings.none')}</p>}
        >
          <ul>
            <For each={findingLines(props.bracket.findings, nameOf)}>
              {(line) => (
                <li data-severity={line.severity} data-rule={line.rule}>
                  <span class="xxl-finding-mark" aria-hidden="true">
                    {line.severity === 'warning' ? '!' : 'i'}
                  </span>
                  {line.text}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <Bracket
        bracket={props.bracket}
        intents={intents}
        readOnly={readOnly()}
        relationName={relationName}
        onResult={(r) => refusal.check(r)}
      />

      <div class="xxl-lower">
        <Show when={!readOnly()}>
          <div class="xxl-forms">
            <EntryForm bracket={props.bracket} intents={intents} />
            <Show when={props.bracket.entries > 0}>
              <EntryDetails doc={props.doc} intents={intents} onResult={(r) => refusal.check(r)} />
            </Show>
          </div>
        </Show>
        <section class="panel xxl-pool" aria-labelledby="xxl-pool-title" data-testid="nurture-pool">
          <h2 id="xxl-pool-title">
            {t('xxl.pool.title')} <span class="xxl-count">{props.bracket.pool.length}</span>
          </h2>
          <p class="muted section-intro">{t('xxl.pool.intro')}</p>
          <Show when={props.bracket.pool.length > 0} fallback={<p class="muted">{t('xxl.pool.empty')}</p>}>
            <ul class="xxl-pool-list">
              <For each={props.bracket.pool}>
                {(p) => (
                  <li>
                    <Show when={p.relationId} fallback={<span class="xxl-pool-name">{p.name}</span>}>
                      {(rid) => (
                        <A href={`/relations/${rid()}`} class="xxl-pool-name">
                          {p.name}
                        </A>
                      )}
                    </Show>
                    <span class="muted">{t('xxl.pool.out', { round: roundLabel(p.round) })}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </div>
    </article>
  );
}
