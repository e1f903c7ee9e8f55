/**
 * Versioning. Every load path — IndexedDB, relay sync, a JSON import (backup) — calls `loadDocument`,
 * which runs the kind's named, numbered migrations up to the version this client knows.
 *
 * Writing a migration (`{ from: n, to: n + 1, name, up(doc) }`):
 *  - Two clients may run it concurrently on the same state; their edits are merged, not ordered. So `up`
 *    must be deterministic and idempotent as a CRDT edit: set keys to values derived only from the data
 *    (both clients then write the same value), delete keys, never append to arrays/texts, and never create
 *    a nested Y type that another client could create too (add new root types instead — roots merge).
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

/** The one entry every load path calls, after the local state (IndexedDB) or the first sync has arrived. */
export const loadDocument = (kind: DocKind, doc: Y.Doc, opts: MigrateOptions = {}): LoadResult =>
  migrate(kind, doc, opts);
