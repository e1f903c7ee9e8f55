/**
 * What changed between two states of a plan or of a workspace, from their plain JSON (core/model shapes; an
 * older version may miss fields, so everything is read defensively). Pure: who and when come from the
 * `Attribute` function the caller passes (doc/history/attribute.ts for Yjs documents).
 *
 * Reported: records added and removed, records changed field by field (nested objects one level flattened:
 * "kpi.target 8 → 9"), the document's own fields, texts with their insertions and deletions, and ABC scores.
 * Not reported, because a person reads them as noise: a record's `order` (its position in a list), the
 * plan's `updatedAt`, and the score rows of relations that were added or removed (the relation itself is).
 * Nothing that did not change is in the result.
 */
import { PLAN_TEXTS } from '../model/plan.ts';
import { diffText } from './text.ts';
import {
  CHANGE_SECTIONS,
  type Attribute,
  type Attribution,
  type Change,
  type ChangeGroup,
  type ChangeSection,
  type FieldChange,
} from './types.ts';

type Json = Record<string, unknown>;

interface HistoryCollection {
  /** JSON path of the collection (`strategy.benefits`). */
  path: string;
  section: ChangeSection;
  label: (record: Json) => string;
  /** Fields that are long texts (a relation's notes): reported with their word diff (`FieldChange.parts`). */
  texts?: readonly string[];
  /**
   * Who made a record, when the record itself says so (an action filed from a meeting commitment carries its
   * author in `source`): the history credits them with adding it rather than the writer the document knows.
   */
  madeIn?: (record: Json) => MadeIn | null;
}

interface HistorySpec {
  fields: readonly string[];
  texts: readonly string[];
  collections: readonly HistoryCollection[];
  scores: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The plan texts people co-edit (core/model/plan.ts, the list the document layer uses too). */
export const PLAN_HISTORY_TEXTS = PLAN_TEXTS;

const PLAN_HISTORY: HistorySpec = {
  fields: ['title', 'ownerId', 'relationIds', 'keyPoints', 'budget', 'strategy.quadrants', 'deletedAt'],
  texts: PLAN_HISTORY_TEXTS,
  collections: [
    { path: 'goals', section: 'goals', label: (r) => str(r.title) },
    { path: 'strategy.benefits', section: 'benefits', label: (r) => str(r.description) },
    { path: 'actions', section: 'actions', label: (r) => str(r.what), madeIn: commitmentOf },
    { path: 'kpis', section: 'kpis', label: (r) => str(r.name) || str(r.kind) },
  ],
  scores: false,
};

const WORKSPACE_HISTORY: HistorySpec = {
  fields: ['settings.name'],
  texts: [],
  collections: [
    { path: 'relations', section: 'relations', label: (r) => str(r.name), texts: ['notes'] },
    { path: 'contacts', section: 'contacts', label: (r) => str(r.name) },
  ],
  scores: true,
};

/** Record fields never reported (see the module comment). */
const QUIET_FIELDS = new Set(['id', 'order']);

/** Where a record was made when not in the document itself: the meeting board, its author and their name. */
export interface MadeIn {
  boardId: string | null;
  authorId: string | null;
  authorName: string | null;
}

/** An action's meeting commitment (`Action.source`, core/model/plan.ts), read defensively; null for none. */
function commitmentOf(record: Json): MadeIn | null {
  const source = record.source;
  if (!isObject(source) || typeof source.commitmentId !== 'string') return null;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return {
    boardId: text(source.boardId),
    authorId: text(source.authorId),
    authorName: text(source.authorName),
  };
}

/**
 * The attribution of a record made in a meeting: its author (when the board recorded one) made it; whoever's
 * edits wrote it into the document filed it. `written` is what the document's items say (the filers).
 */
export function creditCommitment(written: Attribution, made: MadeIn): Attribution {
  const by = made.authorId ? [made.authorId] : written.by;
  return {
    by,
    since: written.since,
    committed: {
      boardId: made.boardId,
      filedBy: written.by.filter((p) => !by.includes(p)),
      authorName: made.authorId ? made.authorName : null,
    },
  };
}

const NOBODY: Attribution = { by: [], since: null };
const noAttribution: Attribute = () => NOBODY;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function getAt(root: unknown, path: string): unknown {
  let cur = root;
  for (const key of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = Object.hasOwn(cur, key) ? cur[key] : undefined;
  }
  return cur;
}

/** Deep equality of plain JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/** Union of the keys of two records, `a`'s first, each once. */
function keysOf(a: Json | undefined, b: Json | undefined): string[] {
  const keys = Object.keys(a ?? {});
  for (const k of Object.keys(b ?? {})) if (!a || !Object.hasOwn(a, k)) keys.push(k);
  return keys;
}

/** Merge attributions: every author once, the newest `since`. */
export function mergeAttributions(list: readonly Attribution[]): Attribution {
  const by: string[] = [];
  let since: string | null = null;
  for (const a of list) {
    for (const p of a.by) if (!by.includes(p)) by.push(p);
    if (a.since !== null && (since === null || a.since > since)) since = a.since;
  }
  return { by, since };
}

function fieldChanges(
  before: Json,
  after: Json,
  who: (field: string) => Attribution,
  texts: readonly string[] = [],
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of keysOf(before, after)) {
    if (QUIET_FIELDS.has(field)) continue;
    const a = before[field];
    const b = after[field];
    if (sameJson(a, b)) continue;
    const flat = (v: unknown) => v === null || v === undefined || isObject(v);
    if ((isObject(a) || isObject(b)) && flat(a) && flat(b)) {
      const oa = isObject(a) ? a : undefined;
      const ob = isObject(b) ? b : undefined;
      // One side is null / missing: every key of the other side is a change from or to nothing.
      const subs = keysOf(oa, ob).filter((sub) => !sameJson(oa?.[sub], ob?.[sub]));
      for (const sub of subs)
        out.push({ field: `${field}.${sub}`, before: oa?.[sub], after: ob?.[sub], who: who(field) });
      if (subs.length) continue;
    }
    const parts = texts.includes(field) ? diffText(str(a), str(b)) : null;
    out.push({ field, before: a, after: b, who: who(field), ...(parts ? { parts } : {}) });
  }
  return out;
}

