/** The relationship-management meeting board (DOMAIN.md §7): one Yjs document per meeting. */
import { SCHEMA_VERSION } from '../../core/model/common.ts';
import {
  AgendaItem,
  Card,
  Commitment,
  MeetingBoardDoc,
  ReviewItem,
  Success,
  type LiveState,
} from '../../core/model/meeting.ts';
import type { DocJson } from '../layout.ts';
import { DEFAULT_LENGTH_MINUTES } from '../../core/meetingBoard.ts';
import { emptyText, type KindSpec } from './types.ts';

/** The facilitator's live position before the meeting starts. */
export const INITIAL_LIVE: LiveState = {
  status: 'notStarted',
  agendaItemId: null,
  step: 'opening',
  planStep: null,
  timerStartedAt: null,
};

export const meetingSpec: KindSpec<'meeting'> = {
  kind: 'meeting',
  name: { en: 'meeting board', nl: 'overlegbord' },
  schema: MeetingBoardDoc,
  version: SCHEMA_VERSION.meeting,
  metaKeys: ['schemaVersion', 'id', 'workspaceId', 'createdAt'],
  fields: [
    {
      root: 'board',
      path: '',
      keys: [
        'title',
        'date',
        'facilitatorId',
        'participantIds',
        'previousBoardId',
        'lengthMinutes',
        'live',
        'deletedAt',
      ],
    },
  ],
  collections: [
    { path: 'agenda', root: 'agenda', nested: {}, item: AgendaItem, label: 'Agenda item' },
    { path: 'review', root: 'review', nested: {}, item: ReviewItem, label: 'Review item' },
    { path: 'cards', root: 'cards', nested: {}, item: Card, label: 'Card' },
    { path: 'commitments', root: 'commitments', nested: {}, item: Commitment, label: 'Commitment' },
    { path: 'successes', root: 'successes', nested: {}, item: Success, label: 'Success' },
  ],
  texts: [],
  extra: [],
  fallbacks: {
    title: emptyText,
    facilitatorId: () => null,
    participantIds: () => [],
    previousBoardId: () => null,
    lengthMinutes: () => DEFAULT_LENGTH_MINUTES,
    live: () => ({ ...INITIAL_LIVE }),
    deletedAt: () => null,
  },
  migrations: [],
};

export interface MeetingSeed {
  id: string;
  workspaceId: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  facilitatorId: string | null;
  participantIds?: string[];
  previousBoardId?: string | null;
  lengthMinutes?: number;
  now: string;
}

export function initialMeeting(seed: MeetingSeed): DocJson<'meeting'> {
  return {
    schemaVersion: SCHEMA_VERSION.meeting,
    id: seed.id,
    workspaceId: seed.workspaceId,
    title: seed.title,
    date: seed.date,
    facilitatorId: seed.facilitatorId,
    participantIds: [...(seed.participantIds ?? [])],
    previousBoardId: seed.previousBoardId ?? null,
    lengthMinutes: seed.lengthMinutes ?? DEFAULT_LENGTH_MINUTES,
    agenda: {},
    review: {},
    cards: {},
    commitments: {},
    successes: {},
    live: { ...INITIAL_LIVE },
    createdAt: seed.now,
    deletedAt: null,
  };
}
