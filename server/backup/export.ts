/**
 * `haard export`: every document of a workspace, read from the store, as the backup JSON the app writes
 * (doc/backup.ts, version 2). Each document goes through the same load path as in the app — rebuilt from its
 * rows, migrated to this version's schema (in the scratch copy only; the store is never written) — and is
 * read as `readDocument` gives it, records that fail the schema included (an export loses nothing; `haard
 * import` refuses them by name).
 */
import type * as Y from 'yjs';
import {
  BACKUP_DOC_KINDS,
  emptyDocuments,
  makeBackup,
  type Backup,
  type BackupDocKind,
} from '../../doc/backup.ts';
import type { DocKind } from '../../doc/layout.ts';
import { loadDocument } from '../../doc/migrate.ts';
import { readDocument } from '../../doc/read.ts';
import type { StoreReader } from './storeReader.ts';

export type ExportResult =
  | { ok: true; backup: Backup; counts: Record<DocKind, number>; skipped: string[] }
  /** `missing`: no such workspace; `unreadable`: a stored document is damaged or from a newer Haard. */
  | { ok: false; code: 'missing' | 'unreadable'; message: string };

const isBackupKind = (kind: DocKind): kind is BackupDocKind =>
  (BACKUP_DOC_KINDS as readonly string[]).includes(kind);

/**
 * The backup of workspace `workspaceId` as the store holds it now (one consistent read), stamped `exportedAt`.
 * Rooms that were never initialised (no document meta) are listed in `skipped`, not exported.
 */
export function exportWorkspace(reader: StoreReader, workspaceId: string, exportedAt: string): ExportResult {
  return reader.snapshot((): ExportResult => {
    const rooms = reader.rooms(workspaceId);
    const own = rooms.find((r) => r.kind === 'workspace');
    if (own === undefined)
      return { ok: false, code: 'missing', message: `there is no workspace ${workspaceId} in the store` };
    const documents = emptyDocuments();
    const counts: Record<DocKind, number> = { workspace: 0, plan: 0, meeting: 0, tournament: 0 };
    const skipped: string[] = [];
    let workspace: Record<string, unknown> | null = null;
    for (const room of rooms) {
      let doc: Y.Doc;
      try {
        doc = reader.load(room.name);
      } catch (error) {
        return { ok: false, code: 'unreadable', message: (error as Error).message };
      }
      try {
        const load = loadDocument(room.kind, doc);
        if (load.status === 'uninitialised') {
          skipped.push(room.name);
          continue;
        }
        if (load.status !== 'ready')
          return { ok: false, code: 'unreadable', message: `${room.name}: ${load.reason.en}` };
        const json = readDocument(room.kind, doc)!;
        counts[room.kind]++;
        if (room.kind === 'workspace') workspace = json;
        else if (isBackupKind(room.kind)) documents[room.kind][room.docId] = json;
      } finally {
        doc.destroy();
      }
    }
    if (workspace === null)
      return { ok: false, code: 'missing', message: `the workspace ${workspaceId} was never initialised` };
    return { ok: true, backup: makeBackup(workspace, exportedAt, documents), counts, skipped };
  });
}
