/**
 * The Yjs layout of each document kind — the one place that knows which root type holds what.
 *
 * Every kind has:
 *  - `meta` (Y.Map): schemaVersion, id, createdAt (+ workspaceId, + updatedAt for plans). Unknown top-level
 *    keys written by a newer client are kept here and read back as top-level keys.
 *  - `versions` (Y.Map): schema version (as string) → name of the migration that reached it (grow-only); the
 *    same map holds the document's history versions (doc/history/versions.ts: version id → record object).
 *    The effective version is max(meta.schemaVersion, keys of `versions`), which only grows under merge
 *    even when two clients write `meta.schemaVersion` concurrently.
 *  - a fields map for the document's own editable scalars (workspace: `settings`; plan: `plan` +
 *    `situation`/`strategy` for their non-text keys; meeting: `board`; tournament: `tournament`).
 *  - one root Y.Map per collection: record id → Y.Map of fields, so concurrent edits to different
 *    records or fields merge, and an edit to a removed record stays removed.
 *  - texts people co-edit live are Y.Text, so concurrent edits merge character by character:
 *    - a document's own texts (a plan's `situation.text`, `strategy.text`, …) are root Y.Text types named by
 *      their JSON path: a root type exists on every replica by name, so no edit can be lost to two clients
 *      creating the "same" text;
 *    - a long text inside a record (a relation's `notes`, nested kind `text`) is a Y.Text nested in the
 *      record's Y.Map, created in the transaction that creates the record. Records get fresh random ids, so
 *      the record — and its text — is never created by two clients at once, and removing the record removes
 *      its text (a root type per record could never be removed). Why nested and not a root type named
 *      `relations.<id>.notes`: the migration that converts existing notes runs on several replicas at once.
 *      Two replicas inserting the same old string into one shared root text would keep both inserts
 *      ("notes notes"); two replicas creating a nested text each keep at most one of them (last writer wins
 *      on the key), and from the same state they create the very same one (migrate.ts
 *      `migrationClientId`). The remaining window is described at migrations/workspace.ts `notesAsText`.
 *
 * Nested values are plain JSON replaced whole unless listed in the record's `nested` spec below. Whole
 * replacement is deliberate where a value carries an invariant across its parts (classification: pA + pC ≤ 1,
 * tC ≤ tA; an override's class and reason; key points ≤ 4; the facilitator's live position) — merging
 * such values field by field could produce a combination nobody chose.
 */
import * as Y from 'yjs';
import { clonePlain, wellFormed } from './json.ts';
import { SCHEMA_VERSION, type DocKind } from '../core/model/common.ts';
import { KIND_SPECS } from './kinds/index.ts';
import type { WorkspaceDoc } from '../core/model/workspace.ts';
import type { AccountPlanDoc } from '../core/model/plan.ts';
import type { MeetingBoardDoc } from '../core/model/meeting.ts';
import type { TournamentDoc } from '../core/model/tournament.ts';

export type { DocKind };
export { DOC_KINDS } from '../protocol/index.ts';
import { DOC_KINDS } from '../protocol/index.ts';

export interface DocJsonByKind {
  workspace: WorkspaceDoc;
  plan: AccountPlanDoc;
  meeting: MeetingBoardDoc;
  tournament: TournamentDoc;
}
export type DocJson<K extends DocKind> = DocJsonByKind[K];

/**
 * How a record field is stored when it is not a plain value:
 * `map` — Y.Map of plain values (concurrent answers to different keys merge);
 * `array` — Y.Array of plain values (concurrent appends both stay);
 * `records` — Y.Map of record Y.Maps (a nested collection);
 * `text` — Y.Text (a long free text people co-edit: concurrent edits merge character by character). Created
 *   with its record, in the transaction that creates the record, so never by two clients at once; reads as a
 *   string (json.ts `toJson`); a write replaces only the changed middle (text.ts `setTextContent`).
 */
export type NestedKind = 'map' | 'array' | 'records' | 'text';
export type NestedSpec = Readonly<Record<string, NestedKind>>;

export interface CollectionLayout {
  /** JSON key (for plan benefits: `strategy.benefits`). */
  path: string;
  /** Root Y.Map name. */
  root: string;
  nested: NestedSpec;
}

