/**
 * Pure reads: a Y.Doc → its JSON shape (core/model), unvalidated — pass the result to `checkDocument`.
 * Output is canonical (object keys sorted), so two converged replicas give identical `JSON.stringify`.
 * Returns null when the document has no meta yet (not initialised, or still loading).
 */
import type * as Y from 'yjs';
import { LAYOUT, META, effectiveVersion, type DocKind } from './layout.ts';
import { isRecord, toJson } from './json.ts';

export type RawDoc = Record<string, unknown>;

export function readDocument(kind: DocKind, doc: Y.Doc): RawDoc | null {
  const meta = doc.getMap(META);
  if (!meta.has('id')) return null;
  const layout = LAYOUT[kind];
  const out: Record<string, unknown> = {};
  meta.forEach((value, key) => {
    out[key] = toJson(value);
  });
  const version = effectiveVersion(doc);
  if (version !== null && !Number.isNaN(version)) out.schemaVersion = version;
  for (const f of layout.fields) {
    const target = f.path ? objectAt(out, f.path) : out;
    doc.getMap(f.root).forEach((value, key) => {
      target[key] = toJson(value);
    });
  }
  for (const c of layout.collections) setAt(out, c.path, toJson(doc.getMap(c.root)));
  for (const e of layout.extra) out[e] = toJson(doc.getMap(e));
  for (const t of layout.texts) setAt(out, t, doc.getText(t).toString());
  return sortKeys(out);
}

export const readWorkspace = (doc: Y.Doc) => readDocument('workspace', doc);
export const readPlan = (doc: Y.Doc) => readDocument('plan', doc);
export const readMeeting = (doc: Y.Doc) => readDocument('meeting', doc);
export const readTournament = (doc: Y.Doc) => readDocument('tournament', doc);

/** Canonical JSON: object keys sorted at every level (arrays keep their order). */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out as T;
}

/** The object at a dotted path inside `root`, created on the way where missing. */
export function objectAt(root: Record<string, unknown>, path: string): Record<string, unknown> {
  let target = root;
  for (const key of path.split('.')) {
    const next = target[key];
    if (isRecord(next)) target = next;
    else {
      const created: Record<string, unknown> = {};
      target[key] = created;
      target = created;
    }
  }
  return target;
}

export function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.length ? objectAt(root, keys.join('.')) : root;
  parent[last] = value;
}

export function getAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  let cur = root;
  for (const key of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}
