/**
 * The workspace's index of its XXL tournaments (core/model/workspace.ts `TournamentCard`): kept up to date by
 * the clients that edit a tournament, so the tournament list needs no tournament document open. Bookkeeping,
 * like the plan index: written with UPKEEP_ORIGIN, so nobody's undo ever reverts it.
 */
import { TournamentCard, type TournamentCard as TournamentCardT } from '../../../core/model/workspace.ts';
import { type Result } from '../../result.ts';
import { removeRecord, type IntentContext } from '../common.ts';
import { putIndexCard } from './plans.ts';
import { TOURNAMENTS } from './specs.ts';

export function tournamentIndexIntents(ctx: IntentContext) {
  return {
    /**
     * Make the card of tournament `card.id` equal to `card`, writing only the fields that differ. Refused
     * (nothing written) when the card does not fit the schema.
     */
    putTournamentCard: (card: TournamentCardT): Result<undefined> =>
      putIndexCard(ctx, TOURNAMENTS, TournamentCard, card, 'putTournamentCard'),
    /** Remove a tournament from the index (its document itself is kept by the relay). */
    removeTournamentCard: (id: string): Result<undefined> =>
      removeRecord(ctx, TOURNAMENTS, 'removeTournamentCard', id),
  };
}
