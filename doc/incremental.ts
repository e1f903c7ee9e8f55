/**
 * The checked view of a document (`checkDocument(kind, readDocument(kind, doc))`), kept up to date record by
 * record. A cache holds, per record root (a collection, or the score sheet) and per record id, the record's
 * check result; each transaction re-reads and re-checks only the records it touched:
 *  - an event on a record root itself (`keysChanged`): records added, replaced or removed;
 *  - an event deeper down (`event.path[0]` is the record id): a field of that record, one of its nested
 *    Y.Maps/Y.Arrays (seven questions, signals, measurements), or a cell of a row of scores.
 * Everything else — meta, versions, the fields maps, plan texts — is the document-level "shell": small, and
 * re-read and re-checked whole when any of it changed. The result is the same value `checkDocument` gives
 * (test/integration/doc-incremental.test.ts checks it after every transaction of random edits); unchanged
 * records keep their identity from one result to the next, so a consumer can compare by reference.
 *
 * The results share records with each other and with the cache: treat them as read-only.
 */
import * as Y from 'yjs';
import {
  checkFailed,
  checkShell,
  finishCheck,
  notInitialised,
  recordRootChecks,
  type CheckResult,
  type CheckedRoot,
  type QuarantineEntry,
  type RecordCheck,
  type RecordRootCheck,
  type ShellCheck,
} from './check.ts';
import { toJson } from './json.ts';
import { LAYOUT, META, effectiveVersion, rootTypes, type DocKind } from './layout.ts';
import { getAt, objectAt, readDocument, setAt, sortKeys } from './read.ts';

export interface IncrementalCheck<K extends DocKind> {
  /** Bring the result up to date with the document and return it: incrementally, or whole when needed. */
  update(): CheckResult<K>;
  /** Whether the document changed (any of the kind's roots) since the last `update`/`invalidate`. */
  pending(): boolean;
  /** Whether the last `update` read everything (first time, after `invalidate`, or nothing to reuse). */
  lastWasFull(): boolean;
  /**
   * After an incremental `update`: per record root path, the ids re-read by it. Any other record of the
   * result is the very same object as in the previous result.
   */
  lastTouched(): ReadonlyMap<string, ReadonlySet<string>>;
  /** Forget the cache: the next `update` reads everything. Stops tracking records until then. */
  invalidate(): void;
  destroy(): void;
}

interface Slot {
  check: RecordRootCheck;
  map: Y.Map<unknown>;
  results: Map<string, RecordCheck>;
  /** Ids of `results` that have quarantine entries. */
  quarantined: Set<string>;
  /** Ids of `results`, sorted (what `sortKeys` gives); null after an id was added or removed. */
  keys: string[] | null;
  /** The root as `finishCheck` wants it; null when a record changed since. */
  checked: CheckedRoot | null;
  /** Record ids touched since the last update. */
  touched: Set<string>;
}

