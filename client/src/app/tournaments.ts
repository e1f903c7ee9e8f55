/**
 * XXL tournaments in the app (DOMAIN.md §8): opening one with its bracket, making a new one, and keeping the
 * workspace's tournament index (its `TournamentCard`s) in step with the tournaments people edit — the model
 * is ./plans.ts (`usePlan`, `createPlan`).
 *
 * - `useTournament(id)` holds the tournament's document for the calling component's lifetime (through the
 *   registry) and derives, with core/tournamentBoard, the bracket on every change.
 * - While a writable tournament is open, its card in the workspace is updated (debounced) when it changes.
 * - `createTournament` seeds a new tournament document exactly once, in the creating tab, then adds its card.
 */
import { createEffect, createMemo, onCleanup, untrack, type Accessor } from 'solid-js';
import type { TournamentDoc } from '../../../core/model/index.ts';
import {
  tournamentBracket,
  tournamentCardOf,
  type TournamentBracket,
} from '../../../core/tournamentBoard.ts';
import { createTournamentDoc, newId, type Result } from '../../../doc/index.ts';
import { locale } from '../i18n/index.ts';
import type { DocHandle } from './docs.ts';
import { localToday } from './plans.ts';
import type { WorkspaceSession } from './session.ts';

export interface TournamentSession {
  handle: DocHandle<'tournament'>;
  /** The tournament's valid data as a reactive store (null while loading or when unreadable). */
  tournament: Accessor<TournamentDoc | null>;
  /** The bracket at today, players by name in the UI's language (null while loading). */
  bracket: Accessor<TournamentBracket | null>;
}

/** How long after the last change the tournament's card is rewritten, ms. */
const CARD_DEBOUNCE_MS = 600;

/** Open tournament `id` for the calling component's lifetime. `today` is read once per call site. */
export function useTournament(session: WorkspaceSession, id: string): TournamentSession {
  const handle = session.docs.open('tournament', id);
  onCleanup(() => handle.release());
  const store = handle.store;
  const today = localToday();

  const plain = createMemo(() => {
    store.version();
    return store.plain().data;
  });
  const bracket = createMemo(() => {
    const doc = plain();
    if (!doc) return null;
    const collator = new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
    return tournamentBracket(doc, today, collator.compare);
  });

  // Keep the workspace's card of this tournament in step (bookkeeping; skipped for viewers and while loading).
  let timer: ReturnType<typeof setTimeout> | null = null;
  const writeCard = () => {
    const doc = store.plain().data;
    const b = untrack(bracket);
    if (doc && b && !session.readOnly() && !handle.readOnly())
      session.store.intents.putTournamentCard(tournamentCardOf(doc, b, today));
  };
  createEffect(() => {
    const b = bracket();
    if (!b || handle.readOnly() || session.readOnly()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      untrack(writeCard);
    }, CARD_DEBOUNCE_MS);
  });
  onCleanup(() => {
    if (!timer) return;
    clearTimeout(timer); // leaving the page: write the last summary now rather than lose it
    writeCard();
  });

  return { handle, tournament: () => store.state.data, bracket };
}

export interface NewTournamentInput {
  title: string;
  year: number;
}

/**
 * Make a new tournament: seed its document once (after its empty local copy has loaded), add its card to the
 * workspace, and return its id. The document stays open (kept alive) for the page that opens next.
 */
export async function createTournament(
  session: WorkspaceSession,
  input: NewTournamentInput,
  now = new Date(),
): Promise<Result<string>> {
  const id = newId();
  const handle = session.docs.open('tournament', id);
  try {
    await handle.ready;
    const seeded = createTournamentDoc(handle.binding.doc, {
      id,
      workspaceId: session.invite.workspaceId,
      title: input.title,
      year: input.year,
      now: now.toISOString(),
    });
    if (!seeded.ok) return seeded;
    handle.store.load();
    const today = localToday(now);
    const card = session.store.intents.putTournamentCard(
      tournamentCardOf(seeded.value, tournamentBracket(seeded.value, today), today),
    );
    if (!card.ok) return card;
    return { ok: true, value: id };
  } finally {
    handle.release();
  }
}
