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
import { valueAt, type KeyValue } from './readAt.ts';
import { usersOf } from './users.ts';
import { versionSnapshot, type DocVersion } from './versions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type (map, text, array)
type AnyType = Y.AbstractType<any>;

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
  // Decoded on demand: a lookup touches ~log2(n) of them (binary search), not all n.
  const versions = opts.versions.map((v) => ({
    at: v.at,
    get snap() {
      return decoded(v);
    },
  }));

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
  const created = (id: Y.ID): Attribution => {
    const by = users.getUserByClientId(id.client) as string | null;
    return { by: by ? [by] : [], since: sinceWhen((s) => (s.sv.get(id.client) ?? 0) > id.clock) };
  };
  const deleted = (id: Y.ID): Attribution => {
    const by = users.getUserByDeletedId(id) as string | null;
    return { by: by ? [by] : [], since: sinceWhen((s) => Y.isDeleted(s.ds, id)) };
  };
  const visible = (id: Y.ID, snap: Y.Snapshot | null, item: Y.Item) =>
    snap === null ? !item.deleted : (snap.sv.get(id.client) ?? 0) > id.clock && !Y.isDeleted(snap.ds, id);
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
    // An item may hold a run of one client's characters: its first and last ones stand for the run.
    const look = (item: Y.Item) => {
      const ends = [item.id, Y.createID(item.id.client, item.id.clock + item.length - 1)];
      for (const id of item.length > 1 ? ends : [item.id]) {
        const inA = visible(id, opts.from, item);
        const inB = visible(id, opts.to, item);
        if (inB && !inA) found.push(created(id));
        else if (inA && !inB) found.push(deleted(id));
      }
    };
    for (let n = type._start; n; n = n.right) look(n);
    for (const last of type._map.values()) for (let n: Y.Item | null = last; n; n = n.left) look(n);
    return merge(found);
  };

  /** Who set or removed `key` of `map` between from and to (or changed inside it, for a nested type). */
  const keyChange = (map: AnyType, key: string): Attribution => {
    const a = valueAt(map, key, opts.from);
    const b = valueAt(map, key, opts.to);
    const same = (x: KeyValue, y: KeyValue) => x.id.client === y.id.client && x.id.clock === y.id.clock;
    if (b && (!a || !same(a, b))) return created(b.id);
    if (a && !b) return deleted(a.id);
    const content = b?.item.content;
    if (content instanceof Y.ContentType) return within(content.type as AnyType);
    return { by: [], since: null };
  };

  /** The record's Y.Map: as it is in `to`, else as it was in `from`, else the last there ever was. */
  const recordType = (root: AnyType, id: string): AnyType | null => {
    const item = (valueAt(root, id, opts.to) ?? valueAt(root, id, opts.from))?.item ?? lastItem(root, id);
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
