/**
 * Versioning. Every load path — IndexedDB, relay sync, a JSON import (backup) — calls `loadDocument`,
 * which runs the kind's named, numbered migrations up to the version this client knows.
 *
 * Writing a migration (`{ from: n, to: n + 1, name, up(doc) }`):
 *  - Two clients may run it concurrently; their edits are merged, not ordered. So `up` must be a pure
 *    function of the document's content: set keys to values derived only from the data, delete keys, visit
 *    records in sorted key order (never in Y.Map insertion order, which differs between replicas), and use
 *    no clock, randomness or fresh ids.
 *  - Concurrent runs from the SAME state write the very same Yjs items: the steps run under a client id
 *    derived from the state they start from (`migrationClientId`), so both runs create items with identical
 *    ids and content and Yjs keeps one — a nested Y.Text a migration creates (workspace 2 → 3) is then one
 *    text on every replica, never two copies ("notes notes") nor two rival texts. This is why `up` must be
 *    pure: the same ids with different content would make replicas diverge for good.
 *  - Concurrent runs from DIFFERENT states (one replica has an update the other lacks) write different items:
 *    a key both set ends up last-writer-wins, as any concurrent write. Never insert into an existing text or
 *    array (both runs' inserts would stay: duplicated content); create a nested type only where last-writer-
 *    wins between two copies with the same content loses nothing (see migrations/workspace.ts notesAsText).
 *  - Keep unknown keys: touch only what the migration is about.
 *  - `up` runs on a scratch copy first; only when every step succeeded is the result applied to the real
 *    document, as one update with MIGRATION_ORIGIN (never tracked by anyone's undo). A failing migration
 *    therefore writes nothing.
 *  - Progress is recorded in the grow-only `versions` map (version → migration name), so the version of
 *    a merged document is the max any client reached, whatever order `meta.schemaVersion` writes merge in.
 *
 * A document from a NEWER schema than this client knows is never migrated, written or downgraded: it is
 * reported as `newerVersion` and opened read-only.
 */
import * as Y from 'yjs';
import { KNOWN_VERSION, META, VERSIONS, effectiveVersion, type DocKind } from './layout.ts';
import type { LocalText } from './result.ts';
import { KIND_SPECS } from './kinds/index.ts';

export interface Migration {
  from: number;
  to: number;
  name: string;
  up(doc: Y.Doc): void;
}
export type MigrationTable = readonly Migration[];

/**
 * The migration tables, from each kind's spec (doc/kinds/<kind>.ts `migrations`; the workspace's are in
 * ./migrations/workspace.ts). Add `{ from: n, to: n + 1, … }` to the kind's table with its SCHEMA_VERSION bump.
 */
export const MIGRATIONS: Readonly<Record<DocKind, MigrationTable>> = {
  workspace: KIND_SPECS.workspace.migrations,
  plan: KIND_SPECS.plan.migrations,
  meeting: KIND_SPECS.meeting.migrations,
  tournament: KIND_SPECS.tournament.migrations,
};

export const MIGRATION_ORIGIN = Object.freeze({ name: 'haard:migration' });

export type LoadResult =
  | { status: 'ready'; version: number; applied: string[] }
  | { status: 'uninitialised'; reason: LocalText }
  | { status: 'newerVersion'; version: number; known: number; reason: LocalText }
  | { status: 'unreadable'; reason: LocalText };

export interface MigrateOptions {
  /** Defaults to MIGRATIONS[kind]; tests pass a synthetic table. */
  table?: MigrationTable;
  /** The version this client knows; defaults to SCHEMA_VERSION[kind]. */
  known?: number;
}

const KIND_NAMES: Record<DocKind, LocalText> = {
  workspace: KIND_SPECS.workspace.name,
  plan: KIND_SPECS.plan.name,
  meeting: KIND_SPECS.meeting.name,
  tournament: KIND_SPECS.tournament.name,
};

/** The status of a document without changing it. `ready` means: at exactly the known version. */
export function documentStatus(
  kind: DocKind,
  doc: Y.Doc,
  known: number = KNOWN_VERSION[kind],
): LoadResult | { status: 'needsMigration'; version: number } {
  const version = effectiveVersion(doc);
  if (version === null) {
    return {
      status: 'uninitialised',
      reason: {
        en: `This ${KIND_NAMES[kind].en} has no content yet: it is still loading, or it was never created.`,
        nl: `Dit ${KIND_NAMES[kind].nl} heeft nog geen inhoud: het wordt nog geladen, of het is nooit aangemaakt.`,
      },
    };
  }
  if (Number.isNaN(version)) {
    return {
      status: 'unreadable',
      reason: {
        en: `This ${KIND_NAMES[kind].en} has no readable schema version; nothing was changed.`,
        nl: `Dit ${KIND_NAMES[kind].nl} heeft geen leesbare schemaversie; er is niets veranderd.`,
      },
    };
  }
  if (version > known) {
    return {
      status: 'newerVersion',
      version,
      known,
      reason: {
        en:
          `This ${KIND_NAMES[kind].en} was saved by a newer version of Haard (schema ${version}; this app knows ${known}). ` +
          'It is open read-only and nothing is written to it: update the app to edit it.',
        nl:
          `Dit ${KIND_NAMES[kind].nl} is opgeslagen door een nieuwere versie van Haard (schema ${version}; deze app kent ${known}). ` +
          'Het is alleen te lezen en er wordt niets in opgeslagen: werk de app bij om het te bewerken.',
      },
    };
  }
  if (version < known) return { status: 'needsMigration', version };
  return { status: 'ready', version, applied: [] };
}

