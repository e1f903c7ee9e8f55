/** The yearly knock-out tournament for new XXL clients (DOMAIN.md §8, seed 004). */
import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime, Label, SCHEMA_VERSION, Text, collection } from './common.ts';

/** Round sizes: 64 addresses → 32 suspects → 16 prospects → 8 tests → 4 plans → 2 negotiations → 1 won. */
export const ROUND_SIZES = [64, 32, 16, 8, 4, 2, 1] as const;
export const ROUND_KEYS = [
  'addresses',
  'suspects',
  'prospects',
  'ideas',
  'plan',
  'negotiation',
  'won',
] as const;
export type RoundKey = (typeof ROUND_KEYS)[number];

export const Decision = z.enum(['go', 'noGo']);
export type Decision = z.infer<typeof Decision>;

export const TournamentEntry = z.looseObject({
  id: Id,
  name: Label,
  relationId: z.nullable(Id),
  note: Text,
  /** Index of the round it entered in (normally 0). */
  enteredRound: z.int().check(z.gte(0), z.lte(6)),
});
export type TournamentEntry = z.infer<typeof TournamentEntry>;

export const Round = z.looseObject({
  /** 0..6, see ROUND_KEYS. */
  index: z.int().check(z.gte(0), z.lte(6)),
  start: z.nullable(IsoDate),
  end: z.nullable(IsoDate),
  /** GO / NO GO per entry id that played this round. */
  decisions: z.record(Id, Decision),
});
export type Round = z.infer<typeof Round>;

export const TournamentDoc = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION.tournament),
  id: Id,
  workspaceId: Id,
  year: z.int().check(z.gte(2000), z.lte(2200)),
  title: Label,
  entries: collection(TournamentEntry),
  /** Keyed by round index as a string ("0".."6"). */
  rounds: z.record(z.string().check(z.regex(/^[0-6]$/)), Round),
  createdAt: IsoDateTime,
});
export type TournamentDoc = z.infer<typeof TournamentDoc>;
