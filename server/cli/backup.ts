/**
 * `haard export` and `haard import`: an operator's backups of workspaces, while the server runs or not.
 *
 * Export reads the store read-only (SQLite WAL: the running relay keeps writing; one read transaction gives
 * one consistent state) and writes the app's backup JSON (doc/backup.ts). Import computes every edit first
 * (server/backup/import.ts: checked, all or nothing), then delivers them:
 *  - a server holds the data directory (its lock names its URL): through that relay, as an editor client
 *    over its WebSocket — so the relay stores and broadcasts the edits to every connected browser exactly as
 *    a colleague's; writing the SQLite file behind a running relay would reach no browser, and the relay's
 *    live copy would not know the rows;
 *  - no server: straight into the store, holding the data directory's lock so no server starts meanwhile.
 * Exit codes: 0 done; 1 the store or the workspace refuses (damaged or newer data, unreachable server);
 * 2 bad input (arguments, a file that is not a valid backup — the line names the wrong record).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupText } from '../../doc/backup.ts';
import { isRoomSegment } from '../../protocol/rooms.ts';
import { createToken } from '../auth/token.ts';
import { loadOrCreateSecret } from '../auth/secret.ts';
import { exportWorkspace } from '../backup/export.ts';
import { planImport, type RoomEdit } from '../backup/import.ts';
import { deliverThroughRelay } from '../backup/relayDelivery.ts';
import { openStoreReader, type StoreReader } from '../backup/storeReader.ts';
import type { Io, Values } from '../cli.ts';
import { lockDataDir, runningServer } from '../store/dataDirLock.ts';
import { openRoomStore } from '../store/roomStore.ts';
import { listIds, storedWorkspaces } from './storedWorkspaces.ts';
import { dataDirOf } from './token.ts';

const fail = (io: Io, code: 1 | 2, message: string): 1 | 2 => {
  io.err(`haard: ${message}`);
  return code;
};

/** Writes `text` to `file` through a temporary file and a rename: a reader never sees half a backup. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

const countsText = (counts: Record<string, number>): string =>
  `${counts.workspace} workspace, ${counts.plan} plan(s), ${counts.meeting} meeting board(s), ${counts.tournament} tournament(s)`;

/** `haard export --workspace ID [--out FILE]` | `haard export --all --out DIR`. */
export function exportCommand(values: Values, io: Io): number {
  const workspaceId = values.workspace?.trim();
  if (values.all && workspaceId) return fail(io, 2, 'give either --workspace ID or --all, not both');
  if (!values.all && !workspaceId) return fail(io, 2, 'give --workspace ID or --all (see haard --help)');
  if (values.all && !values.out) return fail(io, 2, '--all needs --out DIR (one file per workspace)');
  if (workspaceId && !isRoomSegment(workspaceId))
    return fail(io, 2, `--workspace must be 1–200 characters of A–Z a–z 0–9 _ -, got "${workspaceId}"`);
  const dataDir = resolve(dataDirOf(values));
  let reader: StoreReader;
  try {
    reader = openStoreReader(dataDir);
  } catch (error) {
    return fail(io, 2, `cannot read the store: ${(error as Error).message}`);
  }
  try {
    const exportedAt = new Date().toISOString();
    const ids = values.all ? reader.workspaces() : [workspaceId!];
    for (const id of ids) {
      const result = exportWorkspace(reader, id, exportedAt);
      if (!result.ok) return fail(io, result.code === 'missing' ? 2 : 1, result.message);
      const text = backupText(result.backup);
      if (!values.out) {
        io.out(text);
        continue;
      }
      const file = values.all ? join(resolve(values.out), `${id}.json`) : resolve(values.out);
      writeAtomically(file, text);
      const skipped = result.skipped.length
        ? `; ${result.skipped.length} never-initialised room(s) skipped`
        : '';
      io.out(`exported ${id}: ${countsText(result.counts)} → ${file}${skipped}`);
    }
    if (values.all) io.out(`${ids.length} workspace(s) exported to ${resolve(values.out!)}`);
    return 0;
  } finally {
    reader.close();
  }
}

