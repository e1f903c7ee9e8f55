/**
 * Concurrent overwrites: a value this person set in a record or settings field that a colleague's write, made
 * without having seen it (offline, or in the same moment), replaced. Yjs resolves two concurrent writes of one
 * map key by keeping one (the same one everywhere); the other is gone without a trace in the view. This tells
 * the person whose value lost, so nothing is lost without notice (README "What merges").
 *
 * How it knows, with Yjs' own structures: a map key's values form a list of items; a write's item records as
 * its `origin` the item it replaced when it was made. When a remote transaction makes a new item current and
 * the item it pushed aside was written by this person (any of their sessions: `Y.PermanentUserData`,
 * doc/history/users.ts) but the new item's origin is not that item, the writer had not seen this person's
 * value: a concurrent overwrite. A write that did see it (origin = this person's item) is an ordinary later
 * edit and is not reported. Long texts (Y.Text) merge character by character and are never reported.
 */
import * as Y from 'yjs';
import { LAYOUT, type DocKind } from './layout.ts';
import { personNames, usersOf } from './history/users.ts';

export interface Overwrite {
  /** JSON path of the field: `['actions', 'a1', 'due']`, `['settings', 'name']`. */
  path: string[];
  /** This person's value that was replaced (plain JSON). */
  mine: unknown;
  /** The value kept (plain JSON). */
  theirs: unknown;
  /** The writer's display name when the document knows it; null otherwise. */
  by: string | null;
  /** The record's own name (its `name`, `title` or `what`) when the field is in a record; null otherwise. */
  record: string | null;
}

/** What a person calls a record: its name, title or what (an action), when it has one. */
function recordName(record: unknown): string | null {
  if (!(record instanceof Y.Map)) return null;
  for (const key of ['name', 'title', 'what']) {
    const value: unknown = record.get(key);
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.toJSON() : value);

/**
 * Calls `onOverwrites` after each remote transaction that replaced values of `personId` in `doc` (a document
 * of `kind`), with one entry per field. Returns a function that stops watching. Local transactions and
 * transactions that only add, delete records or edit texts report nothing.
 */
export function watchOverwrites(
  kind: DocKind,
  doc: Y.Doc,
  personId: () => string,
  onOverwrites: (overwrites: Overwrite[]) => void,
): () => void {
  const layout = LAYOUT[kind];
  const roots: Array<{ map: Y.Map<unknown>; path: string[] }> = [
    ...layout.fields.map((f) => ({ map: doc.getMap(f.root), path: f.path ? [f.path] : [] })),
    ...layout.collections.map((c) => ({ map: doc.getMap(c.root), path: c.path.split('.') })),
  ];
  const observers = roots.map(({ map, path }) => {
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.local) return;
      const users = usersOf(doc);
      const me = personId();
      const found: Overwrite[] = [];
      for (const event of events) {
        if (!(event.target instanceof Y.Map)) continue;
        const target = event.target as Y.Map<unknown>;
        event.changes.keys.forEach((change, key) => {
          if (change.action !== 'update') return;
          const current = target._map.get(key);
          if (!current || current.deleted) return;
          // The item it pushed aside: the nearest earlier item of this key (deleted now).
          let previous = current.left;
          while (previous && !previous.deleted) previous = previous.left;
          if (!previous || users.getUserByClientId(previous.id.client) !== me) return;
          const sawMine = current.origin !== null && Y.compareIDs(current.origin, previous.id);
          if (sawMine) return;
          const writer = users.getUserByClientId(current.id.client);
          found.push({
            path: [...path, ...event.path.map(String), key],
            mine: plain(change.oldValue),
            theirs: plain(target.get(key)),
            by: writer ? (personNames(doc).get(writer) ?? null) : null,
            record: event.path.length > 0 ? recordName(map.get(String(event.path[0]))) : null,
          });
        });
      }
      if (found.length > 0) onOverwrites(found);
    };
    map.observeDeep(observer);
    return () => map.unobserveDeep(observer);
  });
  return () => observers.forEach((stop) => stop());
}

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.every((p, i) => path[i] === p);

/** The map that holds the field at `path` of a `kind` document, and the field's key; null when there is none. */
function fieldMap(
  kind: DocKind,
  doc: Y.Doc,
  path: readonly string[],
): { map: Y.Map<unknown>; key: string } | null {
  const layout = LAYOUT[kind];
  const roots = [
    ...layout.collections.map((c) => ({ root: c.root, prefix: c.path.split('.') })),
    ...layout.fields.filter((f) => f.path).map((f) => ({ root: f.root, prefix: [f.path] })),
    ...layout.fields
      .filter((f) => !f.path && f.keys?.includes(path[0] ?? ''))
      .map((f) => ({ root: f.root, prefix: [] })),
  ];
  const found = roots.find((r) => path.length > r.prefix.length && startsWith(path, r.prefix));
  if (!found) return null;
  let map: Y.Map<unknown> = doc.getMap(found.root);
  const rest = path.slice(found.prefix.length);
  for (const segment of rest.slice(0, -1)) {
    const next = map.get(segment);
    if (!(next instanceof Y.Map)) return null;
    map = next as Y.Map<unknown>;
  }
  return { map, key: rest[rest.length - 1]! };
}

/**
 * Writes `overwrite.mine` back into its field, as a new edit with `origin` (the person's undo origin: it can be
 * undone like any edit). Refused (false) when the field is gone (its record was deleted since) or holds a
 * shared type rather than a plain value (nested maps and texts are never reported, so never put back).
 */
export function putBackOverwrite(kind: DocKind, doc: Y.Doc, overwrite: Overwrite, origin: unknown): boolean {
  const field = fieldMap(kind, doc, overwrite.path);
  if (!field || !field.map.has(field.key) || field.map.get(field.key) instanceof Y.AbstractType) return false;
  if (overwrite.mine instanceof Y.AbstractType) return false;
  doc.transact(() => field.map.set(field.key, overwrite.mine), origin);
  return true;
}