/** Check that `table` leads, one step at a time, from `fromVersion` to `known`; returns the steps or a reason. */
export function migrationPath(
  table: MigrationTable,
  fromVersion: number,
  known: number,
): { ok: true; steps: Migration[] } | { ok: false; reason: LocalText } {
  const steps: Migration[] = [];
  for (let v = fromVersion; v < known; v++) {
    const step = table.filter((m) => m.from === v);
    if (step.length !== 1 || step[0]!.to !== v + 1) {
      return {
        ok: false,
        reason: {
          en: `No single migration from schema ${v} to ${v + 1} (found ${step.length}); the document was left unchanged.`,
          nl: `Geen eenduidige migratie van schema ${v} naar ${v + 1} (${step.length} gevonden); het document is niet veranderd.`,
        },
      };
    }
    steps.push(step[0]!);
  }
  return { ok: true, steps };
}

/** Bring `doc` to the known version. Idempotent; safe to call on every load and after every remote update. */
export function migrate(kind: DocKind, doc: Y.Doc, opts: MigrateOptions = {}): LoadResult {
  const known = opts.known ?? KNOWN_VERSION[kind];
  const table = opts.table ?? MIGRATIONS[kind];
  const status = documentStatus(kind, doc, known);
  if (status.status === 'ready') {
    // Heal meta.schemaVersion if a concurrent write merged it below the recorded progress.
    if (doc.getMap(META).get('schemaVersion') !== status.version) {
      doc.transact(() => doc.getMap(META).set('schemaVersion', status.version), MIGRATION_ORIGIN);
    }
    return status;
  }
  if (status.status !== 'needsMigration') return status;

  const path = migrationPath(table, status.version, known);
  if (!path.ok) return { status: 'unreadable', reason: path.reason };

  // Dry run on a scratch copy: a throwing migration leaves the real document untouched.
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(scratch);
  scratch.clientID = migrationClientId(scratch, path.steps);
  const applied: string[] = [];
  try {
    scratch.transact(() => {
      for (const step of path.steps) {
        step.up(scratch);
        scratch.getMap(VERSIONS).set(String(step.to), step.name);
        scratch.getMap(META).set('schemaVersion', step.to);
        applied.push(step.name);
      }
    }, MIGRATION_ORIGIN);
  } catch (error) {
    scratch.destroy();
    const name = path.steps[applied.length]?.name ?? '?';
    const detail = error instanceof Error ? error.message : String(error);
    return {
      status: 'unreadable',
      reason: {
        en: `Migration "${name}" failed (${detail}); the document was left unchanged.`,
        nl: `Migratie "${name}" is mislukt (${detail}); het document is niet veranderd.`,
      },
    };
  }
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();
  Y.applyUpdate(doc, update, MIGRATION_ORIGIN);
  return { status: 'ready', version: known, applied };
}

/**
 * The Yjs client id a migration writes under: a 32-bit FNV-1a hash of the state it starts from (state vector
 * and delete set, both encoded in canonical order by Yjs) and the names of its steps. Two replicas with the
 * same content get the same id, so their runs create identical items (same ids, same content) that Yjs
 * merges into one. A replica with other content gets another id (a collision is as likely as two random
 * Yjs client ids colliding, 1 in 2^32). Never a client id already in the document.
 */
export function migrationClientId(doc: Y.Doc, steps: readonly Pick<Migration, 'name'>[]): number {
  const state = Y.encodeSnapshot(Y.snapshot(doc));
  const names = new TextEncoder().encode(steps.map((s) => s.name).join('|'));
  let hash = 0x811c9dc5;
  for (const bytes of [state, names]) {
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  const taken = Y.decodeStateVector(Y.encodeStateVector(doc));
  while (taken.has(hash)) hash = (hash + 1) >>> 0;
  return hash;
}

/**
 * Run `edit` on a scratch copy of `doc` under the client id `migrationClientId` gives for `name`, and apply
 * what it wrote to `doc` as one update with `origin`. Replicas that run the same deterministic edit from the
 * same state thus write identical items, which Yjs keeps once (a repair two clients make at once). Returns
 * whether anything was written. `edit` must be a pure function of the content (the rules above).
 */
export function deterministicEdit(
  doc: Y.Doc,
  name: string,
  edit: (scratch: Y.Doc) => void,
  origin: unknown,
): boolean {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(scratch);
  scratch.clientID = migrationClientId(scratch, [{ name }]);
  try {
    scratch.transact(() => edit(scratch), origin);
    if (!Y.snapshot(scratch).sv.has(scratch.clientID)) return false;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, before), origin);
    return true;
  } finally {
    scratch.destroy();
  }
}

/** The one entry every load path calls, after the local state (IndexedDB) or the first sync has arrived. */
export const loadDocument = (kind: DocKind, doc: Y.Doc, opts: MigrateOptions = {}): LoadResult =>
  migrate(kind, doc, opts);
