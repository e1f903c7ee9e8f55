/**
 * Who and when for each change between two states of a Yjs document (history design §3): the bridge from
 * Yjs items to core/history's `Attribute`.
 *
 * Between snapshot `from` and `to` (null = now), a value that appeared is attributed to the person whose Yjs
 * client created the item holding it (`PermanentUserData.getUserByClientId`); a value that went away, to the
 * person whose delete set holds the item (`getUserByDeletedId`). For a text (or a nested list or map), every
 * item inserted or deleted in between counts. "When" is read off the versions: a change happened at or after
 * the newest version that does not contain it yet (`Attribution.since`), so daily versions give the day.
 * Needs a document without garbage collection (deleted items keep their ids and content).
 */
import * as Y from 'yjs';
import type { Attribute, Attribution, ChangeRef } from '../../core/history/index.ts';
import { LAYOUT, type DocKind } from '../layout.ts';
import { usersOf } from './users.ts';
import { versionSnapshot, type DocVersion } from './versions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type (map, text, array)
type AnyType = Y.AbstractType<any>;

const visible = (item: Y.Item, snap: Y.Snapshot | null): boolean =>
  snap === null
    ? !item.deleted
    : (snap.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snap.ds, item.id);

/** The item that holds `key` of `map` in `snap` (walking back through overwritten values), or null. */
function itemAt(map: AnyType, key: string, snap: Y.Snapshot | null): Y.Item | null {
  for (let item = map._map.get(key) ?? null; item; item = item.left) {
    if (visible(item, snap)) return item;
  }
  return null;
}

/** The newest item of `key` that ever existed (for a record that is gone now). */
const lastItem = (map: AnyType, key: string): Y.Item | null => map._map.get(key) ?? null;

const DECODED = new Map<string, Y.Snapshot>();
function decoded(v: DocVersion): Y.Snapshot {
  const key = `${v.id}|${v.at}|${v.snapshot.length}`;
  let snap = DECODED.get(key);
  if (!snap) {
    if (DECODED.size > 4000) DECODED.clear();
    snap = versionSnapshot(v);
    DECODED.set(key, snap);
  }
  return snap;
}

export interface AttributeOptions {
  from: Y.Snapshot;
  /** null: the document now. */
  to: Y.Snapshot | null;
  /** The document's versions, oldest first (readVersions). */
  versions: readonly DocVersion[];
}

/** An `Attribute` for changes of `doc` (kind `kind`) between `opts.from` and `opts.to`. */
export function createAttribute(kind: DocKind, doc: Y.Doc, opts: AttributeOptions): Attribute {
  const users = usersOf(doc);
  const layout = LAYOUT[kind];
  const versions = opts.versions.map((v) => ({ at: v.at, snap: decoded(v) }));

  /** The `at` of the newest version before the first one for which `contains` holds (binary search). */
  const sinceWhen = (contains: (snap: Y.Snapshot) => boolean): string | null => {
    let lo = 0;
    let hi = versions.length; // first index that contains it, or length
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (contains(versions[mid]!.snap)) hi = mid;
      else lo = mid + 1;
    }
    return lo === 0 ? null : versions[lo - 1]!.at;
  };
  const created = (item: Y.Item): Attribution => {
    const by = users.getUserByClientId(item.id.client) as string | null;
    return {
      by: by ? [by] : [],
      since: sinceWhen((s) => (s.sv.get(item.id.client) ?? 0) > item.id.clock),
    };
  };
  const deleted = (item: Y.Item): Attribution => {
    const by = users.getUserByDeletedId(item.id) as string | null;
    return { by: by ? [by] : [], since: sinceWhen((s) => Y.isDeleted(s.ds, item.id)) };
  };
  const merge = (list: Attribution[]): Attribution => {
    const by = [...new Set(list.flatMap((a) => a.by))];
    const since = list.reduce<string | null>(
      (m, a) => (a.since !== null && (m === null || a.since > m) ? a.since : m),
      null,
    );
    return { by, since };
  };

  /** Every item inserted or deleted inside `type` between from and to. */
  const within = (type: AnyType): Attribution => {
    const found: Attribution[] = [];
    const look = (item: Y.Item) => {
      const inA = visible(item, opts.from);
      const inB = visible(item, opts.to);
      if (inB && !inA) found.push(created(item));
      else if (inA && !inB) found.push(deleted(item));
    };
    for (let n = type._start; n; n = n.right) look(n);
    for (const last of type._map.values()) for (let n: Y.Item | null = last; n; n = n.left) look(n);
    return merge(found);
  };

  /** Who set or removed `key` of `map` between from and to (or changed inside it, for a nested type). */
  const keyChange = (map: AnyType, key: string): Attribution => {
    const a = itemAt(map, key, opts.from);
    const b = itemAt(map, key, opts.to);
    if (b && b !== a) return created(b);
    if (a && !b) return deleted(a);
    const content = b?.content;
    if (content instanceof Y.ContentType) return within(content.type as AnyType);
    return { by: [], since: null };
  };

  /** The record's Y.Map: as it is in `to`, else as it was in `from`, else the last there ever was. */
  const recordType = (root: AnyType, id: string): AnyType | null => {
    const item = itemAt(root, id, opts.to) ?? itemAt(root, id, opts.from) ?? lastItem(root, id);
    return item?.content instanceof Y.ContentType ? (item.content.type as AnyType) : null;
  };

  const rootOfCollection = (path: string) => layout.collections.find((c) => c.path === path)?.root;
  const docFieldSlot = (path: string): { root: string; key: string } | null => {
    for (const f of layout.fields) {
      if (!f.path && f.keys?.includes(path)) return { root: f.root, key: path };
      if (f.path && path.startsWith(`${f.path}.`))
        return { root: f.root, key: path.slice(f.path.length + 1) };
    }
    return null;
  };

  return (ref: ChangeRef): Attribution => {
    switch (ref.at) {
      case 'record': {
        const root = rootOfCollection(ref.collection);
        return root ? keyChange(doc.getMap(root), ref.id) : { by: [], since: null };
      }
      case 'field': {
        const root = rootOfCollection(ref.collection);
        const record = root ? recordType(doc.getMap(root), ref.id) : null;
        return record ? keyChange(record, ref.field) : { by: [], since: null };
      }
      case 'docField': {
        const slot = docFieldSlot(ref.path);
        return slot ? keyChange(doc.getMap(slot.root), slot.key) : { by: [], since: null };
      }
      case 'text':
        return within(doc.getText(ref.path));
      case 'score': {
        const rootName = layout.extra[0];
        const row = rootName ? recordType(doc.getMap(rootName), ref.relationId) : null;
        return row ? keyChange(row, ref.criterionId) : { by: [], since: null };
      }
    }
  };
}
