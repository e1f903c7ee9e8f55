/**
 * Full workspace backup as JSON, and reading one back.
 *
 * The file: `{ format: 'haard-backup', version: 1, exportedAt, workspace }` where `workspace` is the
 * workspace document JSON exactly as `readWorkspace` gives it (with its `schemaVersion`).
 *
 * Reading a backup takes the same load path as every other source: the JSON is written into a scratch
 * Y.Doc (`importDocument`: migrations of older schema versions run), read back and checked
 * (`checkDocument`). A backup that is not JSON, not a Haard backup, from a newer schema version, or with
 * any record that fails the schema is refused with the list of what is wrong — nothing is changed.
 * `diffBackup` then says what restoring it would add, change and remove.
 */
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '../../../core/model/common.ts';
import type { SchemaIssue } from '../../../core/model/issues.ts';
import type { WorkspaceDoc } from '../../../core/model/workspace.ts';
import { checkDocument } from '../../../doc/check.ts';
import { importDocument } from '../../../doc/import.ts';
import { deepEqual, isRecord } from '../../../doc/json.ts';
import { readWorkspace } from '../../../doc/read.ts';

export const BACKUP_FORMAT = 'haard-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  workspace: Record<string, unknown>;
}

export function makeBackup(workspace: Record<string, unknown>, exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, workspace };
}

export const backupText = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** Why a backup is refused; the UI has a message per code. */
export type BackupProblem =
  | { code: 'notJson'; detail: string }
  | { code: 'notBackup' }
  | { code: 'newerBackupVersion'; version: number; known: number }
  | { code: 'newerSchema'; version: number; known: number }
  | { code: 'unreadable'; reason: { en: string; nl: string } }
  | { code: 'invalid'; issues: SchemaIssue[] };

export type ReadBackup =
  | { ok: true; workspace: WorkspaceDoc; exportedAt: string | null; migrated: string[] }
  | { ok: false; problem: BackupProblem };

export function readBackup(text: string): ReadBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'notJson', detail: error instanceof Error ? error.message : String(error) },
    };
  }
  if (!isRecord(json) || json.format !== BACKUP_FORMAT || !isRecord(json.workspace))
    return { ok: false, problem: { code: 'notBackup' } };
  if (typeof json.version !== 'number' || json.version > BACKUP_VERSION)
    return {
      ok: false,
      problem: { code: 'newerBackupVersion', version: Number(json.version), known: BACKUP_VERSION },
    };
  const ws = json.workspace;
  const known = SCHEMA_VERSION.workspace;
  if (typeof ws.schemaVersion === 'number' && ws.schemaVersion > known)
    return { ok: false, problem: { code: 'newerSchema', version: ws.schemaVersion, known } };

  const scratch = new Y.Doc();
  try {
    const imported = importDocument('workspace', scratch, ws);
    if (!imported.ok) return { ok: false, problem: { code: 'invalid', issues: imported.issues } };
    const { load, quarantine } = imported.value;
    if (load.status === 'newerVersion')
      return { ok: false, problem: { code: 'newerSchema', version: load.version, known } };
    if (load.status !== 'ready') return { ok: false, problem: { code: 'unreadable', reason: load.reason } };
    const checked = checkDocument('workspace', readWorkspace(scratch));
    const issues = [
      ...quarantine,
      ...checked.quarantine.filter((q) => !quarantine.some((p) => p.path === q.path)),
    ].flatMap((q) => q.issues);
    if (issues.length || !checked.valid) return { ok: false, problem: { code: 'invalid', issues } };
    return {
      ok: true,
      workspace: checked.valid,
      exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : null,
      migrated: load.applied,
    };
  } finally {
    scratch.destroy();
  }
}

export const COLLECTIONS = ['relations', 'contacts', 'professionals', 'criteria', 'contactLog'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export interface ChangeCount {
  added: number;
  changed: number;
  removed: number;
}

export interface BackupDiff {
  collections: Record<CollectionName, ChangeCount>;
  /** Score cells that are added, changed or removed. */
  scores: ChangeCount;
  /** Settings keys whose value differs. */
  settings: string[];
  /** The backup is of another workspace (its id differs). */
  otherWorkspace: boolean;
  /** Nothing would change. */
  same: boolean;
}

function count(current: Record<string, unknown>, next: Record<string, unknown>): ChangeCount {
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const [id, v] of Object.entries(next)) {
    if (!(id in current)) added++;
    else if (!deepEqual(current[id], v)) changed++;
  }
  for (const id of Object.keys(current)) if (!(id in next)) removed++;
  return { added, changed, removed };
}

/** What restoring `next` over `current` would do. */
export function diffBackup(current: WorkspaceDoc, next: WorkspaceDoc): BackupDiff {
  const collections = Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      count(current[c] as Record<string, unknown>, next[c] as Record<string, unknown>),
    ]),
  ) as Record<CollectionName, ChangeCount>;
  const cells = (s: WorkspaceDoc['scores']) =>
    Object.fromEntries(
      Object.entries(s).flatMap(([r, row]) => Object.entries(row).map(([c, v]) => [`${r}/${c}`, v] as const)),
    );
  const scores = count(cells(current.scores), cells(next.scores));
  const keys = new Set([...Object.keys(current.settings), ...Object.keys(next.settings)]);
  // The name stays the workspace's own on restore (restoreBackup), so it is no change.
  const settings = [...keys]
    .filter((k) => k !== 'name' && !deepEqual(current.settings[k], next.settings[k]))
    .sort();
  const same =
    settings.length === 0 &&
    [...Object.values(collections), scores].every((c) => c.added + c.changed + c.removed === 0);
  return { collections, scores, settings, otherWorkspace: current.id !== next.id, same };
}
