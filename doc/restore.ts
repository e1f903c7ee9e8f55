/**
 * Restoring a document as edits: make a loaded document hold exactly a target JSON — fields, records and
 * texts added, changed or removed, only where they differ — in one transaction, never by replacing the
 * document. The workspace has its own rules (`workspaceIntents(…).restoreBackup`: it keeps its id, creation
 * date and name); plans, meeting boards and tournaments use `restoreDocument` here, which keeps the
 * document's own `id`, `createdAt` and `schemaVersion` and takes everything else from the target.
 * `haard import` (server/backup/) applies a backup with these; the helpers below are also what the workspace's
 * restore uses to sync record maps.
 */
import * as Y from 'yjs';
import { applyPatch, commit, type IntentContext } from './intents/common.ts';
import { clonePlain, deepEqual, isRecord, toJson } from './json.ts';
import { LAYOUT, META, recordToY, type DocKind, type NestedSpec } from './layout.ts';
import { getAt } from './read.ts';
import type { Result } from './result.ts';
import { setTextContent } from './text.ts';

/** Transaction origin of `haard import`: an operator's edits, tracked by no one's undo. */
export const IMPORT_ORIGIN = Object.freeze({ name: 'haard:import' });

/** Meta keys a restore never takes from the target: the document stays itself. */
const OWN_META = new Set(['id', 'createdAt', 'schemaVersion']);

/** Make the plain-value map `map` hold exactly `wanted` (keys it lacks are removed), writing only what differs. */
export function syncPlainMap(
  map: Y.Map<unknown>,
  wanted: Record<string, unknown>,
  keep?: ReadonlySet<string>,
): void {
  const doomed: string[] = [];
  map.forEach((_v, k) => {
    if (!(k in wanted) && !keep?.has(k)) doomed.push(k);
  });
  for (const k of doomed) map.delete(k);
  for (const [k, v] of Object.entries(wanted)) {
    if (v !== undefined && !deepEqual(toJson(map.get(k)), v)) map.set(k, clonePlain(v));
  }
}

/** Make record `id` of collection root `root` hold exactly `record`, nested values laid out per `nested`. */
export function syncRecord(
  root: Y.Map<unknown>,
  id: string,
  record: Record<string, unknown>,
  nested: NestedSpec,
): void {
  const current = root.get(id);
  if (!(current instanceof Y.Map)) {
    root.set(id, recordToY(record, nested));
    return;
  }
  const patch: Record<string, unknown> = { ...record };
  current.forEach((_v, k) => {
    if (!(k in record)) patch[k] = undefined;
  });
  applyPatch(current, patch, nested);
}

/** Make collection root `root` hold exactly the records of `wanted` (by id). */
export function syncCollection(
  root: Y.Map<unknown>,
  wanted: Record<string, Record<string, unknown>>,
  nested: NestedSpec,
): void {
  const doomed: string[] = [];
  root.forEach((_v, k) => {
    if (!(k in wanted)) doomed.push(k);
  });
  for (const k of doomed) root.delete(k);
  for (const [id, record] of Object.entries(wanted)) syncRecord(root, id, record, nested);
}

/**
 * Make the loaded (migrated) document `doc` of `kind` equal to `target`, a valid document of that kind at
 * this schema version (readBackup gives such), in one transaction with `origin`. Refused, with nothing
 * written, when the document is not ready (not initialised, not migrated, from a newer version).
 */
export function restoreDocument(
  kind: Exclude<DocKind, 'workspace'>,
  doc: Y.Doc,
  target: Record<string, unknown>,
  origin: unknown = IMPORT_ORIGIN,
): Result<undefined> {
  const ctx: IntentContext = { kind, doc, opts: { origin, now: () => new Date().toISOString() } };
  return commit(ctx, 'restoreDocument', () => {
    writeDocumentContent(kind, doc, target);
    return undefined;
  });
}

/**
 * The edits of `restoreDocument` without its transaction: call inside one (restoring a version, doc/history,
 * wraps it in the person's own intent so it is one step of their undo).
 */
export function writeDocumentContent(
  kind: Exclude<DocKind, 'workspace'>,
  doc: Y.Doc,
  target: Record<string, unknown>,
): void {
  const layout = LAYOUT[kind];
  const claimed = new Set<string>(layout.extra);
  for (const f of layout.fields) {
    if (f.path) claimed.add(f.path.split('.')[0]!);
    else for (const k of f.keys ?? []) claimed.add(k);
  }
  for (const c of layout.collections) claimed.add(c.path.split('.')[0]!);
  for (const t of layout.texts) claimed.add(t.split('.')[0]!);
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target))
    if (!claimed.has(key) && !OWN_META.has(key) && value !== undefined) meta[key] = value;
  syncPlainMap(doc.getMap(META), meta, OWN_META);

  for (const f of layout.fields) {
    const map = doc.getMap(f.root);
    if (!f.path) {
      const wanted: Record<string, unknown> = {};
      for (const k of f.keys ?? []) if (target[k] !== undefined) wanted[k] = target[k];
      syncPlainMap(map, wanted);
      continue;
    }
    const source = getAt(target, f.path);
    const skip = new Set(
      [...layout.texts, ...layout.collections.map((c) => c.path)]
        .filter((p) => p.startsWith(`${f.path}.`))
        .map((p) => p.slice(f.path.length + 1)),
    );
    const wanted: Record<string, unknown> = {};
    if (isRecord(source)) for (const [k, v] of Object.entries(source)) if (!skip.has(k)) wanted[k] = v;
    syncPlainMap(map, wanted);
  }
  for (const c of layout.collections) {
    const wanted = getAt(target, c.path);
    syncCollection(
      doc.getMap(c.root),
      (isRecord(wanted) ? wanted : {}) as Record<string, Record<string, unknown>>,
      c.nested,
    );
  }
  for (const e of layout.extra) {
    const wanted = target[e];
    syncCollection(
      doc.getMap(e),
      (isRecord(wanted) ? wanted : {}) as Record<string, Record<string, unknown>>,
      {},
    );
  }
  for (const t of layout.texts) {
    const value = getAt(target, t);
    setTextContent(doc.getText(t), typeof value === 'string' ? value : '');
  }
}
