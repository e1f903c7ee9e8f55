/**
 * The store keeps the past (issue 9): with no garbage collection in the relay's rooms and in compaction,
 * deleted content survives compaction, a clean restart and kill -9, so every version stored in the document
 * (root map `versions`, history design §2) still opens with `Y.createDocFromSnapshot`. The relay runs as a
 * real child process; clients are real y-websocket providers with `gc: false` documents, as the app's.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openVersion, readVersions, saveVersion } from '../../doc/history/versions.ts';
import { replayInto } from '../../server/store/replay.ts';
import { STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import { startRelayProcess, stopRelayProcess } from './helpers/relayChild.ts';
import {
  providerClient,
  removeDir,
  synced,
  tempDataDir,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/history';
const TEXT = 'situation.text';

/** Saves a named version the way the history design says: a plain object with a base64 Y.encodeSnapshot. */
function saveVersionByHand(doc: Y.Doc, id: string, name: string): void {
  const snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
  doc
    .getMap('versions')
    .set(id, { id, name, at: new Date().toISOString(), by: 'u1', byName: 'Anna', auto: null, snapshot });
}

/** The text and actions of version `id` of `doc`, opened from its snapshot. */
function openByHand(doc: Y.Doc, id: string): { text: string; actions: string[] } {
  const entry = doc.getMap('versions').get(id) as { snapshot: string } | undefined;
  if (entry === undefined) throw new Error(`no version ${id}`);
  const old = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(Buffer.from(entry.snapshot, 'base64')));
  try {
    return { text: old.getText(TEXT).toString(), actions: [...old.getMap('actions').keys()].sort() };
  } finally {
    old.destroy();
  }
}

const client = (port: number): TestClient =>
  providerClient({ port }, ROOM, undefined, new Y.Doc({ gc: false }));

function storedRows(dataDir: string): { snapshots: number; updates: number } {
  const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { snapshots: count('snapshots'), updates: count('updates') };
  } finally {
    db.close();
  }
}

