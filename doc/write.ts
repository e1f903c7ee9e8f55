/**
 * JSON → Y layout, for seeding and importing. Writes into a document that has no meta yet; does not
 * validate (callers do: `create*Doc` validates its seed, `importDocument` runs checkDocument and loadDocument).
 */
import type * as Y from 'yjs';
import { LAYOUT, META, KNOWN_VERSION, recordToY, type DocKind } from './layout.ts';
import { clonePlain, isRecord, wellFormed } from './json.ts';
import { getAt } from './read.ts';
import { fail, issue, ok, type Result } from './result.ts';

/** Origin of seeding and import transactions: never tracked by a user's undo. */
export const SEED_ORIGIN = Object.freeze({ name: 'haard:seed' });

export function writeDocument(
  kind: DocKind,
  doc: Y.Doc,
  json: Record<string, unknown>,
  origin: unknown = SEED_ORIGIN,
): Result<undefined> {
  if (doc.getMap(META).has('id')) {
    return fail([
      issue(
        '',
        'already_initialised',
        'the document already exists; it is never seeded twice',
        'het document bestaat al; het wordt nooit twee keer aangemaakt',
      ),
    ]);
  }
  if (typeof json.schemaVersion === 'number' && json.schemaVersion > KNOWN_VERSION[kind]) {
    return fail([
      issue(
        'schemaVersion',
        'newer_version',
        `comes from a newer version of Haard (schema ${json.schemaVersion}; this app knows ${KNOWN_VERSION[kind]}): update the app to import it`,
        `komt van een nieuwere versie van Haard (schema ${json.schemaVersion}; deze app kent ${KNOWN_VERSION[kind]}): werk de app bij om het te importeren`,
      ),
    ]);
  }
  const layout = LAYOUT[kind];
  const claimed = new Set<string>();
  for (const f of layout.fields) {
    if (f.path) claimed.add(f.path.split('.')[0]!);
    else for (const k of f.keys ?? []) claimed.add(k);
  }
  for (const c of layout.collections) claimed.add(c.path.split('.')[0]!);
  for (const t of layout.texts) claimed.add(t.split('.')[0]!);
  for (const e of layout.extra) claimed.add(e);

  doc.transact(() => {
    const meta = doc.getMap(META);
    for (const [key, value] of Object.entries(json)) {
      if (!claimed.has(key) && value !== undefined) meta.set(key, clonePlain(value));
    }
    for (const f of layout.fields) {
      const map = doc.getMap(f.root);
      if (f.path) {
        const source = getAt(json, f.path);
        if (!isRecord(source)) continue;
        const skip = new Set(
          [...layout.texts, ...layout.collections.map((c) => c.path)]
            .filter((p) => p.startsWith(`${f.path}.`))
            .map((p) => p.slice(f.path.length + 1)),
        );
        for (const [k, v] of Object.entries(source))
          if (!skip.has(k) && v !== undefined) map.set(k, clonePlain(v));
      } else {
        for (const k of f.keys ?? []) if (json[k] !== undefined) map.set(k, clonePlain(json[k]));
      }
    }
    for (const c of layout.collections) {
      const source = getAt(json, c.path);
      if (!isRecord(source)) continue;
      const root = doc.getMap(c.root);
      for (const [id, record] of Object.entries(source)) {
        root.set(id, isRecord(record) ? recordToY(record, c.nested) : clonePlain(record));
      }
    }
    for (const e of layout.extra) {
      const source = json[e];
      if (!isRecord(source)) continue;
      const root = doc.getMap(e);
      // scores: row → Y.Map of cells
      for (const [id, row] of Object.entries(source)) {
        root.set(id, isRecord(row) ? recordToY(row, {}) : clonePlain(row));
      }
    }
    for (const t of layout.texts) {
      const value = getAt(json, t);
      if (typeof value === 'string' && value) doc.getText(t).insert(0, wellFormed(value));
    }
  }, origin);
  return ok(undefined);
}
