/**
 * The shapes of "what changed" between two states of a document (issue 9): plain data, made by
 * `diffPlan` / `diffWorkspace` (diff.ts) from two plain document JSONs, with who and when filled in by an
 * `Attribute` function the caller passes (the Yjs side, doc/history/attribute.ts, knows both).
 */
import type { TextPart } from './text.ts';

/** The part of a document a change belongs to, in the order a person reads them. */
export const CHANGE_SECTIONS = [
  'plan',
  'texts',
  'goals',
  'benefits',
  'actions',
  'kpis',
  'relations',
  'contacts',
  'scores',
] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

/**
 * Where a change lives in the document, for attribution:
 * `record` — a record of a collection (added or removed); `field` — one top-level field of a record;
 * `docField` — a field of the document itself (`title`, `budget`, `strategy.quadrants`);
 * `text` — a co-edited text by its JSON path; `score` — one cell of the workspace's score sheet.
 * `collection` is the collection's JSON path (`actions`, `strategy.benefits`, `contacts`).
 */
export type ChangeRef =
  | { at: 'record'; collection: string; id: string }
  | { at: 'field'; collection: string; id: string; field: string }
  | { at: 'docField'; path: string }
  | { at: 'text'; path: string }
  | { at: 'score'; relationId: string; criterionId: string };

/**
 * Who made a change and from when it dates. `by`: the person ids (Me.id) whose edits made it, none when
 * unknown. `since`: an ISO date-time the change happened at or after — the time of the newest version that
 * does not contain it yet (daily versions make this exact to the day); null when it is older than every version.
 */
export interface Attribution {
  by: string[];
  since: string | null;
  /**
   * For a record made in a meeting (an action filed from a commitment, `Action.source`): `by` is who made the
   * commitment, `boardId` the board it was made on, and `filedBy` whose edits wrote it into the document when
   * that is someone else (often the facilitator's browser); `authorName` the author's name as the board had it
   * (for readers whose document has no other name for them). Absent for everything else.
   */
  committed?: { boardId: string | null; filedBy: string[]; authorName: string | null };
}

/** Who and when for a change; the default (no attribution known) is `{ by: [], since: null }`. */
export type Attribute = (ref: ChangeRef) => Attribution;

/** One field of a record, before → after. Nested objects are one level flattened: `kpi.target`, `override.class`. */
export interface FieldChange {
  field: string;
  /** undefined: the field did not exist. */
  before: unknown;
  after: unknown;
  who: Attribution;
  /**
   * For a long text of a record (a relation's notes): the words inserted and deleted, with a little context
   * (`diffText`), so a one-word edit of a long text does not read as the whole text twice. Absent otherwise.
   */
  parts?: TextPart[];
}

interface Base {
  section: ChangeSection;
  /** Who and when for the change as a whole (for `changed`: every author of its fields, the newest `since`). */
  who: Attribution;
}

/** A record (goal, action, KPI, benefit, relation, contact) that was added or removed; `record` is its value. */
export interface RecordChange extends Base {
  type: 'added' | 'removed';
  id: string;
  /** What a person calls it: the goal's title, the action's "what", the relation's name. */
  label: string;
  record: Record<string, unknown>;
}

/** A record present on both sides whose fields differ. */
export interface RecordEdit extends Base {
  type: 'changed';
  id: string;
  label: string;
  fields: FieldChange[];
}

/** A field of the document itself (plan title, budget, owner, key points; workspace name). */
export interface DocFieldChange extends Base {
  type: 'field';
  path: string;
  before: unknown;
  after: unknown;
}

/** A co-edited text with its insertions and deletions. */
export interface TextChange extends Base {
  type: 'text';
  path: string;
  parts: TextPart[];
}

/** One ABC score of one relation on one criterion (1–4, null = not scored). */
export interface ScoreChange extends Base {
  type: 'score';
  relationId: string;
  /** The relation's name (from the newer side when both have it). */
  label: string;
  criterionId: string;
  criterion: string;
  before: number | null;
  after: number | null;
}

export type Change = RecordChange | RecordEdit | DocFieldChange | TextChange | ScoreChange;

/** Changes of one `since` moment (a version's time), newest group first. */
export interface ChangeGroup {
  /** As `Attribution.since`: the changes happened at or after it; null = older than every version. */
  since: string | null;
  changes: Change[];
}
