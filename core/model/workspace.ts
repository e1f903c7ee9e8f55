/** The workspace document (DOMAIN.md §1, §2, §5, §6): settings, team, relations, contacts, ABC, contact log. */
import * as z from 'zod/mini';
import {
  Birthday,
  Id,
  IsoDate,
  IsoDateTime,
  Label,
  Locale,
  Money,
  SCHEMA_VERSION,
  Text,
  collection,
} from './common.ts';

export const RELATION_KINDS = ['client', 'prospect', 'supplier', 'partner', 'other'] as const;
export const RelationKind = z.enum(RELATION_KINDS);
export type RelationKind = z.infer<typeof RelationKind>;

export const CLASSES = ['A', 'B', 'C'] as const;
export const AbcClass = z.enum(CLASSES);
export type AbcClass = z.infer<typeof AbcClass>;

export const CRITERION_CATEGORIES = ['financial', 'strategic', 'relational'] as const;
export const CriterionCategory = z.enum(CRITERION_CATEGORIES);
export type CriterionCategory = z.infer<typeof CriterionCategory>;

export const PROFILES = ['relationshipManager', 'specialist', 'marketDeveloper', 'innovator'] as const;
export const Profile = z.enum(PROFILES);
export type Profile = z.infer<typeof Profile>;

export const SENIORITIES = ['junior', 'medior', 'senior'] as const;
export const Seniority = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof Seniority>;

export const DMU_ROLES = ['decider', 'influencer', 'buyer', 'user', 'gatekeeper', 'champion'] as const;
export const DmuRole = z.enum(DMU_ROLES);
export type DmuRole = z.infer<typeof DmuRole>;

export const ATTITUDES = ['supporter', 'neutral', 'critic'] as const;
export const Attitude = z.enum(ATTITUDES);
export type Attitude = z.infer<typeof Attitude>;

/**
 * `other`: a contact moment of unknown kind — e.g. the "last activity" a CRM export names, which the CSV
 * import logs as where the relation's history starts (schema 2).
 */
export const CONTACT_TYPES = ['visit', 'call', 'email', 'event', 'newsletter', 'meeting', 'other'] as const;
export const ContactType = z.enum(CONTACT_TYPES);
export type ContactType = z.infer<typeof ContactType>;

export const SIGNAL_KINDS = ['complaint', 'silentComplaint', 'buyingSignal', 'ambassador'] as const;
export const SignalKind = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof SignalKind>;

/** The seven questions of seed 004, in order; answers are yes/no per relation, scored x/7. */
export const SEVEN_QUESTIONS = [
  'dataCurrent',
  'knowBusiness',
  'privateSide',
  'surprisingMeetings',
  'regularContact',
  'forwardNews',
  'helpSucceed',
] as const;
export const SevenQuestion = z.enum(SEVEN_QUESTIONS);
export type SevenQuestion = z.infer<typeof SevenQuestion>;

/** A score on the four-point scale; `null` means "not scored yet". */
export const Score = z.nullable(z.int().check(z.gte(1), z.lte(4)));
export type Score = z.infer<typeof Score>;

/** A weight: a finite number > 0. */
export const Weight = z.number().check(z.gt(0), z.refine(Number.isFinite, { message: 'must be finite' }));

export const ClassificationSettings = z
  .object({
    mode: z.enum(['distribution', 'thresholds']),
    pA: z.number().check(z.gte(0), z.lte(1)),
    pC: z.number().check(z.gte(0), z.lte(1)),
    tA: z.number().check(z.gte(1), z.lte(4)),
    tC: z.number().check(z.gte(1), z.lte(4)),
    /** The relation kinds that are classified (default: clients only). Never empty. */
    kinds: z.array(RelationKind).check(z.minLength(1)),
  })
  .check(
    z.refine((s) => s.pA + s.pC <= 1 + 1e-12, { message: 'pA + pC must be at most 1', path: ['pC'] }),
    z.refine((s) => s.tC <= s.tA, { message: 'tC must not be above tA', path: ['tC'] }),
  );