/** `haard import FILE --workspace ID [--create]`: --create allows a workspace the store does not hold yet. */
export async function importCommand(files: string[], values: Values, io: Io): Promise<number> {
  const workspaceId = values.workspace?.trim();
  if (files.length !== 1) return fail(io, 2, 'give exactly one backup FILE (see haard --help)');
  if (!workspaceId) return fail(io, 2, '--workspace ID is required');
  if (!isRoomSegment(workspaceId))
    return fail(io, 2, `--workspace must be 1–200 characters of A–Z a–z 0–9 _ -, got "${workspaceId}"`);
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return fail(
      io,
      2,
      `cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : (e.code ?? e.message)}`,
    );
  }
  const dataDir = resolve(dataDirOf(values));
  // A workspace id the store lacks is a typo far more often than a wish: the import would make a workspace
  // nobody can reach (no invite names it). It is made only when asked for.
  const stored = storedWorkspaces(dataDir) ?? [];
  if (!values.create && !stored.includes(workspaceId))
    return fail(
      io,
      2,
      `the store in ${dataDir} holds no workspace "${workspaceId}" (it holds: ${listIds(stored)}); ` +
        'add --create to make it',
    );
  mkdirSync(dataDir, { recursive: true });

  // No server: hold the data directory so none starts while the store is written.
  let lock: ReturnType<typeof lockDataDir> | null;
  try {
    lock = lockDataDir(dataDir);
  } catch {
    lock = null; // a server holds it: go through that server
  }
  try {
    let deliver: (edit: RoomEdit) => Promise<void>;
    let where: string;
    let close = async () => {};
    if (lock !== null) {
      const store = openRoomStore({ dataDir });
      close = () => store.close();
      deliver = async (edit) => void (await store.append(edit.room, [edit.update]));
      where = `into the store in ${dataDir} (no server running)`;
    } else {
      const server = runningServer(dataDir);
      if (server === null) return fail(io, 1, `the data directory ${dataDir} is locked; try again`);
      if (server.url === null)
        return fail(
          io,
          1,
          `the server (process ${server.pid} on ${server.host}) has not said where it listens yet; try again`,
        );
      const token = createToken(
        { workspaceId, role: 'editor', expiresAt: new Date(Date.now() + 3_600_000) },
        loadOrCreateSecret(dataDir, process.env),
      );
      const url = server.url;
      deliver = (edit) => deliverThroughRelay(url, token, edit.room, edit.update);
      where = `through the running server at ${url}`;
    }
    try {
      let reader: StoreReader;
      try {
        reader = openStoreReader(dataDir);
      } catch (error) {
        return fail(io, 1, `cannot read the store: ${(error as Error).message}`);
      }
      let plan: ReturnType<typeof planImport>;
      try {
        plan = reader.snapshot(() => planImport(text, workspaceId, (room) => reader.load(room)));
      } catch (error) {
        return fail(io, 1, `cannot read the workspace's stored documents: ${(error as Error).message}`);
      } finally {
        reader.close();
      }
      if (!plan.ok) return fail(io, plan.code === 'input' ? 2 : 1, `${file}: ${plan.message}`);
      let delivered = 0;
      for (const edit of plan.edits) {
        try {
          await deliver(edit);
        } catch (error) {
          return fail(
            io,
            1,
            `${(error as Error).message} — ${delivered} of ${plan.edits.length} document(s) were imported; ` +
              'run the same import again to finish (it only writes what differs)',
          );
        }
        delivered++;
      }
      const created = plan.edits.filter((e) => e.created).length;
      io.out(
        `imported ${file} into workspace ${workspaceId} ${where}: ${plan.edits.length} document(s) changed ` +
          `(${created} created), ${plan.unchanged} already equal`,
      );
      if (plan.leftOut.length > 0)
        io.out(
          `left out ${plan.leftOut.length} index card(s) whose document is neither in the backup nor in the ` +
            `workspace: ${plan.leftOut.map((c) => `${c.kind} ${c.id} (${c.title})`).join(', ')}`,
        );
      return 0;
    } finally {
      await close();
    }
  } finally {
    lock?.release();
  }
}
