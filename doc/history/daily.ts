/**
 * The automatic daily version (history design §2): the first edit of a day on a device makes the version
 * `daily:<day>` of the document as it was just BEFORE that edit — so "since <day>" (the newest version at or
 * before the day's start) shows exactly the changes made on that day and after. Two devices making it at once
 * write the same key and converge to one; a device that finds it there writes nothing.
 *
 * An edit is a local transaction with an origin that is not bookkeeping (seed, upkeep, migration): a person's
 * intent or an editor binding's typing. Reading a version (`Y.createDocFromSnapshot` runs a transaction with
 * no origin), attribution bookkeeping (no origin either) and version writes (HISTORY_ORIGIN) never count.
 */
import * as Y from 'yjs';
import { LAYOUT, type DocKind } from '../layout.ts';
import { HISTORY_ORIGIN } from './origin.ts';
import { dailyVersionId, getVersion, saveVersion, type VersionAuthor } from './versions.ts';

export interface DailyOptions {
  /** Today as YYYY-MM-DD in the user's time zone. */
  today: () => string;
  /** Who makes it and when (called when it is made). */
  author: () => VersionAuthor;
  /** Origins that are bookkeeping, not edits (e.g. SEED_ORIGIN, UPKEEP_ORIGIN, MIGRATION_ORIGIN). */
  ignore: readonly unknown[];
  /** Name of a daily version for `day`, e.g. "Start of 3 Sep". */
  name: (day: string) => string;
  /** Only once the local copy has loaded (default: always). */
  enabled?: () => boolean;
}

/** Watch `doc` and make each day's version on its first edit; returns a stop function. */
export function trackDailyVersions(kind: DocKind, doc: Y.Doc, opts: DailyOptions): () => void {
  const ignore = new Set([...opts.ignore, HISTORY_ORIGIN]);
  const layout = LAYOUT[kind];
  const contentRoots = new Set<string>([
    ...layout.fields.map((f) => f.root),
    ...layout.collections.map((c) => c.root),
    ...layout.extra,
    ...layout.texts,
  ]);
  let pending: { day: string; snapshot: Y.Snapshot } | null = null;

  const isEdit = (tr: Y.Transaction) =>
    tr.local && tr.origin !== null && tr.origin !== undefined && !ignore.has(tr.origin);

  const before = (tr: Y.Transaction) => {
    if (pending || !isEdit(tr) || (opts.enabled && !opts.enabled())) return;
    if (!doc.getMap('meta').has('id')) return;
    const day = opts.today();
    if (getVersion(doc, dailyVersionId(day))) return;
    pending = { day, snapshot: Y.snapshot(doc) };
  };
  const after = (tr: Y.Transaction) => {
    if (!pending || !isEdit(tr)) return;
    const touched = [...tr.changed.keys()].some((type) => {
      let t = type;
      while (t._item) t = t._item.parent as typeof t;
      for (const [name, root] of doc.share) if (root === t) return contentRoots.has(name);
      return false;
    });
    const captured = pending;
    if (!touched) {
      pending = null;
      return;
    }
    // Written after this transaction has finished (never from inside its cleanup).
    queueMicrotask(() => {
      pending = null;
      saveVersion(doc, {
        ...opts.author(),
        id: dailyVersionId(captured.day),
        name: opts.name(captured.day),
        auto: 'daily',
        snapshot: captured.snapshot,
      });
    });
  };
  doc.on('beforeTransaction', before);
  doc.on('afterTransaction', after);
  return () => {
    doc.off('beforeTransaction', before);
    doc.off('afterTransaction', after);
  };
}
