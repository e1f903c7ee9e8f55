/**
 * `haard export` / `haard import` (issue 9): every document of a workspace from the store as the app's backup
 * JSON, and back in as edits. Round trips on the golden fixtures and on a large generated workspace; a file
 * with one bad record changes nothing and names the record; with a server running, the import goes through
 * the relay and reaches a connected client, and the export reads the store while the relay writes it.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDocument, writeDocument, type DocKind } from '../../doc/index.ts';
import { main } from '../../server/cli.ts';
import { openRoomStore, STORE_FILE_NAME } from '../../server/store/roomStore.ts';
import { sampleWorkspace, samplePlan } from '../fixtures/docs/sample.ts';
import { startRelayProcess, stopRelayProcess } from './helpers/relayChild.ts';
import {
  providerClient,
  removeDir,
  SECRET,
  sleep,
  synced,
  tempDataDir,
  waitFor,
} from './helpers/relayHarness.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/docs/${name}`, import.meta.url)));

/** Runs `haard …args` in this process; what it printed, and its exit code. */
async function haard(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** A data directory whose store holds `rooms` (room name → encoded Yjs state). */
async function storeWith(rooms: Record<string, Uint8Array>): Promise<string> {
  const dataDir = tempDataDir();
  const store = openRoomStore({ dataDir });
  for (const [room, bytes] of Object.entries(rooms)) await store.append(room, [bytes]);
  await store.close();
  return dataDir;
}

const encode = (kind: DocKind, json: Record<string, unknown>): Uint8Array => {
  const doc = new Y.Doc({ gc: false });
  const written = writeDocument(kind, doc, json);
  if (!written.ok) throw new Error(JSON.stringify(written.issues));
  return Y.encodeStateAsUpdate(doc);
};

/** The export of `workspace` in `dataDir`, parsed, without its time stamp. */
async function exported(dataDir: string, workspace: string): Promise<Record<string, unknown>> {
  const r = await haard('export', '--workspace', workspace, '--data', dataDir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const { exportedAt, ...rest } = JSON.parse(r.out) as Record<string, unknown>;
  expect(typeof exportedAt).toBe('string');
  return rest;
}

const GOLDEN = {
  'ws-1/workspace/main': fixture('workspace-v2.bin'),
  'ws-1/plan/plan-1': fixture('plan-v1.bin'),
  'ws-1/meeting/meet-1': fixture('meeting-v1.bin'),
  'ws-1/tournament/tour-1': fixture('tournament-v1.bin'),
};

describe('haard export / import', () => {
  const cleanups: Array<() => unknown> = [];
  beforeEach(() => vi.stubEnv('HAARD_SECRET', SECRET));
  afterEach(async () => {
    vi.unstubAllEnvs();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const dir = async (rooms: Record<string, Uint8Array> = {}) => {
    const dataDir = await storeWith(rooms);
    cleanups.push(() => removeDir(dataDir));
    return dataDir;
  };

  it('round trip on the golden fixtures: export → import into an empty store → export gives the same JSON', async () => {
    const source = await dir(GOLDEN);
    const before = await exported(source, 'ws-1');
    expect(before.version).toBe(2);
    expect(Object.keys((before.documents as Record<string, object>).plan!)).toEqual(['plan-1']);
    expect(Object.keys((before.documents as Record<string, object>).meeting!)).toEqual(['meet-1']);
    expect(Object.keys((before.documents as Record<string, object>).tournament!)).toEqual(['tour-1']);
    const file = join(source, 'backup.json');
    const saved = await haard('export', '--workspace', 'ws-1', '--out', file, '--data', source);
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(
      /exported ws-1: 1 workspace, 1 plan\(s\), 1 meeting board\(s\), 1 tournament\(s\)/,
    );

    const target = await dir();
    const imported = await haard('import', file, '--workspace', 'ws-1', '--create', '--data', target);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/4 document\(s\) changed \(4 created\), 0 already equal/);
    expect(await exported(target, 'ws-1')).toEqual(before);
    // A second import of the same file writes nothing.
    const again = await haard('import', file, '--workspace', 'ws-1', '--data', target);
    expect(again.out).toMatch(/0 document\(s\) changed \(0 created\), 4 already equal/);
  });

  it('imports into another workspace id: the documents take that id, nothing else changes', async () => {
    const source = await dir(GOLDEN);
    const file = join(source, 'backup.json');
    await haard('export', '--workspace', 'ws-1', '--out', file, '--data', source);
    expect((await haard('import', file, '--workspace', 'ws-copy', '--create', '--data', source)).code).toBe(
      0,
    );
    const original = await exported(source, 'ws-1');
    const copy = await exported(source, 'ws-copy');
    const retag = (json: unknown): unknown =>
      JSON.parse(JSON.stringify(json).replaceAll('"ws-1"', '"ws-copy"'));
    expect(copy).toEqual(retag(original));
  });

  it('restores as edits into a workspace that has other content: the result equals the backup', async () => {
    const source = await dir(GOLDEN);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a backup edited by hand, as an operator would
    const backup = JSON.parse((await haard('export', '--workspace', 'ws-1', '--data', source)).out) as any;
    const plan = backup.documents.plan['plan-1'];
    const [firstAction] = Object.keys(plan.actions as object);
    delete plan.actions[firstAction!];
    plan.situation.text = `${plan.situation.text} Added in the backup.`;
    const [relation] = Object.keys(backup.workspace.relations as object);
    backup.workspace.relations[relation!].sector = 'Restored sector';
    const file = join(source, 'edited.json');
    writeFileSync(file, JSON.stringify(backup));
    const r = await haard('import', file, '--workspace', 'ws-1', '--data', source);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/2 document\(s\) changed \(0 created\), 2 already equal/);
    const after = await exported(source, 'ws-1');
    const { exportedAt: _, ...expected } = backup;
    expect(after).toEqual(expected);
  });

  it('a file with one bad record changes nothing and names the record (exit 2)', async () => {
    const source = await dir(GOLDEN);
    const before = await exported(source, 'ws-1');
    const bad = structuredClone(before) as {
      documents: { plan: Record<string, { actions: Record<string, Record<string, unknown>> }> };
    };
    const [actionId] = Object.keys(bad.documents.plan['plan-1']!.actions);
    bad.documents.plan['plan-1']!.actions[actionId!]!.status = 'maybe';
    const file = join(source, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...bad, exportedAt: '2026-01-01T00:00:00.000Z' }));
    const r = await haard('import', file, '--workspace', 'ws-1', '--data', source);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`documents.plan.plan-1.actions.${actionId}.status`);
    expect(await exported(source, 'ws-1')).toEqual(before);
  });

  it('a stored document from a newer Haard: export and import refuse (exit 1) and the import writes nothing', async () => {
    const source = await dir(GOLDEN);
    const file = join(source, 'backup.json');
    await haard('export', '--workspace', 'ws-1', '--out', file, '--data', source);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as {
      documents: { plan: Record<string, { id: string }> };
    };
    backup.documents.plan['plan-2'] = { ...backup.documents.plan['plan-1']!, id: 'plan-2' };
    writeFileSync(file, JSON.stringify(backup));
    // plan-1 as a newer Haard left it in the store.
    const newer = new Y.Doc({ gc: false });
    Y.applyUpdate(newer, GOLDEN['ws-1/plan/plan-1']);
    const before = Y.encodeStateVector(newer);
    newer.getMap('meta').set('schemaVersion', 99);
    const store = openRoomStore({ dataDir: source });
    await store.append('ws-1/plan/plan-1', [Y.encodeStateAsUpdate(newer, before)]);
    await store.close();

    const exportedNow = await haard('export', '--workspace', 'ws-1', '--data', source);
    expect(exportedNow.code).toBe(1);
    expect(exportedNow.err).toMatch(/^haard: ws-1\/plan\/plan-1: .*newer/);
    const r = await haard('import', file, '--workspace', 'ws-1', '--data', source);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^haard: .*backup\.json: ws-1\/plan\/plan-1: .*newer version of Haard \(schema 99/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const check = openRoomStore({ dataDir: source });
    expect(await check.exists('ws-1/plan/plan-2')).toBe(false);
    await check.close();
  });

  it('export of a store with a damaged row exits 1 naming the row', async () => {
    const source = await dir(GOLDEN);
    const db = new Database(join(source, STORE_FILE_NAME));
    db.prepare("UPDATE updates SET bytes = X'0000' WHERE room = 'ws-1/meeting/meet-1'").run();
    db.close();
    const r = await haard('export', '--workspace', 'ws-1', '--data', source);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^haard: stored update \d+ of ws-1\/meeting\/meet-1 is damaged/);
  });

  it.each([
    [['export'], 2, /--workspace ID or --all/],
    [['export', '--all'], 2, /--all needs --out DIR/],
    [['export', '--workspace', 'nope'], 2, /no workspace nope/],
    [['import', '--workspace', 'ws-1'], 2, /exactly one backup FILE/],
    [['import', 'missing.json', '--workspace', 'ws-1'], 2, /cannot read missing.json: no such file/],
  ])('haard %j exits %i with one line', async (args, code, message) => {
    const dataDir = await dir(GOLDEN);
    const r = await haard(...args, '--data', dataDir);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a workspace the store does not hold unless --create says to make it', async () => {
    const dataDir = await dir(GOLDEN);
    const file = join(dataDir, 'backup.json');
    await haard('export', '--workspace', 'ws-1', '--out', file, '--data', dataDir);
    const typo = await haard('import', file, '--workspace', 'NEWWS123', '--data', dataDir);
    expect(typo.code).toBe(2);
    expect(typo.out).toBe('');
    expect(typo.err.trim()).toBe(
      `haard: the store in ${dataDir} holds no workspace "NEWWS123" (it holds: ws-1); add --create to make it`,
    );
    expect((await haard('export', '--all', '--out', join(dataDir, 'all'), '--data', dataDir)).out).toMatch(
      /^1 workspace\(s\) exported/m,
    );
    const empty = await dir();
    expect((await haard('import', file, '--workspace', 'ws-1', '--data', empty)).err).toMatch(
      /holds no workspace "ws-1" \(it holds: none\); add --create/,
    );
  });

  it('refuses a file that is not a backup, and one from a newer format (exit 2)', async () => {
    const dataDir = await dir(GOLDEN);
    const file = join(dataDir, 'x.json');
    writeFileSync(file, '{"hello": 1}');
    expect((await haard('import', file, '--workspace', 'ws-1', '--data', dataDir)).err).toMatch(
      /not a Haard backup/,
    );
    writeFileSync(file, JSON.stringify({ format: 'haard-backup', version: 9, workspace: {} }));
    const r = await haard('import', file, '--workspace', 'ws-1', '--data', dataDir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/format 9/);
  });

  it('export --all writes one file per workspace', async () => {
    const source = await dir(GOLDEN);
    const file = join(source, 'backup.json');
    await haard('export', '--workspace', 'ws-1', '--out', file, '--data', source);
    await haard('import', file, '--workspace', 'ws-2', '--create', '--data', source);
    const out = join(source, 'all');
    const r = await haard('export', '--all', '--out', out, '--data', source);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 workspace\(s\) exported/);
    for (const id of ['ws-1', 'ws-2'])
      expect(JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')).workspace.id).toBe(id);
  });

  it(
    'round trip on a large generated workspace (1,500 relations, 20 plans of 150 actions)',
    { timeout: 60_000 },
    async () => {
      const source = await dir(largeWorkspace());
      const before = await exported(source, 'big');
      const file = join(source, 'backup.json');
      writeFileSync(file, JSON.stringify({ ...before, exportedAt: '2026-01-01T00:00:00.000Z' }));
      const target = await dir();
      const r = await haard('import', file, '--workspace', 'big', '--create', '--data', target);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/21 document\(s\) changed \(21 created\)/);
      // The generated workspace indexes a meeting board and a tournament whose documents it does not hold:
      // their cards are left out (and named), never restored as dead cards.
      expect(r.out).toMatch(
        /left out 2 index card\(s\) .*: meeting meeting-1 \(RM-overleg maart\), tournament tournament-1/,
      );
      const workspace = before.workspace as Record<string, unknown>;
      expect(await exported(target, 'big')).toEqual({
        ...before,
        workspace: { ...workspace, meetings: {}, tournaments: {} },
      });
      expect(Object.keys((before.workspace as { relations: object }).relations)).toHaveLength(1_502);
    },
  );

  it(
    'while the server runs: export reads the live store, import goes through the relay to a connected client',
    { timeout: 60_000 },
    async () => {
      const dataDir = await dir(GOLDEN);
      const server = await startRelayProcess(dataDir, 0);
      cleanups.push(() => stopRelayProcess(server.child, 'SIGKILL'));
      const watcher = providerClient(server, 'ws-1/plan/plan-1', undefined, new Y.Doc({ gc: false }));
      cleanups.push(watcher.destroy);
      await synced(watcher);
      watcher.doc.getText('situation.text').insert(0, 'Typed live. ');

      // The export reads what the relay stored, while it runs (the typed text arrives within moments).
      type Exported = { documents: { plan: Record<string, { situation: { text: string } }> } };
      const planOf = (json: Record<string, unknown>) => (json as Exported).documents.plan['plan-1']!;
      let backup = await exported(dataDir, 'ws-1');
      for (let i = 0; i < 100 && !planOf(backup).situation.text.startsWith('Typed live. '); i++) {
        await sleep(20);
        backup = await exported(dataDir, 'ws-1');
      }
      expect(planOf(backup).situation.text).toMatch(/^Typed live\. /);
      const plan = planOf(backup);
      plan.situation.text = 'Restored by the operator.';
      const file = join(dataDir, 'restore.json');
      writeFileSync(file, JSON.stringify({ ...backup, exportedAt: '2026-01-01T00:00:00.000Z' }));
      const r = await haard('import', file, '--workspace', 'ws-1', '--data', dataDir);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/through the running server at http:\/\/127\.0\.0\.1:\d+/);
      await waitFor(
        () => watcher.doc.getText('situation.text').toString() === 'Restored by the operator.',
        5_000,
        'the connected client to receive the import',
      );
      const after = await exported(dataDir, 'ws-1');
      expect(after).toEqual({ ...backup });
    },
  );

  it(
    'through a relay whose secret differs: exit 1 saying the invite was refused',
    { timeout: 30_000 },
    async () => {
      const dataDir = await dir(GOLDEN);
      const server = await startRelayProcess(dataDir, 0);
      cleanups.push(() => stopRelayProcess(server.child, 'SIGKILL'));
      const file = join(dataDir, 'backup.json');
      await haard('export', '--workspace', 'ws-1', '--out', file, '--data', dataDir);
      const backup = JSON.parse(readFileSync(file, 'utf8')) as {
        workspace: { settings: { currency: string } };
      };
      backup.workspace.settings.currency = 'USD';
      writeFileSync(file, JSON.stringify(backup));
      vi.stubEnv('HAARD_SECRET', 'another-secret-0123456789');
      const r = await haard('import', file, '--workspace', 'ws-1', '--data', dataDir);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/relay refused the invite/);
      expect(r.err).toMatch(/0 of 1 document\(s\) were imported/);
    },
  );
});

