/**
 * `haard import`: a backup brought into a workspace as edits, by the app's restore rules. All or nothing up to
 * delivery: the whole file is read and checked first (doc/backup.ts `readBackup`: schema, migrations, a clear
 * issue naming each wrong record), then every document's edits are computed against its current stored state
 * (a document the workspace lacks is created from the backup; one it has is made equal to the backup with
 * `restoreBackup` / `restoreDocument`, keeping its own id, creation date and — for the workspace — name).
 * Only when every document's edits are ready is anything delivered (`deliver`), the workspace's own document
 * last, so its plan and tournament cards never point at documents that are not there yet.
 *
 * Documents from the backup take the target workspace's id (`workspaceId` of plans, boards, tournaments).
 * Importing the same file twice changes nothing the second time (the edits are differences).
 */
import * as Y from 'yjs';
import type { SchemaIssue } from '../../core/model/issues.ts';
import { BACKUP_DOC_KINDS, readBackup, type BackupProblem } from '../../doc/backup.ts';
import { workspaceIntents } from '../../doc/intents/workspace.ts';
import type { DocKind } from '../../doc/layout.ts';
import { loadDocument } from '../../doc/migrate.ts';
import { IMPORT_ORIGIN, restoreDocument } from '../../doc/restore.ts';
import { writeDocument } from '../../doc/write.ts';
import { roomName } from '../../protocol/rooms.ts';

/** One document's edits, ready to deliver: a Yjs update against the room's stored state. */
export interface RoomEdit {
  room: string;
  kind: DocKind;
  /** True when the room held no document before (it is created). */
  created: boolean;
  update: Uint8Array;
}

export type ImportPlan =
  | { ok: true; edits: RoomEdit[]; unchanged: number }
  /** `input`: the file is wrong (exit 2); `domain`: the target refuses it (exit 1). */
  | { ok: false; code: 'input' | 'domain'; message: string };

/** Loads a room's current state (a fresh `gc: false` Y.Doc the caller may change and destroy). */
export type LoadRoom = (room: string) => Y.Doc;

/** Computes every document's edits for importing backup `text` into workspace `workspaceId`; writes nothing. */
export function planImport(text: string, workspaceId: string, load: LoadRoom): ImportPlan {
  const read = readBackup(text);
  if (!read.ok) return { ok: false, code: 'input', message: problemText(read.problem) };
  const targets: { kind: DocKind; id: string; json: Record<string, unknown> }[] = [];
  for (const kind of BACKUP_DOC_KINDS)
    for (const [id, json] of Object.entries(read.documents[kind]))
      targets.push({ kind, id, json: { ...(json as unknown as Record<string, unknown>), workspaceId } });
  targets.push({
    kind: 'workspace',
    id: workspaceId,
    json: { ...(read.workspace as unknown as Record<string, unknown>), id: workspaceId },
  });

  const edits: RoomEdit[] = [];
  let unchanged = 0;
  for (const target of targets) {
    const room = roomName(workspaceId, target.kind, target.id);
    const doc = load(room);
    try {
      const edit = editOf(target.kind, doc, target.json);
      if (!edit.ok) return { ok: false, code: 'domain', message: `${room}: ${edit.message}` };
      if (edit.update === null) unchanged++;
      else edits.push({ room, kind: target.kind, created: edit.created, update: edit.update });
    } finally {
      doc.destroy();
    }
  }
  return { ok: true, edits, unchanged };
}

type Edit = { ok: true; created: boolean; update: Uint8Array | null } | { ok: false; message: string };

/** Makes `doc` (a room's stored state) equal to `json` and returns the update that does it (null: no change). */
function editOf(kind: DocKind, doc: Y.Doc, json: Record<string, unknown>): Edit {
  const before = Y.encodeStateVector(doc);
  let changed = false;
  const onUpdate = () => (changed = true);
  doc.on('update', onUpdate);
  const created = doc.getMap('meta').get('id') === undefined;
  if (created) {
    const written = writeDocument(kind, doc, json, IMPORT_ORIGIN);
    if (!written.ok) return { ok: false, message: issuesText(written.issues) };
  }
  const load = loadDocument(kind, doc);
  if (load.status !== 'ready') return { ok: false, message: load.reason.en };
  if (!created) {
    const restored =
      kind === 'workspace'
        ? workspaceIntents(doc, { origin: IMPORT_ORIGIN, now: () => new Date().toISOString() }).restoreBackup(
            json as never,
          )
        : restoreDocument(kind, doc, json);
    if (!restored.ok) return { ok: false, message: issuesText(restored.issues) };
  }
  doc.off('update', onUpdate);
  return { ok: true, created, update: changed ? Y.encodeStateAsUpdate(doc, before) : null };
}

/** One line naming the first wrong record (and how many more there are). */
export function issuesText(issues: readonly SchemaIssue[]): string {
  const [first] = issues;
  if (first === undefined) return 'the backup cannot be read';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first.path || 'the document'}: ${first.message}${more}`;
}

function problemText(problem: BackupProblem): string {
  switch (problem.code) {
    case 'notJson':
      return `it is not JSON: ${problem.detail}`;
    case 'notBackup':
      return 'it is not a Haard backup (no "format": "haard-backup" with a workspace)';
    case 'newerBackupVersion':
      return `it is a backup of format ${problem.version}; this Haard reads up to ${problem.known}: update Haard`;
    case 'newerSchema':
      return `${problem.path ?? 'the workspace'} comes from a newer Haard (schema ${problem.version}; this one knows ${problem.known}): update Haard`;
    case 'unreadable':
      return `${problem.path ?? 'the workspace'}: ${problem.reason.en}`;
    case 'invalid':
      return `record ${issuesText(problem.issues)}`;
  }
}