function diffWith(spec: HistorySpec, before: Json, after: Json, attribute: Attribute): Change[] {
  const changes: Change[] = [];
  for (const path of spec.fields) {
    const a = getAt(before, path);
    const b = getAt(after, path);
    if (!sameJson(a, b))
      changes.push({
        type: 'field',
        section: 'plan',
        path,
        before: a,
        after: b,
        who: attribute({ at: 'docField', path }),
      });
  }
  for (const path of spec.texts) {
    const parts = diffText(str(getAt(before, path)), str(getAt(after, path)));
    if (parts.length)
      changes.push({ type: 'text', section: 'texts', path, parts, who: attribute({ at: 'text', path }) });
  }
  const gone = new Set<string>();
  const added = new Set<string>();
  for (const c of spec.collections) {
    const a = getAt(before, c.path);
    const b = getAt(after, c.path);
    const recordsA = isObject(a) ? a : {};
    const recordsB = isObject(b) ? b : {};
    for (const id of keysOf(recordsA, recordsB)) {
      const ra = recordsA[id];
      const rb = recordsB[id];
      if (sameJson(ra, rb)) continue;
      if (!isObject(rb) && isObject(ra)) {
        gone.add(id);
        changes.push({
          type: 'removed',
          section: c.section,
          id,
          label: c.label(ra),
          record: ra,
          who: attribute({ at: 'record', collection: c.path, id }),
        });
      } else if (isObject(rb) && !isObject(ra)) {
        added.add(id);
        const written = attribute({ at: 'record', collection: c.path, id });
        const made = c.madeIn?.(rb);
        changes.push({
          type: 'added',
          section: c.section,
          id,
          label: c.label(rb),
          record: rb,
          who: made ? creditCommitment(written, made) : written,
        });
      } else if (isObject(ra) && isObject(rb)) {
        const fields = fieldChanges(
          ra,
          rb,
          (field) => attribute({ at: 'field', collection: c.path, id, field }),
          c.texts,
        );
        if (fields.length)
          changes.push({
            type: 'changed',
            section: c.section,
            id,
            label: c.label(rb) || c.label(ra),
            fields,
            who: mergeAttributions(fields.map((f) => f.who)),
          });
      }
    }
  }
  if (spec.scores) changes.push(...scoreChanges(before, after, gone, added, attribute));
  return changes;
}

