/**
 * The backup file: every document of a workspace as JSON, and reading one back. Shared by the app's backup
 * (client/src/io/backup.ts, Data page) and the operator's `haard export` / `haard import` (server/backup/).
 *
 * The file: `{ format: 'haard-backup', version, exportedAt, workspace, documents? }`.
 *  - `workspace`: the workspace document JSON exactly as `readWorkspace` gives it (with its `schemaVersion`).
 *  - `documents` (version 2): the workspace's other documents by kind and id —
 *    `{ plan: { <id>: plan JSON }, meeting: { … }, tournament: { … } }` — each as `readDocument` gives it.
 *    Version 1 files (the workspace only) stay readable: they read with no documents.
 *  Neither carries history (the `versions` and `users` roots): a backup is the content; the store keeps the past.
 *
 * Reading a backup takes the same load path as every other source: each document is written into a scratch
 * Y.Doc (`importDocument`: migrations of older schema versions run), read back and checked (`checkDocument`).
 * A backup that is not JSON, not a Haard backup, from a newer format or schema version, or with any record
 * that fails the schema is refused with the list of what is wrong (paths like `relations.r1.revenue` or
 * `documents.plan.p1.goals.g1.target`) — nothing is changed.
 */
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '../core/model/common.ts';
import type { SchemaIssue } from '../core/model/issues.ts';
import type { WorkspaceDoc } from '../core/model/workspace.ts';
import { checkDocument } from './check.ts';
import { importDocument } from './import.ts';
import { isRecord } from './json.ts';
import type { DocJson, DocKind } from './layout.ts';
import { readDocument } from './read.ts';
import { issue, prefixIssues } from './result.ts';

export const BACKUP_FORMAT = 'haard-backup';
/** 1: the workspace only; 2: plus `documents` (plans, meeting boards, tournaments). */
export const BACKUP_VERSION = 2;

/** The kinds a backup carries besides the workspace. */
export const BACKUP_DOC_KINDS = ['plan', 'meeting', 'tournament'] as const;
export type BackupDocKind = (typeof BACKUP_DOC_KINDS)[number];

/** Documents by kind, then by id: the JSON of each. */
export type BackupDocuments = { [K in BackupDocKind]: Record<string, Record<string, unknown>> };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  workspace: Record<string, unknown>;
  documents?: BackupDocuments;
}

export const emptyDocuments = (): BackupDocuments => ({ plan: {}, meeting: {}, tournament: {} });

/**
 * A backup of `workspace` (and, when given, its other documents) made at `exportedAt` (ISO date-time). A
 * backup of the workspace alone stays version 1, which older versions of Haard read too.
 */
export function makeBackup(
  workspace: Record<string, unknown>,
  exportedAt: string,
  documents?: BackupDocuments,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: documents ? BACKUP_VERSION : 1,
    exportedAt,
    workspace,
    ...(documents ? { documents } : {}),
  };
}

/** The file's text: two-space indented JSON and a final newline. */
export const backupText = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** Why a backup is refused; the UI and the CLI have a message per code. */
export type BackupProblem =
  | { code: 'notJson'; detail: string }
  | { code: 'notBackup' }
  /** `documents` holds a kind this version does not know (a newer Haard's, or a damaged file). */
  | { code: 'unknownKind'; kind: string; known: readonly string[] }
  | { code: 'newerBackupVersion'; version: number; known: number }
  | { code: 'newerSchema'; version: number; known: number; path?: string }
  | { code: 'unreadable'; reason: { en: string; nl: string }; path?: string }
  | { code: 'invalid'; issues: SchemaIssue[] };

/** The valid documents of a backup, by kind and id (migrated to this version's schema). */
export type ReadDocuments = { [K in BackupDocKind]: Record<string, DocJson<K>> };

export type ReadBackup =
  | {
      ok: true;
      workspace: WorkspaceDoc;
      /** The file's format version: 1 holds the workspace only, 2 its other documents too. */
      version: number;
      /** Empty for a version 1 backup. */
      documents: ReadDocuments;
      exportedAt: string | null;
      /** Migrations that ran on the workspace. */
      migrated: string[];
    }
  | { ok: false; problem: BackupProblem };

type ReadOne<K extends DocKind> =
  { ok: true; value: DocJson<K>; migrated: string[] } | { ok: false; problem: BackupProblem };

/** One document through the import path: written into a scratch doc, migrated, read back and checked. */
function readOne<K extends DocKind>(kind: K, json: Record<string, unknown>, path: string): ReadOne<K> {
  const known = SCHEMA_VERSION[kind];
  const at = (issues: readonly SchemaIssue[]) => prefixIssues(path, issues);
  const where = path ? { path } : {};
  if (typeof json.schemaVersion === 'number' && json.schemaVersion > known)
    return { ok: false, problem: { code: 'newerSchema', version: json.schemaVersion, known, ...where } };
  const scratch = new Y.Doc({ gc: false });
  try {
    const imported = importDocument(kind, scratch, json);
    if (!imported.ok) return { ok: false, problem: { code: 'invalid', issues: at(imported.issues) } };
    const { load, quarantine } = imported.value;
    if (load.status === 'newerVersion')
      return { ok: false, problem: { code: 'newerSchema', version: load.version, known, ...where } };
    if (load.status !== 'ready')
      return { ok: false, problem: { code: 'unreadable', reason: load.reason, ...where } };
    const checked = checkDocument(kind, readDocument(kind, scratch));
    const issues = [
      ...quarantine,
      ...checked.quarantine.filter((q) => !quarantine.some((p) => p.path === q.path)),
    ].flatMap((q) => q.issues);
    if (issues.length || !checked.valid)
      return { ok: false, problem: { code: 'invalid', issues: at(issues) } };
    return { ok: true, value: checked.valid, migrated: load.applied };
  } finally {
    scratch.destroy();
  }
}

/** Reads a backup file's text: every document checked, all or nothing (see the module comment). */
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
  if (json.documents !== undefined && !isRecord(json.documents))
    return { ok: false, problem: { code: 'notBackup' } };

  const workspace = readOne('workspace', json.workspace, '');
  if (!workspace.ok) return workspace;
  const documents = emptyDocuments() as ReadDocuments;
  const issues: SchemaIssue[] = [];
  const given = (json.documents ?? {}) as Record<string, unknown>;
  for (const kind of Object.keys(given))
    if (!(BACKUP_DOC_KINDS as readonly string[]).includes(kind))
      return { ok: false, problem: { code: 'unknownKind', kind, known: BACKUP_DOC_KINDS } };
  for (const kind of BACKUP_DOC_KINDS) {
    const byId = given[kind];
    if (byId === undefined) continue;
    if (!isRecord(byId)) return { ok: false, problem: { code: 'notBackup' } };
    for (const [id, doc] of Object.entries(byId)) {
      const path = `documents.${kind}.${id}`;
      if (!isRecord(doc) || doc.id !== id) {
        issues.push(
          issue(
            `${path}.id`,
            'key_mismatch',
            `does not match the key it is stored under (${id})`,
            `komt niet overeen met de sleutel waaronder het staat (${id})`,
          ),
        );
        continue;
      }
      const read = readOne(kind, doc, path);
      if (read.ok) (documents[kind] as Record<string, unknown>)[id] = read.value;
      else if (read.problem.code === 'invalid') issues.push(...read.problem.issues);
      else return read;
    }
  }
  if (issues.length) return { ok: false, problem: { code: 'invalid', issues } };
  return {
    ok: true,
    workspace: workspace.value,
    version: json.version,
    documents,
    exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : null,
    migrated: workspace.migrated,
  };
}