describe('history in the store: versions survive compaction, restart and kill -9', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    'opens every version after compaction, after kill -9 and after a clean restart',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir();
      cleanups.push(() => removeDir(dataDir));
      const first = await startRelayProcess(dataDir, 0, { compactAfterUpdates: 10 });
      cleanups.push(() => stopRelayProcess(first.child, 'SIGKILL'));

      const writer = client(first.port);
      cleanups.push(writer.destroy);
      await synced(writer);
      const { doc } = writer;
      doc.getText(TEXT).insert(0, 'Revenue grew in the north.');
      doc.getMap('actions').set('a1', 'Visit the board');
      doc.getMap('actions').set('a2', 'Send the proposal');
      saveVersionByHand(doc, 'v1', 'Before the review');
      // Deletes of text and records, then many small edits so that compaction folds them (every 10 updates).
      doc.getText(TEXT).delete(doc.getText(TEXT).toString().indexOf(' in the north'), ' in the north'.length);
      doc.getMap('actions').delete('a1');
      for (let i = 0; i < 40; i++) doc.getText(TEXT).insert(doc.getText(TEXT).length, ` ${i}`);
      saveVersionByHand(doc, 'v2', 'After the review');
      doc.getMap('actions').delete('a2');
      doc.getText(TEXT).delete(0, 8);
      const live = doc.getText(TEXT).toString();

      // Compaction ran and its checkpoint alone (with the few rows after it) still holds the deleted content.
      await waitFor(() => storedRows(dataDir).snapshots === 1, 10_000, 'a compaction');
      const stored = new Y.Doc({ gc: false });
      const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
      const checkpoint = db.prepare('SELECT bytes, through_seq FROM snapshots').get() as {
        bytes: Buffer;
        through_seq: number;
      };
      const rest = db.prepare('SELECT seq, bytes FROM updates ORDER BY seq').all() as {
        seq: number;
        bytes: Buffer;
      }[];
      db.close();
      expect(
        replayInto(stored, {
          checkpoint: checkpoint.bytes,
          checkpointSeq: checkpoint.through_seq,
          updates: rest,
        }).ok,
      ).toBe(true);
      await waitFor(
        () => stored.getText(TEXT).toString() === live || (replayAgain(dataDir, stored), false),
        10_000,
        'the store to hold the last edit',
      );
      expect(openByHand(stored, 'v1')).toEqual({
        text: 'Revenue grew in the north.',
        actions: ['a1', 'a2'],
      });
      stored.destroy();

      // kill -9, then a fresh client on a restarted relay opens both versions.
      await stopRelayProcess(first.child, 'SIGKILL');
      writer.destroy();
      const second = await startRelayProcess(dataDir, 0, { compactAfterUpdates: 10 });
      cleanups.push(() => stopRelayProcess(second.child, 'SIGKILL'));
      const afterKill = client(second.port);
      cleanups.push(afterKill.destroy);
      await synced(afterKill);
      expect(afterKill.doc.getText(TEXT).toString()).toBe(live);
      expect(openByHand(afterKill.doc, 'v1')).toEqual({
        text: 'Revenue grew in the north.',
        actions: ['a1', 'a2'],
      });
      expect(openByHand(afterKill.doc, 'v2').actions).toEqual(['a2']);
      expect(openByHand(afterKill.doc, 'v2').text).toMatch(/^Revenue grew\. 0 1 2 .* 39$/);
      afterKill.destroy();

      // A clean stop compacts every room into one checkpoint; the versions still open after the restart.
      await stopRelayProcess(second.child, 'SIGTERM');
      expect(storedRows(dataDir)).toEqual({ snapshots: 1, updates: 0 });
      const third = await startRelayProcess(dataDir, 0);
      cleanups.push(() => stopRelayProcess(third.child, 'SIGKILL'));
      const afterRestart = client(third.port);
      cleanups.push(afterRestart.destroy);
      await synced(afterRestart);
      expect(openByHand(afterRestart.doc, 'v1')).toEqual({
        text: 'Revenue grew in the north.',
        actions: ['a1', 'a2'],
      });
      expect(afterRestart.doc.getMap('actions').size).toBe(0);
    },
  );
  it(
    'with --history-days: compaction removes expired versions (connected clients see it), collects what only they showed, the rest still opens',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir();
      cleanups.push(() => removeDir(dataDir));
      const first = await startRelayProcess(dataDir, 0, { compactAfterUpdates: 10, historyDays: 30 });
      cleanups.push(() => stopRelayProcess(first.child, 'SIGKILL'));
      const writer = client(first.port);
      cleanups.push(writer.destroy);
      await synced(writer);
      const { doc } = writer;
      doc.getMap('meta').set('id', 'history');
      const text = doc.getText(TEXT);
      const old = 'Old strategy. '.repeat(1_000);
      text.insert(0, `${old}Keep this.`);
      const author = { by: 'u1', byName: 'Anna' };
      expect(
        saveVersion(doc, {
          ...author,
          id: 'named:old',
          name: 'Two years ago',
          at: '2024-11-01T09:00:00.000Z',
        }).ok,
      ).toBe(true);
      text.delete(0, old.length);
      const recent = new Date(Date.now() - 86_400_000).toISOString();
      expect(saveVersion(doc, { ...author, id: 'named:recent', name: 'Yesterday', at: recent }).ok).toBe(
        true,
      );
      for (let i = 0; i < 30; i++) text.insert(text.length, ` ${i}`);
      text.delete(0, 'Keep this.'.length); // deleted after the recent version: must stay for it
      const live = text.toString();

      // The compaction's removal reaches the connected client as an edit.
      await waitFor(() => readVersions(doc).length === 1, 15_000, 'the expired version to be removed');
      expect(readVersions(doc).map((v) => v.id)).toEqual(['named:recent']);

      await stopRelayProcess(first.child, 'SIGKILL');
      writer.destroy();
      // The checkpoint no longer holds the 14,000 characters only the expired version showed.
      const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
      const { bytes } = db.prepare('SELECT bytes FROM snapshots').get() as { bytes: Buffer };
      db.close();
      expect(bytes.length).toBeLessThan(old.length / 2);

      const second = await startRelayProcess(dataDir, 0);
      cleanups.push(() => stopRelayProcess(second.child, 'SIGKILL'));
      const reader = client(second.port);
      cleanups.push(reader.destroy);
      await synced(reader);
      expect(reader.doc.getText(TEXT).toString()).toBe(live);
      const versions = readVersions(reader.doc);
      expect(versions.map((v) => v.id)).toEqual(['named:recent']);
      const opened = openVersion(reader.doc, versions[0]!);
      if (!opened.ok) throw new Error(opened.issues[0]!.message);
      expect(opened.value.getText(TEXT).toString()).toBe('Keep this.');
      opened.value.destroy();
    },
  );
});
/** Applies whatever the store holds now to `doc` (rows already applied change nothing). */
function replayAgain(dataDir: string, doc: Y.Doc): void {
  const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
  try {
    // The checkpoint too: a compaction since the last read folded rows into it and deleted them from the log
    // (applying what the document already holds changes nothing). Reading the log alone missed those rows for
    // good whenever a compaction came late — a timeout seen with two test files running at once.
    const checkpoint = db.prepare('SELECT bytes FROM snapshots').get() as { bytes: Buffer } | undefined;
    if (checkpoint !== undefined) Y.applyUpdate(doc, checkpoint.bytes);
    for (const row of db.prepare('SELECT bytes FROM updates ORDER BY seq').all() as { bytes: Buffer }[])
      Y.applyUpdate(doc, row.bytes);
  } finally {
    db.close();
  }
}