export type ClassificationSettings = z.infer<typeof ClassificationSettings>;

export const DEFAULT_CLASSIFICATION: ClassificationSettings = {
  mode: 'distribution',
  pA: 0.2,
  pC: 0.2,
  tA: 3.25,
  tC: 2.0,
  kinds: ['client'],
};

/** Cadence targets in days per class, and the yearly minimum of contact moments for A relations (§6). */
export const CadenceSettings = z.object({
  A: z.int().check(z.gt(0)),
  B: z.int().check(z.gt(0)),
  C: z.int().check(z.gt(0)),
  minContactsPerYearA: z.int().check(z.gte(0)),
});
export type CadenceSettings = z.infer<typeof CadenceSettings>;
export const DEFAULT_CADENCE: CadenceSettings = { A: 30, B: 90, C: 180, minContactsPerYearA: 6 };

/**
 * What the CSV import learned from this workspace's earlier imports, so the next export from the same CRM
 * maps by itself: `columns` — a column header (normalised: lower case, letters and digits only) → the Haard
 * field it was linked to (several headers to one field combine them, e.g. first and last name); `values` —
 * per field, a cell value (normalised the same way) → what it means (a kind, a DMU role, `tag`, `ignore`, a
 * professional's id). Targets are kept as strings: a client ignores what it does not know. Written whole by
 * each import (the last import's mapping wins). Bounded so that no peer can grow it without limit.
 */
const MemoryKey = z.string().check(z.maxLength(200));
const MemoryTarget = z.string().check(z.maxLength(200));
const bounded = <T extends z.ZodMiniType>(item: T) =>
  z
    .record(MemoryKey, item)
    .check(z.refine((r) => Object.keys(r).length <= 5000, { message: 'must have at most 5000 entries' }));
export const ImportMemory = z.looseObject({
  columns: bounded(MemoryTarget),
  values: z.record(MemoryKey, bounded(MemoryTarget)),
});
export type ImportMemory = z.infer<typeof ImportMemory>;

