/**
 * Seeding: a document's initial content is written exactly once, by the client that creates it — never
 * "insert defaults if empty" on load (two clients doing that both insert, and the CRDT keeps both).
 * A document without meta is "not initialised / still loading" (see `documentStatus`), not something to fill.
 */
import type * as Y from 'yjs';
import { parseWith } from '../core/model/issues.ts';
import {
  KIND_SPECS,
  initialMeeting,
  initialPlan,
  initialTournament,
  initialWorkspace,
  type MeetingSeed,
  type PlanSeed,
  type TournamentSeed,
  type WorkspaceSeed,
} from './kinds/index.ts';
import { fail, ok, type Result } from './result.ts';
import { SEED_ORIGIN, writeDocument } from './write.ts';
import type { DocJson, DocKind } from './layout.ts';
import { sortKeys } from './read.ts';

export interface SeedOptions {
  /** Transaction origin; defaults to SEED_ORIGIN (not undoable). */
  origin?: unknown;
}

export {
  INITIAL_LIVE,
  initialMeeting,
  initialPlan,
  initialTournament,
  initialWorkspace,
  type MeetingSeed,
  type PlanSeed,
  type TournamentSeed,
  type WorkspaceSeed,
} from './kinds/index.ts';

function seedDoc<K extends DocKind>(
  kind: K,
  doc: Y.Doc,
  json: DocJson<K>,
  opts: SeedOptions,
): Result<DocJson<K>> {
  const parsed = parseWith(KIND_SPECS[kind].schema, json);
  if (!parsed.ok) return fail(parsed.issues);
  const written = writeDocument(kind, doc, json, opts.origin ?? SEED_ORIGIN);
  return written.ok ? ok(sortKeys(json)) : fail(written.issues);
}

/** Create a workspace document in an empty Y.Doc: one transaction; refuses when it already exists. */
export const createWorkspaceDoc = (doc: Y.Doc, seed: WorkspaceSeed, opts: SeedOptions = {}) =>
  seedDoc('workspace', doc, initialWorkspace(seed), opts);
export const createPlanDoc = (doc: Y.Doc, seed: PlanSeed, opts: SeedOptions = {}) =>
  seedDoc('plan', doc, initialPlan(seed), opts);
export const createMeetingDoc = (doc: Y.Doc, seed: MeetingSeed, opts: SeedOptions = {}) =>
  seedDoc('meeting', doc, initialMeeting(seed), opts);
export const createTournamentDoc = (doc: Y.Doc, seed: TournamentSeed, opts: SeedOptions = {}) =>
  seedDoc('tournament', doc, initialTournament(seed), opts);
