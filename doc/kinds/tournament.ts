/** The yearly XXL knock-out tournament (DOMAIN.md §8, seed 004): one Yjs document per tournament. */
import { SCHEMA_VERSION } from '../../core/model/common.ts';
import {
  ROUND_KEYS,
  Round,
  TournamentDoc,
  TournamentEntry,
  type Round as RoundT,
} from '../../core/model/tournament.ts';
import type { DocJson } from '../layout.ts';
import { emptyText, type KindSpec } from './types.ts';

export const tournamentSpec: KindSpec<'tournament'> = {
  kind: 'tournament',
  name: { en: 'tournament', nl: 'toernooi' },
  schema: TournamentDoc,
  version: SCHEMA_VERSION.tournament,
  metaKeys: ['schemaVersion', 'id', 'workspaceId', 'createdAt'],
  fields: [{ root: 'tournament', path: '', keys: ['year', 'title'] }],
  collections: [
    { path: 'entries', root: 'entries', nested: {}, item: TournamentEntry, label: 'Entry' },
    {
      // round index ("0".."6") → round; decisions: entryId → 'go' | 'noGo'
      path: 'rounds',
      root: 'rounds',
      nested: { decisions: 'map' },
      item: Round,
      label: 'Round',
      keyOf: (r) => (typeof r.index === 'number' ? String(r.index) : r.index),
    },
  ],
  texts: [],
  extra: [],
  fallbacks: { title: emptyText },
  migrations: [],
};

export interface TournamentSeed {
  id: string;
  workspaceId: string;
  year: number;
  title: string;
  now: string;
}

/** All seven rounds are created at seeding, so later edits never create a round concurrently. */
export function initialTournament(seed: TournamentSeed): DocJson<'tournament'> {
  const rounds: Record<string, RoundT> = {};
  ROUND_KEYS.forEach((_key, index) => {
    rounds[String(index)] = { index, start: null, end: null, decisions: {} };
  });
  return {
    schemaVersion: SCHEMA_VERSION.tournament,
    id: seed.id,
    workspaceId: seed.workspaceId,
    year: seed.year,
    title: seed.title,
    entries: {},
    rounds,
    createdAt: seed.now,
  };
}
