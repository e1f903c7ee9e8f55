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
import { createMemo, type Accessor } from 'solid-js';
import type { TournamentDoc } from '../../../core/model/index.ts';
import {
  tournamentBracket,
  tournamentCardOf,
  type TournamentBracket,
} from '../../../core/tournamentBoard.ts';
import { createTournamentDoc, type Result } from '../../../doc/index.ts';
import { createIndexedDoc, keepCardInStep, useDoc } from './indexedDocs.ts';
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

/** Open tournament `id` for the calling component's lifetime. `today` is read once per call site. */
export function useTournament(session: WorkspaceSession, id: string): TournamentSession {
  const { handle, plain } = useDoc(session, 'tournament', id);
  const store = handle.store;
  const today = localToday();

  const bracket = createMemo(() => {
    const doc = plain();
    if (!doc) return null;
    const collator = new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
    return tournamentBracket(doc, today, collator.compare);
  });

  // Keep the workspace's card of this tournament in step (bookkeeping; skipped for viewers and while loading).
  const card = createMemo(() => {
    const doc = plain();
    const b = bracket();
    return doc && b ? tournamentCardOf(doc, b, today) : null;
  });
  keepCardInStep(session, handle, card, (c) => session.store.intents.putTournamentCard(c));

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
  const today = localToday(now);
  return createIndexedDoc(
    session,
    'tournament',
    (handle, id) =>
      createTournamentDoc(handle.binding.doc, {
        id,
        workspaceId: session.invite.workspaceId,
        title: input.title,
        year: input.year,
        now: now.toISOString(),
      }),
    (doc) =>
      session.store.intents.putTournamentCard(tournamentCardOf(doc, tournamentBracket(doc, today), today)),
  );
}
