/**
 * What every intent shares: a guard (never write to a document that is not loaded, not initialised, not
 * migrated or from a newer schema), validation before writing, and exactly one transaction per intent,
 * tagged with the intent's name (undo uses the tag to keep each discrete intent its own undo step).
 */
import * as Y from 'yjs';
import type * as z from 'zod/mini';
import { parseWith, type SchemaIssue } from '../../core/model/issues.ts';
import { documentStatus } from '../migrate.ts';
import { recordToY, valueToY, type CollectionLayout, type DocKind, type NestedSpec } from '../layout.ts';
import { clonePlain, deepEqual, isRecord, toJson } from '../json.ts';
import { fail, issue, issueFrom, notFound, ok, prefixIssues, REFUSAL, type Result } from '../result.ts';
import { newId } from '../ids.ts';
import { collectionDef } from '../kinds/index.ts';
import { setTextContent } from '../text.ts';

export interface IntentOptions {
  /** Transaction origin of this user's edits (what their undo tracks). Any stable value, e.g. a per-tab object. */
  origin: unknown;
  /** The current moment as an ISO date-time (a parameter, so tests control time). */
  now: () => string;
  /** Extra gate, e.g. "the local IndexedDB state has loaded" (the Solid store passes its status). */
  canWrite?: () => boolean;
  /** Id source for new records (default: `newId`). */
  newId?: () => string;
}

/** What a Yjs undo stack item made or removed (yjs' DeleteSet, not exported as a type). */
export type DeleteSet = Parameters<typeof Y.isDeleted>[0];

/**
 * The rule of a deletable document (a plan, a meeting board), one for every such kind: while `deletedAt` is set in
 * root map `root`, it takes no edit until someone restores it — a second browser, a stale tab, a meeting filing a
 * commitment, a colleague's undo.
 * - `refuse`: the IntentContext hook — every intent but `setDeleted` gets `refusal()` and writes nothing.
 * - `stepAllowed`: the undo side (doc/undo.ts): an undo or redo step may run only when it takes back the deletion
 *   itself — the step wrote the current `deletedAt` (`insertions` of a Yjs undo stack item hold what the step made,
 *   which undoing removes), so the deleter's own undo restores it; anyone's other steps wait.
 */
export function deletionRule(root: string, refusal: () => SchemaIssue) {
  return {
    refuse: (doc: Y.Doc, intent: string): SchemaIssue[] | null =>
      intent !== 'setDeleted' && doc.getMap(root).get('deletedAt') ? [refusal()] : null,
    stepAllowed: (doc: Y.Doc, insertions: DeleteSet): boolean => {
      const map = doc.getMap(root);
      if (!map.get('deletedAt')) return true;
      const current = map._map.get('deletedAt');
      return current !== undefined && Y.isDeleted(insertions, current.id);
    },
  };
}

/** Transaction meta key holding the intent name. */
export const INTENT_META = 'haard:intent';
/**
 * Transaction meta key holding what an update wrote (`actions.a1:what`): consecutive updates of the same
 * fields of the same record — typing in a table cell — merge into one undo step (undo.ts).
 */
export const TARGET_META = 'haard:target';

export interface IntentContext {
  kind: DocKind;
  doc: Y.Doc;
  opts: IntentOptions;
  /** Run inside every write transaction of this kind (plans: set meta.updatedAt). */
  touch?: () => void;
  /**
   * A rule of the document's own state that refuses intent `intent` before anything is written (plans: a
   * deleted plan takes no edit but its restoring); null lets it through. Checked in `commit`, so every write
   * path of the kind passes it.
   */
  refuse?: (intent: string) => SchemaIssue[] | null;
}

export function refusal(ctx: IntentContext): SchemaIssue[] | null {
  if (ctx.opts.canWrite && !ctx.opts.canWrite()) {
    return [
      issue(
        '',
        REFUSAL.notReady,
        'the document is still loading; nothing was written',
        'het document wordt nog geladen; er is niets opgeslagen',
      ),
    ];
  }
  const status = documentStatus(ctx.kind, ctx.doc);
  switch (status.status) {
    case 'ready':
      return null;
    case 'needsMigration':
      return [
        issue(
          '',
          REFUSAL.notReady,
          'the document has not been loaded (migrated) yet; nothing was written',
          'het document is nog niet geladen (bijgewerkt); er is niets opgeslagen',
        ),
      ];
    case 'newerVersion':
      return [issueFrom('', REFUSAL.readOnly, status.reason)];
    case 'uninitialised':
    case 'unreadable':
      return [issueFrom('', REFUSAL.notReady, status.reason)];
  }
}

/** Run `fn` as the intent's single transaction, after the guard; `origin` defaults to the user's own. */
export function commit<T>(
  ctx: IntentContext,
  intent: string,
  fn: () => T,
  origin: unknown = ctx.opts.origin,
  target?: string,
): Result<T> {
  const refused = refusal(ctx) ?? ctx.refuse?.(intent) ?? null;
  if (refused) return fail(refused);
  let value!: T;
  ctx.doc.transact((tr) => {
    tr.meta.set(INTENT_META, intent);
    if (target !== undefined) tr.meta.set(TARGET_META, target);
    value = fn();
    ctx.touch?.();
  }, origin);
  return ok(value);
}