export const WorkspaceSettings = z.looseObject({
  name: Label,
  locale: Locale,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  classification: ClassificationSettings,
  cadence: CadenceSettings,
  /** What winning a new client costs the firm (§4 budget, seed 003); null when not set. */
  acquisitionCost: z.nullable(Money),
  /** Absent until the first CSV import. */
  importMemory: z.optional(ImportMemory),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const defaultSettings = (name: string, locale: Locale): WorkspaceSettings => ({
  name,
  locale,
  currency: 'EUR',
  classification: { ...DEFAULT_CLASSIFICATION, kinds: [...DEFAULT_CLASSIFICATION.kinds] },
  cadence: { ...DEFAULT_CADENCE },
  acquisitionCost: null,
});

export const Professional = z.looseObject({
  id: Id,
  name: Label,
  email: z.string().check(z.maxLength(320)),
  profile: Profile,
  seniority: Seniority,
});
export type Professional = z.infer<typeof Professional>;

export const Override = z.object({
  class: AbcClass,
  reason: z.string().check(
    z.maxLength(2000),
    z.refine((r) => r.trim().length > 0, { message: 'must not be empty' }),
  ),
});
export type Override = z.infer<typeof Override>;

export const Relation = z.looseObject({
  id: Id,
  name: Label,
  kind: RelationKind,
  sector: Label,
  /** Revenue over the last 12 months; null when unknown. */
  revenue: z.nullable(Money),
  /** Estimated potential; null when unknown. */
  potential: z.nullable(Money),
  /** The professional who is its relationship manager. */
  ownerId: z.nullable(Id),
  /** The account team: other professionals. */
  teamIds: z.array(Id),
  notes: Text,
  tags: z.array(Label),
  /** A class set by hand, with a required reason; the UI always shows it beside the computed class. */
  override: z.nullable(Override),
  /** Seed 004's seven questions, answered yes/no; unanswered questions are absent. */
  sevenQuestions: z.partialRecord(SevenQuestion, z.boolean()),
});
export type Relation = z.infer<typeof Relation>;

/** Personal facts are optional and easy to leave out: each may be absent. */
export const PersonalFacts = z.looseObject({
  birthday: z.optional(Birthday),
  /**
   * A birthday stored before schema 2 that is not a real date ("1991-02-31"), kept as it was by the
   * migration so nothing is lost; the contact screen shows it and asks for the right date.
   */
  birthdayAsEntered: z.optional(Label),
  hobbies: z.optional(Label),
  car: z.optional(Label),
  coffee: z.optional(Label),
});
export type PersonalFacts = z.infer<typeof PersonalFacts>;

export const Contact = z.looseObject({
  id: Id,
  relationId: Id,
  name: Label,
  title: Label,
  dmuRole: z.nullable(DmuRole),
  attitude: z.nullable(Attitude),
  /** 0 = we don't know them … 5 = private contact (seed 000). */
  strength: z.int().check(z.gte(0), z.lte(5)),
  /** Professionals of ours who know this contact. */
  knownBy: z.array(Id),
  email: z.optional(z.string().check(z.maxLength(320))),
  phone: z.optional(z.string().check(z.maxLength(100))),
  personal: z.optional(PersonalFacts),
});
export type Contact = z.infer<typeof Contact>;

export const LevelDescriptions = z.partialRecord(z.enum(['1', '2', '3', '4']), Label);

export const Criterion = z.looseObject({
  id: Id,
  name: Label,
  category: CriterionCategory,
  weight: Weight,
  description: z.optional(Text),
  /** Optional description of what score 1, 2, 3 and 4 mean for this criterion. */
  levels: z.optional(LevelDescriptions),
  /** Display order (ascending). */
  order: z.number(),
});
export type Criterion = z.infer<typeof Criterion>;

export const FollowUp = z.looseObject({
  what: Label,
  ownerId: z.nullable(Id),
  due: z.nullable(IsoDate),
  /** Set when the follow-up was turned into an action of an account plan. */
  planId: z.optional(Id),
  actionId: z.optional(Id),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Signal = z.looseObject({
  id: Id,
  kind: SignalKind,
  note: Text,
  followUp: z.nullable(FollowUp),
  /** Open signals show on the dashboard until handled. */
  handled: z.boolean(),
});
export type Signal = z.infer<typeof Signal>;

export const ContactLogEntry = z.looseObject({
  id: Id,
  relationId: Id,
  date: IsoDate,
  type: ContactType,
  /** Who of us took part. */
  professionalIds: z.array(Id),
  /** Which of their contacts. */
  contactIds: z.array(Id),
  note: Text,
  signals: collection(Signal),
});
export type ContactLogEntry = z.infer<typeof ContactLogEntry>;

/** Scores per relation id, then per criterion id. */
export const ScoreSheet = z.record(Id, z.record(Id, Score));
export type ScoreSheet = z.infer<typeof ScoreSheet>;

/**
 * What the workspace knows of one of its account plans: enough for the plan list, the "A relations without
 * a plan" warning and a meeting's agenda without opening the plan's own document. Kept by the clients that
 * edit the plan (a summary of core/plan's findings at `checkedAt`); the plan document stays the truth.
 */
export const PlanCard = z.looseObject({
  id: Id,
  title: Label,
  relationIds: z.array(Id),
  ownerId: z.nullable(Id),
  /** core/plan completeness, 0–100. */
  completeness: z.number().check(z.gte(0), z.lte(100)),
  errors: z.int().check(z.gte(0)),
  warnings: z.int().check(z.gte(0)),
  /** The plan's own `updatedAt`. */
  updatedAt: IsoDateTime,
  /** The day the findings were computed (`plan.stale` and `action.overdue` depend on it). */
  checkedOn: IsoDate,
  /** The plan is deleted (its `deletedAt` is set): lists leave it out. Absent on cards written before. */
  deleted: z.optional(z.boolean()),
});
export type PlanCard = z.infer<typeof PlanCard>;

/**
 * The cards of an index in use — every card but the deleted ones (a deleted document keeps its card, marked
 * `deleted`, so that "Deleted …" can list it and bring it back). Plans and meeting boards are deleted alike.
 */
export const inUse = <T extends { deleted?: boolean }>(cards: Readonly<Record<string, T>> | undefined): T[] =>
  Object.values(cards ?? {}).filter((c) => c.deleted !== true);

/** The cards of the plans in use — every plan of the index but the deleted ones (the lists, agendas, reviews). */
export const plansInUse = (plans: Readonly<Record<string, PlanCard>> | undefined): PlanCard[] => inUse(plans);

/**
 * The workspace's card of an XXL tournament (DOMAIN.md §8): what the tournament list shows without opening
 * the tournament's own document. Kept by the clients that edit the tournament (core/tournamentBoard.ts
 * `tournamentCardOf`); the tournament document stays the truth.
 */
export const TournamentCard = z.looseObject({
  id: Id,
  title: Label,
  year: z.int().check(z.gte(2000), z.lte(2200)),
  /** Number of entries (all rounds, the nurture pool included). */
  entries: z.int().check(z.gte(0)),
  /** The round being played now (0..6, see ROUND_KEYS): the first with an open GO / NO GO. */
  currentRound: z.int().check(z.gte(0), z.lte(6)),
  /** Name of the entry that reached the last round, if any. */
  wonBy: z.nullable(Label),
  /** core/tournament warnings (rule severity `warning`). */
  warnings: z.int().check(z.gte(0)),
  /** The day the warnings were computed (`round.advanceCount` depends on it). */
  checkedOn: IsoDate,
});
export type TournamentCard = z.infer<typeof TournamentCard>;

/**
 * The workspace's card of a relationship-management meeting board (DOMAIN.md §7): what the meeting list
 * and a new board's link to the previous one need without opening any board. Kept by the clients that edit
 * the board (core/meetingBoard.ts `meetingCardOf`); the board document stays the truth.
 */
export const MeetingCard = z.looseObject({
  id: Id,
  title: Label,
  date: IsoDate,
  status: z.enum(['notStarted', 'running', 'ended']),
  facilitatorId: z.nullable(Id),
  previousBoardId: z.nullable(Id),
  /** Presentations on the agenda. */
  presentations: z.int().check(z.gte(0)),
  commitments: z.int().check(z.gte(0)),
  /** The board's last change. */
  updatedAt: IsoDateTime,
  /** The board is deleted (its `deletedAt` is set): lists leave it out (`meetingsInUse`). Absent on older cards. */
  deleted: z.optional(z.boolean()),
});
export type MeetingCard = z.infer<typeof MeetingCard>;

/** The cards of the meeting boards in use — every board of the index but the deleted ones (lists, links). */
export const meetingsInUse = (meetings: Readonly<Record<string, MeetingCard>> | undefined): MeetingCard[] =>
  inUse(meetings);

/** The workspace document as JSON (its Yjs form mirrors this shape: one Y.Map per collection and record). */
export const WorkspaceDoc = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION.workspace),
  id: Id,
  createdAt: IsoDateTime,
  settings: WorkspaceSettings,
  professionals: collection(Professional),
  relations: collection(Relation),
  contacts: collection(Contact),
  criteria: collection(Criterion),
  scores: ScoreSheet,
  contactLog: collection(ContactLogEntry),
  /** The workspace's account plans (their index; each plan is its own document). */
  plans: collection(PlanCard),
  /**
   * The workspace's XXL tournaments (their index; each tournament is its own document). Optional: documents
   * and backups from before it read as valid without a migration (the layout reads a missing root as `{}`).
   */
  tournaments: z.optional(collection(TournamentCard)),
  /** The workspace's meeting boards (their index; each board is its own document). Optional, as above. */
  meetings: z.optional(collection(MeetingCard)),
});
export type WorkspaceDoc = z.infer<typeof WorkspaceDoc>;