export interface FieldsLayout {
  root: string;
  /** '' for top-level fields (then `keys` lists them), else the JSON key of a nested object (all its keys). */
  path: string;
  keys?: readonly string[];
}

export interface KindLayout {
  /** Keys of meta that are part of the JSON (besides unknown ones). */
  metaKeys: readonly string[];
  /** Root maps of editable scalars; '' means top level, otherwise the JSON key of a nested object. */
  fields: readonly FieldsLayout[];
  collections: readonly CollectionLayout[];
  /** JSON path → root Y.Text name (the same string). */
  texts: readonly string[];
  /** Root maps of nested maps not covered above (workspace scores). */
  extra: readonly string[];
}

export const META = 'meta';
export const VERSIONS = 'versions';

/** The Yjs layout of every kind, derived from its spec (doc/kinds). */
export const LAYOUT: Readonly<Record<DocKind, KindLayout>> = Object.fromEntries(
  DOC_KINDS.map((kind) => {
    const spec = KIND_SPECS[kind];
    const layout: KindLayout = {
      metaKeys: spec.metaKeys,
      fields: spec.fields,
      collections: spec.collections.map(({ path, root, nested }) => ({ path, root, nested })),
      texts: spec.texts,
      extra: spec.extra,
    };
    return [kind, layout];
  }),
) as Record<DocKind, KindLayout>;

export type { PlanTextPath } from './kinds/index.ts';

export const collectionLayout = (kind: DocKind, path: string): CollectionLayout => {
  const found = LAYOUT[kind].collections.find((c) => c.path === path);
  if (!found) throw new Error(`no collection ${path} in ${kind}`);
  return found;
};

/** Every root type of a kind's layout (for undo scope and observers). */
export function rootTypes(
  kind: DocKind,
  doc: Y.Doc,
  opts: { includeMeta?: boolean } = {},
): (Y.Map<unknown> | Y.Text)[] {
  const l = LAYOUT[kind];
  const roots: (Y.Map<unknown> | Y.Text)[] = [];
  if (opts.includeMeta ?? true) roots.push(doc.getMap(META), doc.getMap(VERSIONS));
  for (const f of l.fields) roots.push(doc.getMap(f.root));
  for (const c of l.collections) roots.push(doc.getMap(c.root));
  for (const e of l.extra) roots.push(doc.getMap(e));
  for (const t of l.texts) roots.push(doc.getText(t));
  return roots;
}

export const KNOWN_VERSION: Readonly<Record<DocKind, number>> = SCHEMA_VERSION;

/**
 * The schema version a document is at: max(meta.schemaVersion, keys of `versions`).
 * `null` when meta is absent (not initialised, or not loaded yet); `NaN` when it is present but unreadable.
 */
export function effectiveVersion(doc: Y.Doc): number | null {
  const meta = doc.getMap(META);
  if (meta.size === 0 || !meta.has('id')) return null;
  const raw = meta.get('schemaVersion');
  let v = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 ? raw : Number.NaN;
  doc.getMap(VERSIONS).forEach((name, key) => {
    // The same map holds the document's history versions (doc/history/versions.ts): objects, never counted.
    if (typeof name !== 'string') return;
    const n = Number(key);
    if (Number.isInteger(n) && (Number.isNaN(v) || n > v)) v = n;
  });
  return v;
}

/** A record as a Y.Map, nested values laid out per `nested`. Values are copied. */
export function recordToY(record: Record<string, unknown>, nested: NestedSpec): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    map.set(key, valueToY(value, nested[key]));
  }
  return map;
}

export function valueToY(value: unknown, kind: NestedKind | undefined): unknown {
  if (kind === 'map' && isPlainObject(value)) {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) m.set(k, clonePlain(v));
    return m;
  }
  if (kind === 'array' && Array.isArray(value)) {
    const a = new Y.Array<unknown>();
    a.push(value.map((v) => clonePlain(v)));
    return a;
  }
  if (kind === 'text' && typeof value === 'string') {
    const t = new Y.Text();
    if (value) t.insert(0, wellFormed(value));
    return t;
  }
  if (kind === 'records' && isPlainObject(value)) {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(value)) {
      m.set(k, isPlainObject(v) ? recordToY(v, {}) : clonePlain(v));
    }
    return m;
  }
  return clonePlain(value);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