export const idOf = (ctx: IntentContext) => (ctx.opts.newId ?? newId)();

export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  path: string,
): Result<z.infer<S>> {
  const parsed = parseWith(schema, value);
  return parsed.ok ? parsed : fail(prefixIssues(path, parsed.issues));
}

export const recordMap = (ctx: IntentContext, c: CollectionLayout, id: string): Y.Map<unknown> | null => {
  const v = ctx.doc.getMap(c.root).get(id);
  return v instanceof Y.Map ? v : null;
};

export const readRecord = (
  ctx: IntentContext,
  c: CollectionLayout,
  id: string,
): Record<string, unknown> | null => {
  const map = recordMap(ctx, c, id);
  return map ? (toJson(map) as Record<string, unknown>) : null;
};

export function readAll(ctx: IntentContext, c: CollectionLayout): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  ctx.doc.getMap(c.root).forEach((v) => {
    if (v instanceof Y.Map) out.push(toJson(v) as Record<string, unknown>);
  });
  return out;
}

/** Next `order` value: one more than the highest in the collection. */
export function nextOrder(ctx: IntentContext, c: CollectionLayout): number {
  let max = -1;
  ctx.doc.getMap(c.root).forEach((v) => {
    const o = v instanceof Y.Map ? v.get('order') : undefined;
    if (typeof o === 'number' && Number.isFinite(o) && o > max) max = o;
  });
  return max + 1;
}

/** Write only what differs (an unchanged set would still create a CRDT item and win over a concurrent edit). */
export function applyPatch(map: Y.Map<unknown>, patch: Record<string, unknown>, nested: NestedSpec): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id') continue;
    const current = map.get(key);
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
      continue;
    }
    const kind = nested[key];
    if (kind === 'map' && current instanceof Y.Map && isRecord(value)) {
      syncMap(current, value, (sub, v) => (deepEqual(toJson(sub), v) ? sub : clonePlain(v)));
    } else if (kind === 'records' && current instanceof Y.Map && isRecord(value)) {
      syncMap(current, value, (sub, v) => {
        if (sub instanceof Y.Map && isRecord(v)) {
          applyPatch(sub, v, {});
          sub.forEach((_x, k) => {
            if (!(k in v)) sub.delete(k);
          });
          return sub;
        }
        return isRecord(v) ? recordToY(v, {}) : clonePlain(v);
      });
    } else if (kind === 'text' && current instanceof Y.Text && typeof value === 'string') {
      // Only the changed middle: a colleague typing elsewhere in the same text keeps their edit.
      setTextContent(current, value);
    } else if (kind === 'array' && current instanceof Y.Array && Array.isArray(value)) {
      if (!deepEqual(toJson(current), value)) {
        current.delete(0, current.length);
        current.push(value.map(clonePlain));
      }
    } else if (!deepEqual(toJson(current), value)) {
      map.set(key, valueToY(value, kind));
    }
  }
}

/** Make `map` hold exactly the keys of `value`; `next` returns the same item to keep it, or a new value. */
function syncMap(
  map: Y.Map<unknown>,
  value: Record<string, unknown>,
  next: (current: unknown, v: unknown) => unknown,
): void {
  map.forEach((_v, k) => {
    if (!(k in value) || value[k] === undefined) map.delete(k);
  });
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const current = map.get(k);
    const replacement = next(current, v);
    if (!map.has(k) || replacement !== current) map.set(k, replacement);
  }
}

export type Patch<R> = { [K in Exclude<keyof R, 'id'>]?: R[K] };

export interface CollectionSpec {
  layout: CollectionLayout;
  schema: z.ZodMiniType;
  /** For messages: "Relation", "Goal". */
  label: string;
  /** Values of the fields a new record may leave out (doc/kinds `defaults`). */
  defaults?: () => Record<string, unknown>;
  /** New records get `order` one past the last. */
  ordered?: boolean;
}

/** The intents' view of the collection of `kind` at JSON path `path`, derived from the kind's spec (doc/kinds). */
export function collectionSpec(kind: DocKind, path: string): CollectionSpec {
  const def = collectionDef(kind, path);
  return {
    layout: { path: def.path, root: def.root, nested: def.nested },
    schema: def.item,
    label: def.label,
    ...(def.defaults ? { defaults: def.defaults } : {}),
    ...(def.ordered ? { ordered: true } : {}),
  };
}

/**
 * A new record of `spec`'s collection: its defaults, `order` one past the last (ordered collections), then
 * what the caller gave, then the id. Not validated here (addRecord does that).
 */
