/**
 * Seeding: a document's initial content is written exactly once, by the client that creates it — never
 * "insert defaults if empty" on load (two clients doing that both insert, and the CRDT keeps both).
 * A document without meta is "not initialised / still loading" (see `documentStatus`), not something to fill.
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION, type Locale } from '../core/model/common.ts';
import { parseWith } from '../core/model/issues.ts';
import { WorkspaceDoc, defaultSettings, type Criterion } from '../core/model/workspace.ts';
import { AccountPlanDoc } from '../core/model/plan.ts';
import { MeetingBoardDoc, type LiveState } from '../core/model/meeting.ts';
import { ROUND_KEYS, TournamentDoc, type Round } from '../core/model/tournament.ts';
import { newId } from './ids.ts';
import { fail, ok, type Result } from './result.ts';
import { SEED_ORIGIN, writeDocument } from './write.ts';
import type { DocJson, DocKind } from './layout.ts';
import { sortKeys } from './read.ts';

export interface SeedOptions {
  /** Transaction origin; defaults to SEED_ORIGIN (not undoable). */
  origin?: unknown;
}

export interface WorkspaceSeed {
  id: string;
  name: string;
  locale: Locale;
  /** ISO date-time of creation. */
  now: string;
  /** Seed a starter criteria set (one per category, the minimum valid set is 3). Default true. */
  starterCriteria?: boolean;
  /** Id source for seeded records (tests pass a deterministic one). */
  newId?: () => string;
}

const STARTER_CRITERIA: Record<Locale, [string, Criterion['category']][]> = {
  en: [
    ['Revenue', 'financial'],
    ['Growth potential', 'financial'],
    ['Strategic fit', 'strategic'],
    ['Strength of the relationship', 'relational'],
  ],
  nl: [
    ['Omzet', 'financial'],
    ['Groeipotentie', 'financial'],
    ['Strategische waarde', 'strategic'],
    ['Sterkte van de relatie', 'relational'],
  ],
};

export function initialWorkspace(seed: WorkspaceSeed): DocJson<'workspace'> {
  const id = seed.newId ?? (() => newId());
  const criteria: Record<string, Criterion> = {};
  if (seed.starterCriteria ?? true) {
    STARTER_CRITERIA[seed.locale].forEach(([name, category], order) => {
      const cid = id();
      criteria[cid] = { id: cid, name, category, weight: 1, order };
    });
  }
  return {
    schemaVersion: SCHEMA_VERSION.workspace,
    id: seed.id,
    createdAt: seed.now,
    settings: defaultSettings(seed.name, seed.locale),
    professionals: {},
    relations: {},
    contacts: {},
    criteria,
    scores: {},
    contactLog: {},
  };
}

export interface PlanSeed {
  id: string;
  workspaceId: string;
  relationIds: string[];
  title: string;
  now: string;
}

export function initialPlan(seed: PlanSeed): DocJson<'plan'> {
  return {
    schemaVersion: SCHEMA_VERSION.plan,
    id: seed.id,
    workspaceId: seed.workspaceId,
    relationIds: [...seed.relationIds],
    title: seed.title,
    createdAt: seed.now,
    updatedAt: seed.now,
    keyPoints: [],
    situation: { text: '', currentServices: '', relationshipForm: '' },
    developments: '',
    goals: {},
    strategy: { text: '', quadrants: [], benefits: {} },
    actions: {},
    kpis: {},
    budget: null,
    summary: '',
    closing: '',
  };
}

export interface MeetingSeed {
  id: string;
  workspaceId: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  facilitatorId: string | null;
  participantIds?: string[];
  previousBoardId?: string | null;
  now: string;
}

export const INITIAL_LIVE: LiveState = {
  status: 'notStarted',
  agendaItemId: null,
  step: 'opening',
  planStep: null,
  timerStartedAt: null,
};

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
    agenda: {},
    review: {},
    cards: {},
    commitments: {},
    successes: {},
    live: { ...INITIAL_LIVE },
    createdAt: seed.now,
  };
}

export interface TournamentSeed {
  id: string;
  workspaceId: string;
  year: number;
  title: string;
  now: string;
}

/** All seven rounds are created at seeding, so later edits never create a round concurrently. */
export function initialTournament(seed: TournamentSeed): DocJson<'tournament'> {
  const rounds: Record<string, Round> = {};
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

const SCHEMAS = {
  workspace: WorkspaceDoc,
  plan: AccountPlanDoc,
  meeting: MeetingBoardDoc,
  tournament: TournamentDoc,
} as const;

function seedDoc<K extends DocKind>(
  kind: K,
  doc: Y.Doc,
  json: DocJson<K>,
  opts: SeedOptions,
): Result<DocJson<K>> {
  const parsed = parseWith(SCHEMAS[kind], json);
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