function scoreChanges(
  before: Json,
  after: Json,
  skip: ReadonlySet<string>,
  alsoSkip: ReadonlySet<string>,
  attribute: Attribute,
): Change[] {
  const out: Change[] = [];
  const sa = isObject(before.scores) ? before.scores : {};
  const sb = isObject(after.scores) ? after.scores : {};
  const name = (root: string, id: string) =>
    str(getAt(after, `${root}.${id}.name`)) || str(getAt(before, `${root}.${id}.name`)) || id;
  for (const relationId of keysOf(sa, sb)) {
    if (skip.has(relationId) || alsoSkip.has(relationId)) continue;
    const rowA = isObject(sa[relationId]) ? (sa[relationId] as Json) : {};
    const rowB = isObject(sb[relationId]) ? (sb[relationId] as Json) : {};
    for (const criterionId of keysOf(rowA, rowB)) {
      const x = typeof rowA[criterionId] === 'number' ? (rowA[criterionId] as number) : null;
      const y = typeof rowB[criterionId] === 'number' ? (rowB[criterionId] as number) : null;
      if (x === y) continue;
      out.push({
        type: 'score',
        section: 'scores',
        relationId,
        label: name('relations', relationId),
        criterionId,
        criterion: name('criteria', criterionId),
        before: x,
        after: y,
        who: attribute({ at: 'score', relationId, criterionId }),
      });
    }
  }
  return out;
}

/**
 * What changed in an account plan from `before` to `after` (plain plan JSON, e.g. `readDocument('plan', …)` of
 * a version and of now). `attribute` says who and when per change (default: unknown). Ungrouped, in section
 * order; `groupChanges` sorts and groups them for reading.
 */
export function diffPlan(before: Json, after: Json, attribute: Attribute = noAttribution): Change[] {
  return diffWith(PLAN_HISTORY, before, after, attribute);
}

/** What changed in a workspace's relations, contacts and ABC scores (and its name), as `diffPlan`. */
export function diffWorkspace(before: Json, after: Json, attribute: Attribute = noAttribution): Change[] {
  return diffWith(WORKSPACE_HISTORY, before, after, attribute);
}

/**
 * Changes grouped by the day of their `since` (newest day first; changes older than every version last), and
 * inside a group in section order (plan, texts, goals, …, scores), then by label. `dayOf` turns an ISO
 * date-time into the day a person sees (default: its UTC date; the UI passes the local date).
 */
export function groupChanges(
  changes: readonly Change[],
  dayOf: (iso: string) => string = (iso) => iso.slice(0, 10),
): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const since = change.who.since;
    const key = since === null ? '' : dayOf(since);
    let group = groups.get(key);
    if (!group) {
      group = { since, changes: [] };
      groups.set(key, group);
    } else if (since !== null && (group.since === null || since > group.since)) group.since = since;
    group.changes.push(change);
  }
  const rank = (c: Change) => CHANGE_SECTIONS.indexOf(c.section);
  const labelOf = (c: Change) => ('label' in c ? c.label : 'path' in c ? c.path : '');
  for (const g of groups.values())
    g.changes.sort((a, b) => rank(a) - rank(b) || labelOf(a).localeCompare(labelOf(b)));
  return [...groups.entries()]
    .sort(([ka], [kb]) => (ka === kb ? 0 : ka === '' ? 1 : kb === '' ? -1 : ka < kb ? 1 : -1))
    .map(([, g]) => g);
}
