/**
 * Restore a version as NEW edits (issue 9): the document is made equal to the version's content field by
 * field — records added, changed or removed, texts by a minimal text edit — in ONE transaction of the person
 * who restores (one step of their undo; colleagues receive ordinary edits). History is never rewound: the
 * versions and everything after stays, and restoring can itself be undone or restored away.
 *
 * What is kept as it is now: `meta` (id, createdAt, schema version, unknown keys of newer clients), the
 * `versions` and `users` roots. The version's content is migrated to this client's schema and checked before
 * anything is written: a version that does not check is refused with the issues and nothing changes.
 */
import * as Y from 'yjs';
import { checkDocument } from '../check.ts';
import { clonePlain, deepEqual, isRecord, toJson } from '../json.ts';
import { LAYOUT, recordToY, type DocKind } from '../layout.ts';
import { loadDocument } from '../migrate.ts';
import { getAt, readDocument } from '../read.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { setTextContent } from '../text.ts';
import { applyPatch, commit, type IntentContext } from '../intents/common.ts';
import { getVersion, openVersion, type DocVersion } from './versions.ts';

/** Make the plain-value Y.Map `map` hold exactly `wanted`, writing only what differs. */
function syncPlainMap(map: Y.Map<unknown>, wanted: Record<string, unknown>, skip: ReadonlySet<string>): void {
  const doomed: string[] = [];
  map.forEach((_v, k) => {
    if (!skip.has(k) && !(k in wanted)) doomed.push(k);
  });
  for (const k of doomed) map.delete(k);
  for (const [k, v] of Object.entries(wanted)) {
    if (skip.has(k) || v === undefined) continue;
    if (!deepEqual(toJson(map.get(k)), v)) map.set(k, clonePlain(v));
  }
}

/**
 * Write `target` (a checked document JSON of `kind`) into `doc` as edits. Call inside a transaction.
 * Collections, fields, extra maps (scores) and texts of the kind's layout are synced; meta is not touched.
 */
export function syncDocument(kind: DocKind, doc: Y.Doc, target: Record<string, unknown>): void {
  const layout = LAYOUT[kind];
  const nestedKeys = (path: string) =>
    new Set(
      [...layout.texts, ...layout.collections.map((c) => c.path)]
        .filter((p) => p.startsWith(`${path}.`))
        .map((p) => p.slice(path.length + 1).split('.')[0]!),
    );
  for (const f of layout.fields) {
    const map = doc.getMap<unknown>(f.root);
    if (f.path) {
      const source = getAt(target, f.path);
      syncPlainMap(map, isRecord(source) ? source : {}, nestedKeys(f.path));
    } else {
      const wanted: Record<string, unknown> = {};
      for (const k of f.keys ?? []) if (target[k] !== undefined) wanted[k] = target[k];
      const others = new Set<string>();
      map.forEach((_v, k) => {
        if (!(f.keys ?? []).includes(k)) others.add(k);
      });
      syncPlainMap(map, wanted, others);
    }
  }
  for (const c of layout.collections) {
    const root = doc.getMap<unknown>(c.root);
    const source = getAt(target, c.path);
    const wanted = isRecord(source) ? source : {};
    const doomed: string[] = [];
    root.forEach((_v, k) => {
      if (!(k in wanted)) doomed.push(k);
    });
    for (const k of doomed) root.delete(k);
    for (const [id, record] of Object.entries(wanted)) {
      if (!isRecord(record)) continue;
      const current = root.get(id);
      if (!(current instanceof Y.Map)) {
        root.set(id, recordToY(record, c.nested));
        continue;
      }
      const patch: Record<string, unknown> = { ...record };
      current.forEach((_v, k) => {
        if (!(k in record)) patch[k] = undefined;
      });
      applyPatch(current, patch, c.nested);
    }
  }
  for (const e of layout.extra) {
    const root = doc.getMap<unknown>(e);
    const source = target[e];
    const wanted = isRecord(source) ? source : {};
    const doomed: string[] = [];
    root.forEach((_v, k) => {
      if (!(k in wanted)) doomed.push(k);
    });
    for (const k of doomed) root.delete(k);
    for (const [id, row] of Object.entries(wanted)) {
      if (!isRecord(row)) continue;
      let map = root.get(id);
      if (!(map instanceof Y.Map)) {
        map = new Y.Map<unknown>();
        root.set(id, map);
      }
      syncPlainMap(map as Y.Map<unknown>, row, new Set());
    }
  }
  for (const t of layout.texts) {
    const value = getAt(target, t);
    setTextContent(doc.getText(t), typeof value === 'string' ? value : '');
  }
}

/**
 * The content of `version`, migrated to this client's schema and checked: what a restore writes.
 * Errors: the version cannot be opened, is from a newer schema, or does not pass the schema checks.
 */
export function restorableContent(
  kind: DocKind,
  doc: Y.Doc,
  version: DocVersion,
): Result<Record<string, unknown>> {
  const opened = openVersion(doc, version);
  if (!opened.ok) return opened;
  const old = opened.value;
  try {
    const load = loadDocument(kind, old);
    if (load.status !== 'ready') return fail([issue('', 'unreadable', load.reason.en, load.reason.nl)]);
    const checked = checkDocument(kind, readDocument(kind, old));
    if (!checked.valid || checked.quarantine.length)
      return fail(
        checked.quarantine.length
          ? checked.quarantine.flatMap((q) => q.issues)
          : [
              issue(
                '',
                'invalid',
                'the version does not pass the checks',
                'de versie voldoet niet aan de controles',
              ),
            ],
      );
    return ok(checked.valid as unknown as Record<string, unknown>);
  } finally {
    old.destroy();
  }
}

/**
 * Restore version `versionId` of `ctx.doc` as new edits, in ONE transaction with the user's origin (one undo
 * step), through the intents' guard (refused while loading or read-only). Errors: no such version, or
 * `restorableContent` refused it.
 */
export function restoreVersion(ctx: IntentContext, versionId: string): Result<undefined> {
  const version = getVersion(ctx.doc, versionId);
  if (!version)
    return fail([
      issue('', 'not_found', `version ${versionId} does not exist`, `versie ${versionId} bestaat niet`),
    ]);
  const content = restorableContent(ctx.kind, ctx.doc, version);
  if (!content.ok) return content;
  return commit(ctx, 'restoreVersion', () => {
    syncDocument(ctx.kind, ctx.doc, content.value);
    return undefined;
  });
}
