/**
 * `haard export` and `haard import` as an operator runs them — the built command — beside a running
 * `haard serve --history-days 30`: the export reads the live store, the import goes through the running relay
 * (the lock file names its address) and a connected client receives the imported document.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../doc/read.ts';
import {
  providerClient,
  removeDir,
  SECRET,
  synced,
  tempDataDir,
  tokenFor,
  waitFor,
} from './helpers/relayHarness.ts';
import { serve } from './helpers/serveProcess.ts';

const BIN = join(import.meta.dirname, '../../bin/haard.mjs');

function haard(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, HAARD_SECRET: SECRET },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('haard export / import beside haard serve', () => {
  // The built command must be current: bin/haard.mjs builds dist-server/ only when it is missing.
  beforeAll(() => {
    const built = spawnSync(
      process.execPath,
      ['-e', "import('./bin/buildServer.mjs').then((m) => process.exit(m.ensureServerBuild() ? 0 : 1))"],
      { cwd: join(import.meta.dirname, '../..'), stdio: 'inherit', timeout: 120_000 },
    );
    expect(built.status).toBe(0);
  }, 150_000);
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    'exports the live store and imports through the running relay to a connected client',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDataDir();
      cleanups.push(() => removeDir(dataDir));
      const server = await serve(dataDir, SECRET, { HAARD_HISTORY_DAYS: '30' });
      cleanups.push(() => server.stop());
      expect(server.port).not.toBeNull();
      const { workspaceId } = JSON.parse(readFileSync(join(dataDir, 'first-workspace.json'), 'utf8')) as {
        workspaceId: string;
      };

      const exported = haard(['export', '--workspace', workspaceId, '--data', dataDir]);
      expect(exported.err).toBe('');
      expect(exported.code).toBe(0);
      const backup = JSON.parse(exported.out) as {
        workspace: { id: string };
        documents: { plan: Record<string, unknown> };
      };
      expect(backup.workspace.id).toBe(workspaceId);

      const watcher = providerClient(
        { port: server.port! },
        `${workspaceId}/plan/plan-1`,
        tokenFor(workspaceId),
        new Y.Doc({ gc: false }),
      );
      cleanups.push(watcher.destroy);
      await synced(watcher);
      backup.documents.plan['plan-1'] = JSON.parse(
        readFileSync(new URL('../fixtures/docs/plan-v1.json', import.meta.url), 'utf8'),
      );
      const file = join(dataDir, 'with-plan.json');
      writeFileSync(file, JSON.stringify(backup));
      const imported = haard(['import', file, '--workspace', workspaceId, '--data', dataDir]);
      expect(imported.err).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.out).toMatch(
        /through the running server at http:\/\/127\.0\.0\.1:\d+: 1 document\(s\) changed \(1 created\)/,
      );
      await waitFor(
        () => readDocument('plan', watcher.doc)?.workspaceId === workspaceId,
        5_000,
        'the plan to arrive',
      );
      expect(readDocument('plan', watcher.doc)?.title).toBe('Accountplan Bakkerij Jansen');
    },
  );

  it('refuses a history retention that is not a positive number of days (exit 2, one line)', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const r = haard(['serve', '--port', '0', '--data', dataDir, '--history-days', '0']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      'haard: --history-days (HAARD_HISTORY_DAYS) must be a positive number of days, got "0"',
    );
  });
});