export function incrementalCheck<K extends DocKind>(kind: K, doc: Y.Doc): IncrementalCheck<K> {
  const layout = LAYOUT[kind];
  const slotRoots = new Map<string, string>([
    ...layout.collections.map((c) => [c.path, c.root] as const),
    ...layout.extra.map((e) => [e, e] as const),
  ]);
  const slots: Slot[] = recordRootChecks(kind).map((check) => ({
    check,
    map: doc.getMap(slotRoots.get(check.path)!),
    results: new Map(),
    quarantined: new Set(),
    keys: null,
    checked: null,
    touched: new Set(),
  }));
  const slotOf = new Map<unknown, Slot>(slots.map((s) => [s.map, s]));

  let cached = false;
  let pending = false;
  let shellDirty = true;
  let shell: ShellCheck | null = null;
  /** Null when the document has no meta (nothing to check). */
  let shellJson: Record<string, unknown> | null = null;
  /** Record roots whose records appear in a quarantined document-level value (plans: `strategy`). */
  let shellReads = new Set<Slot>();
  let full = true;
  let touched = new Map<string, Set<string>>();

  type Observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;
  const observers: [Y.Map<unknown> | Y.Text, Observer][] = [];
  for (const root of rootTypes(kind, doc)) {
    const slot = slotOf.get(root);
    const observer: Observer = slot
      ? (events) => {
          pending = true;
          if (!cached) return;
          for (const event of events) {
            // On the root itself: records added, replaced or removed. Deeper: path[0] is the record's id.
            if (event.target === root)
              for (const key of (event as Y.YMapEvent<unknown>).keysChanged) slot.touched.add(key);
            else slot.touched.add(String(event.path[0]));
          }
        }
      : () => {
          pending = true;
          shellDirty = true;
        };
    root.observeDeep(observer);
    observers.push([root, observer]);
  }

  const readRecord = (slot: Slot, key: string) => slot.check.check(key, sortedJson(slot.map.get(key)));

  const store = (slot: Slot, key: string, result: RecordCheck) => {
    if (!slot.results.has(key)) slot.keys = null;
    slot.results.set(key, result);
    if (result.quarantine.length) slot.quarantined.add(key);
    else slot.quarantined.delete(key);
  };

  const remove = (slot: Slot, key: string) => {
    if (slot.results.delete(key)) slot.keys = null;
    slot.quarantined.delete(key);
  };

  const readAll = () => {
    for (const slot of slots) {
      slot.results.clear();
      slot.quarantined.clear();
      slot.keys = null;
      slot.checked = null;
      slot.touched.clear();
      slot.map.forEach((value, key) => {
        // readDocument cannot see a record stored under `__proto__` (it would set the prototype).
        if (key === '__proto__') return;
        store(slot, key, slot.check.check(key, sortedJson(value)));
      });
    }
    shellDirty = true;
  };

  const refreshTouched = () => {
    touched = new Map();
    for (const slot of slots) {
      if (!slot.touched.size) continue;
      for (const key of slot.touched) {
        if (key === '__proto__') continue;
        if (slot.map.has(key)) store(slot, key, readRecord(slot, key));
        else remove(slot, key);
      }
      touched.set(slot.check.path, slot.touched);
      slot.touched = new Set();
      slot.checked = null;
      if (shellReads.has(slot)) shellDirty = true;
    }
  };

  const refreshShell = () => {
    shellJson = readShell(kind, doc, slots);
    if (!shellJson) {
      shell = null;
      shellReads = new Set();
      return;
    }
    // A quarantined document-level value is reported with everything under it. Only a value that holds
    // records (none can today: `strategy` is always an object) needs the whole document for that.
    const holdsRecords = (path: string, slot: Slot) =>
      path === '' || slot.check.path === path || slot.check.path.startsWith(`${path}.`);
    let whole: Record<string, unknown> | null = null;
    const rawAt = (path: string) =>
      slots.some((slot) => holdsRecords(path, slot))
        ? getAt((whole ??= readDocument(kind, doc)), path)
        : getAt(shellJson, path);
    shell = checkShell(kind, shellJson, rawAt);
    shellReads = new Set(slots.filter((slot) => shell!.groups.some((g) => holdsRecords(g, slot))));
  };

  const checkedRoot = (slot: Slot): CheckedRoot => {
    if (slot.checked) return slot.checked;
    slot.keys ??= [...slot.results.keys()].sort();
    const valid: Record<string, unknown> = {};
    for (const key of slot.keys) {
      const record = slot.results.get(key)!.valid;
      if (record !== undefined) valid[key] = record;
    }
    const quarantine: QuarantineEntry[] = [];
    if (slot.quarantined.size) {
      // The whole-document check reports records in the order of the (sorted) JSON object's keys.
      for (const key of objectKeyOrder([...slot.quarantined].sort()))
        for (const entry of slot.results.get(key)!.quarantine) quarantine.push(entry);
    }
    return (slot.checked = { valid, quarantine });
  };

  return {
    update() {
      try {
        full = !cached;
        touched = new Map();
        if (full) readAll();
        else refreshTouched();
        cached = true;
        pending = false;
        if (shellDirty) refreshShell();
        shellDirty = false;
        if (!shell) return notInitialised(shellJson);
        return finishCheck(kind, shell, slots.map(checkedRoot));
      } catch (error) {
        // Defensive, as checkDocument: never take the app down; start over next time.
        cached = false;
        return checkFailed(readDocument(kind, doc), error);
      }
    },
    pending: () => pending,
    lastWasFull: () => full,
    lastTouched: () => touched,
    invalidate() {
      cached = false;
      pending = false;
      for (const slot of slots) slot.touched.clear();
    },
    destroy() {
      for (const [root, observer] of observers) root.unobserveDeep(observer);
      observers.length = 0; // a second destroy has nothing left to remove
    },
  };
}

/**
 * `readDocument` without the records: every record root is `{}`. Same steps in the same order, so the
 * document-level values (and their key order) are exactly those of `readDocument`.
 */
function readShell(kind: DocKind, doc: Y.Doc, slots: readonly Slot[]): Record<string, unknown> | null {
  const meta = doc.getMap(META);
  if (!meta.has('id')) return null;
  const layout = LAYOUT[kind];
  const slotRoots = new Set(slots.map((s) => s.map));
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
  for (const c of layout.collections) setAt(out, c.path, {});
  for (const e of layout.extra) out[e] = slotRoots.has(doc.getMap(e)) ? {} : toJson(doc.getMap(e));
  for (const t of layout.texts) setAt(out, t, doc.getText(t).toString());
  return sortKeys(out);
}

/**
 * `sortKeys(toJson(value))` in one pass (a record is read this way on every change). Like it, it has no
 * `__proto__` keys: `toJson` assigns them, which sets the prototype instead, and `sortKeys` drops that.
 */
export function sortedJson(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const entries: [string, unknown][] = [];
    value.forEach((v, key) => {
      if (key !== '__proto__') entries.push([key, v]);
    });
    entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)); // what Array#sort does with the keys (no two are equal)
    const out: Record<string, unknown> = {};
    for (const [key, v] of entries) out[key] = sortedJson(v);
    return out;
  }
  if (value instanceof Y.Array) return value.toArray().map(sortedJson);
  if (value === null || typeof value !== 'object') return toJson(value);
  return sortKeys(toJson(value));
}

/** The order `Object.keys` gives for an object whose keys were inserted in `sorted` order. */
function objectKeyOrder(sorted: readonly string[]): string[] {
  const o: Record<string, true> = {};
  for (const key of sorted) o[key] = true;
  return Object.keys(o);
}
