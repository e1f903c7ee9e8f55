/**
 * What changed between two views, as path patches for a store: `{ path: ['data', 'relations', 'r1'], value }`
 * sets (or, with `value` undefined, removes) one value. Records are compared by reference — the incremental
 * check keeps unchanged records identical between views — and everything else by value, so scoring one cell
 * gives one patch (`['data', 'scores', relationId]`). Applying the patches to a copy of the previous view
 * gives a value deep-equal to the next one (`applyPatches`; test/integration/doc-incremental.test.ts).
 */
import { recordRootChecks } from './check.ts';
import { deepEqual, isRecord } from './json.ts';
import type { DocKind } from './layout.ts';
import type { DocView } from './watch.ts';

export interface ViewPatch {
  /** Keys from the view's root: `['status']`, `['data', 'settings']`, `['data', 'strategy', 'benefits', 'b1']`. */
  path: readonly string[];
  /** The new value; undefined means the key is gone. Shared with the view: copy before handing it on. */
  value: unknown;
}

/** A tree of the kind's record roots: `{ relations: true, strategy: { benefits: true } }`. */
type RootTree = { [key: string]: RootTree | true };

const TREES = new Map<DocKind, RootTree>();
function rootTree(kind: DocKind): RootTree {
  let tree = TREES.get(kind);
  if (!tree) {
    tree = {};
    for (const { path } of recordRootChecks(kind)) {
      const keys = path.split('.');
      const last = keys.pop()!;
      let node = tree;
      for (const key of keys) node = (node[key] ??= {}) as RootTree;
      node[last] = true;
    }
    TREES.set(kind, tree);
  }
  return tree;
}

/**
 * Patches that turn `prev` into `next`; null when the whole view should be replaced (there was no data
 * before, or there is none now). `touched` (record root path → ids) may say which records can differ —
 * every other record must be the same object in both views — so that a root of 2,000 records is not
 * scanned for one change.
 */
export function viewPatches<K extends DocKind>(
  kind: K,
  prev: DocView<K>,
  next: DocView<K>,
  touched?: ReadonlyMap<string, ReadonlySet<string>>,
): ViewPatch[] | null {
  if (prev.data === null || next.data === null) return null;
  const patches: ViewPatch[] = [];
  if (prev.status !== next.status) patches.push({ path: ['status'], value: next.status });
  if (!deepEqual(prev.reason, next.reason)) patches.push({ path: ['reason'], value: next.reason });
  if (prev.quarantine !== next.quarantine && !deepEqual(prev.quarantine, next.quarantine))
    patches.push({ path: ['quarantine'], value: next.quarantine });
  diffObject(
    prev.data as unknown as Record<string, unknown>,
    next.data as unknown as Record<string, unknown>,
    ['data'],
    rootTree(kind),
    touched,
    patches,
  );
  return patches;
}

function diffObject(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
  path: string[],
  tree: RootTree,
  touched: ReadonlyMap<string, ReadonlySet<string>> | undefined,
  out: ViewPatch[],
): void {
  for (const key of unionKeys(prev, next)) {
    const a = own(prev, key);
    const b = own(next, key);
    if (a === b) continue;
    const sub = tree[key];
    const at = [...path, key];
    if (sub !== undefined && isRecord(a) && isRecord(b)) {
      if (sub === true) {
        const ids = touched?.get(at.slice(1).join('.'));
        diffRecords(a, b, ids ?? unionKeys(a, b), at, out);
      } else diffObject(a, b, at, sub, touched, out);
    } else if (!deepEqual(a, b)) out.push({ path: at, value: b });
  }
}

function diffRecords(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
  ids: Iterable<string>,
  path: string[],
  out: ViewPatch[],
): void {
  for (const id of ids) {
    const value = own(next, id);
    if (own(prev, id) !== value) out.push({ path: [...path, id], value });
  }
}

/** `o[key]` for own keys only (a record may be stored under `constructor`). */
const own = (o: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(o, key) ? o[key] : undefined;

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(b);
  for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) keys.push(key);
  return keys;
}

/**
 * Apply `patches` to a plain-object view in place (values are copied): what the Solid adapter does with
 * its store's path setters. For tests and for consumers without a store.
 */
export function applyPatches(target: Record<string, unknown>, patches: readonly ViewPatch[]): void {
  for (const { path, value } of patches) {
    let node = target;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1]!;
    if (value === undefined) delete node[last];
    else node[last] = structuredClone(value);
  }
}
