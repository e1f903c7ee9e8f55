/**
 * The workspace's index of its meeting boards (core/model/workspace.ts `MeetingCard`): kept up to date by the
 * clients that edit a board, so the meeting list and a new board's link to the previous one need no board
 * open. Bookkeeping, like the plan index: written with UPKEEP_ORIGIN, so nobody's undo ever reverts it.
 */
import { MeetingCard, type MeetingCard as MeetingCardT } from '../../../core/model/workspace.ts';
import { type Result } from '../../result.ts';
import { removeRecord, type IntentContext } from '../common.ts';
import { putIndexCard } from './plans.ts';
import { MEETINGS } from './specs.ts';

export function meetingIndexIntents(ctx: IntentContext) {
  return {
    /**
     * Make the card of board `card.id` equal to `card`, writing only the fields that differ. Refused (nothing
     * written) when the card does not fit the schema.
     */
    putMeetingCard: (card: MeetingCardT): Result<undefined> =>
      putIndexCard(ctx, MEETINGS, MeetingCard, card, 'putMeetingCard'),
    /** Remove a board from the index (its document itself is kept by the relay). */
    removeMeetingCard: (id: string): Result<undefined> =>
      removeRecord(ctx, MEETINGS, 'removeMeetingCard', id),
  };
}
