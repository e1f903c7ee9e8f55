/**
 * `haard import`: a backup brought into a workspace as edits, by the app's restore rules. All or nothing up to
 * delivery: the whole file is read and checked first (doc/backup.ts `readBackup`: schema, migrations, a clear
 * issue naming each wrong record), then every document's edits are computed against its current stored state
 * (a document the workspace lacks is created from the backup; one it has is made equal to the backup with
 * `restoreBackup` / `restoreDocument`, keeping its own id, creation date and — for the workspace — name).
 * Only when every document's edits are ready is anything delivered (`deliver`), the workspace's own document
 * last, so its plan and tournament cards never point at documents that are not there yet.
 *
 * An index card whose document is neither in the file nor in the workspace is left out (and named), never
 * restored as a dead card (doc/backupApply.ts). Documents from the backup take the target workspace's id (`workspaceId` of plans, boards, tournaments).
 * Importing the same file twice changes nothing the second time (the edits are differences).
 */
import * as Y from 'yjs';
import type { SchemaIssue } from '../../core/model/issues.ts';
import { readBackup, type BackupProblem } from '../../doc/backup.ts';
import {
  applyBackupDocument,
  hasDocument,
  restoreTargets,
  type RestoreTargets,
} from '../../doc/backupApply.ts';
import type { DocKind } from '../../doc/layout.ts';
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
  | {
      ok: true;
      edits: RoomEdit[];
      unchanged: number;
      /** Index cards left out: their document is neither in the backup nor in the workspace. */
      leftOut: RestoreTargets['leftOut'];
    }
  /** `input`: the file is wrong (exit 2); `domain`: the target refuses it (exit 1). */
  | { ok: false; code: 'input' | 'domain'; message: string };

/** Loads a room's current state (a fresh `gc: false` Y.Doc the caller may change and destroy). */
export type LoadRoom = (room: string) => Y.Doc;

/**
 * Computes every document's edits for importing backup `text` into workspace `workspaceId`; writes nothing.
 * Targets and the rule for index cards without their document: doc/backupApply.ts `restoreTargets`.
 */
export function planImport(text: string, workspaceId: string, load: LoadRoom): ImportPlan {
  const read = readBackup(text);
  if (!read.ok) return { ok: false, code: 'input', message: problemText(read.problem) };
  const exists = (kind: DocKind, id: string) => {
    const doc = load(roomName(workspaceId, kind, id));
    try {
      return hasDocument(doc);
    } finally {
      doc.destroy();
    }
  };
  const { targets, leftOut } = restoreTargets(read, workspaceId, exists);

  const edits: RoomEdit[] = [];
  let unchanged = 0;
  for (const target of targets) {
    const room = roomName(workspaceId, target.kind, target.id);
    const doc = load(room);
    try {
      const before = Y.encodeStateVector(doc);
      const applied = applyBackupDocument(target.kind, doc, target.json);
      if (!applied.ok)
        return {
          ok: false,
          code: 'domain',
          message: `${room}: ${applied.issues ? issuesText(applied.issues) : applied.message.en}`,
        };
      if (!applied.changed) unchanged++;
      else
        edits.push({
          room,
          kind: target.kind,
          created: applied.created,
          update: Y.encodeStateAsUpdate(doc, before),
        });
    } finally {
      doc.destroy();
    }
  }
  return { ok: true, edits, unchanged, leftOut };
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
    case 'unknownKind':
      return `documents.${problem.kind} is a kind of document this Haard does not know (it knows ${problem.known.join(', ')}): update Haard`;
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