export function newRecord<R>(ctx: IntentContext, spec: CollectionSpec, input: object, id: string): R {
  return {
    ...(spec.defaults?.() ?? {}),
    ...(spec.ordered ? { order: nextOrder(ctx, spec.layout) } : {}),
    ...input,
    id,
  } as R;
}

/** Validate a new record and add it in one transaction; `also` runs in the same transaction. */
export function addRecord(
  ctx: IntentContext,
  spec: CollectionSpec,
  intent: string,
  record: Record<string, unknown> & { id: string },
  also?: (id: string) => void,
): Result<string> {
  const path = `${spec.layout.path}.${record.id}`;
  const parsed = validate(spec.schema, record, path);
  if (!parsed.ok) return fail(parsed.issues);
  if (ctx.doc.getMap(spec.layout.root).has(record.id)) {
    return fail([
      issue(
        path,
        'duplicate_id',
        `${spec.label} ${record.id} already exists`,
        `${spec.label} ${record.id} bestaat al`,
      ),
    ]);
  }
  return commit(ctx, intent, () => {
    ctx.doc
      .getMap(spec.layout.root)
      .set(record.id, recordToY(parsed.value as Record<string, unknown>, spec.layout.nested));
    also?.(record.id);
    return record.id;
  });
}

/** Validate the record as it would be after the patch; write only the changed fields. */
export function updateRecord(
  ctx: IntentContext,
  spec: CollectionSpec,
  intent: string,
  id: string,
  patch: Record<string, unknown>,
  extraCheck?: (merged: Record<string, unknown>) => SchemaIssue[],
): Result<undefined> {
  const path = `${spec.layout.path}.${id}`;
  const current = readRecord(ctx, spec.layout, id);
  if (!current) return fail([notFound(path, `${spec.label} ${id}`)]);
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id') continue;
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const parsed = validate(spec.schema, merged, path);
  if (!parsed.ok) return fail(parsed.issues);
  const extra = extraCheck?.(merged) ?? [];
  if (extra.length) return fail(prefixIssues(path, extra));
  const target = `${path}:${Object.keys(patch).sort().join(',')}`;
  return commit(
    ctx,
    intent,
    () => {
      const map = recordMap(ctx, spec.layout, id);
      if (map) applyPatch(map, patch, spec.layout.nested);
      return undefined;
    },
    ctx.opts.origin,
    target,
  );
}

export function removeRecord(
  ctx: IntentContext,
  spec: CollectionSpec,
  intent: string,
  id: string,
  cascade?: () => void,
): Result<undefined> {
  const root = ctx.doc.getMap(spec.layout.root);
  if (!root.has(id)) return fail([notFound(`${spec.layout.path}.${id}`, `${spec.label} ${id}`)]);
  return commit(ctx, intent, () => {
    root.delete(id);
    cascade?.();
    return undefined;
  });
}

/** Collection helpers bound to one spec: the add/update/remove triple most collections need. */
export function crud<R extends { id: string }, New>(
  ctx: IntentContext,
  spec: CollectionSpec,
  names: { add: string; update: string; remove: string },
  build: (input: New, id: string) => R,
  cascade?: (id: string) => void,
) {
  return {
    add: (input: New & { id?: string }): Result<string> =>
      addRecord(ctx, spec, names.add, build(input, input.id ?? idOf(ctx))),
    update: (id: string, patch: Patch<R>): Result<undefined> =>
      updateRecord(ctx, spec, names.update, id, patch as Record<string, unknown>),
    remove: (id: string): Result<undefined> =>
      removeRecord(ctx, spec, names.remove, id, cascade && (() => cascade(id))),
  };
}

/**
 * Move a record of an ordered collection to position `toIndex` of its list (0 = first), by giving it an
 * `order` between its new neighbours' (fractional order: two people moving different records both keep their
 * move). When floating point runs out of room between two neighbours, the whole list is renumbered in the same
 * transaction. Errors: the record does not exist.
 */
export function moveRecord(
  ctx: IntentContext,
  spec: CollectionSpec,
  intent: string,
  id: string,
  toIndex: number,
): Result<undefined> {
  const all = readAll(ctx, spec.layout) as { id: string; order: number }[];
  if (!all.some((c) => c.id === id))
    return fail([notFound(`${spec.layout.path}.${id}`, `${spec.label} ${id}`)]);
  const others = all.filter((c) => c.id !== id).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const i = Math.max(0, Math.min(others.length, Math.trunc(toIndex)));
  const before = others[i - 1]?.order;
  const after = others[i]?.order;
  const order =
    before === undefined
      ? after === undefined
        ? 0
        : after - 1
      : after === undefined
        ? before + 1
        : (before + after) / 2;
  if (before !== undefined && after !== undefined && !(order > before && order < after)) {
    const ordered = [...others.slice(0, i), { id }, ...others.slice(i)];
    return commit(ctx, intent, () => {
      ordered.forEach((c, n) => recordMap(ctx, spec.layout, c.id)?.set('order', n));
      return undefined;
    });
  }
  return updateRecord(ctx, spec, intent, id, { order });
}