/** A workspace of 1,502 relations with contacts and scores, and 20 plans of 150 actions each. */
function largeWorkspace(): Record<string, Uint8Array> {
  const wsDoc = new Y.Doc();
  sampleWorkspace(wsDoc);
  const ws = readDocument('workspace', wsDoc) as Record<string, Record<string, Record<string, unknown>>>;
  const [relation] = Object.values(ws.relations!);
  const [contact] = Object.values(ws.contacts!);
  const criteria = Object.keys(ws.criteria!);
  for (let i = 0; i < 1_500; i++) {
    const id = `r${i}`;
    ws.relations![id] = { ...relation!, id, name: `Relation ${i}`, revenue: 1000 * i };
    ws.contacts![`c${i}`] = { ...contact!, id: `c${i}`, relationId: id, name: `Contact ${i}` };
    ws.scores![id] = Object.fromEntries(criteria.map((c, k) => [c, ((i + k) % 4) + 1]));
  }
  ws.id = 'big' as never;
  const rooms: Record<string, Uint8Array> = {};
  const planDoc = new Y.Doc();
  samplePlan(planDoc);
  const template = readDocument('plan', planDoc) as Record<string, unknown> & {
    actions: Record<string, Record<string, unknown>>;
  };
  const [action] = Object.values(template.actions);
  ws.plans = {};
  for (let p = 0; p < 20; p++) {
    const id = `plan${p}`;
    const actions: Record<string, Record<string, unknown>> = {};
    for (let a = 0; a < 150; a++)
      actions[`a${a}`] = { ...action!, id: `a${a}`, what: `Action ${a} of plan ${p}`, order: a };
    rooms[`big/plan/${id}`] = encode('plan', {
      ...template,
      id,
      workspaceId: 'big',
      title: `Plan ${p}`,
      actions,
    });
  }
  rooms['big/workspace/main'] = encode('workspace', ws);
  return rooms;
}
