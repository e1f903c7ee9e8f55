/**
 * The browser tests' shared set-up, as Playwright fixtures: import `test` and `expect` from here, not from
 * '@playwright/test', and ask for `haard` in a test's arguments.
 *
 * - `haard`: a real `haard serve` (relay + app + SQLite store, startHaard) and a fresh workspace on it, as
 *   the server's first start makes one (same seed, same name; `inviteUrl` an editor invite valid 30 days).
 *   By default the server is the Playwright worker's, started once and shared by the tests that worker runs
 *   one after another, each in a workspace of its own made through POST /api/workspaces; nothing a test
 *   does reaches another test's workspace (rooms, invites and revocations are per workspace). One visible
 *   difference: the API records the invite it returns, so the Workspaces menu lists one invite where a
 *   server's first workspace lists none — tests of that list take `ownServer`.
 * - `ownServer` (an option, `test.use({ ownServer: true })`): the test gets a server of its own, started for
 *   it and killed after it — for tests that stop, kill or restart the server (`haard.start/stop/kill` throw
 *   on the shared one, so a test cannot take the server away from the tests after it by mistake).
 *
 * When a test ends, passed or failed, every browser context it opened is closed (pages left open keep
 * reconnecting and would slow down, or talk to, later tests) and its own server, if it has one, is killed
 * and its data directory removed.
 */
import { test as base } from '@playwright/test';
import { closeContexts, SECRET, startHaard, type Haard } from './haard.ts';
import { createToken } from '../../../server/auth/token.ts';
import { FIRST_WORKSPACE_NAME } from '../../../protocol/index.ts';

export { expect } from '@playwright/test';
export type { Haard } from './haard.ts';

/** The first workspace `haard serve` makes (server/main.ts ensureFirstWorkspace). */
const FIRST_WORKSPACE = { name: FIRST_WORKSPACE_NAME, locale: 'nl' } as const;
/** How long the invite printed on start is valid (server/main.ts INVITE_DAYS). */
const INVITE_DAYS = 30;

/**
 * A new workspace on `server`, made through its API (POST /api/workspaces: the same seed as the first
 * workspace), seen as a Haard of its own: its `workspaceId`, `inviteUrl` and default `token` are the new
 * workspace's; starting, stopping or killing the server is refused.
 */
async function freshWorkspace(server: Haard): Promise<Haard> {
  const response = await fetch(`${server.base}/api/workspaces`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token('editor')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(FIRST_WORKSPACE),
  });
  if (response.status !== 201)
    throw new Error(`fixture: POST /api/workspaces ${response.status}: ${await response.text()}`);
  const { workspaceId } = (await response.json()) as { workspaceId: string };
  const invite = createToken(
    { workspaceId, role: 'editor', expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000) },
    SECRET,
  );
  const shared = () => {
    throw new Error(
      'this test shares its worker’s server: use test.use({ ownServer: true }) to start, stop or kill one',
    );
  };
  return {
    port: server.port,
    base: server.base,
    dataDir: server.dataDir,
    inviteUrl: `${server.base}/#invite=${invite}`,
    workspaceId,
    start: shared,
    kill: shared,
    stop: shared,
    token: (role, opts = {}) => server.token(role, { workspaceId, ...opts }),
    dispose: async () => {},
  };
}

export const test = base.extend<{ haard: Haard; ownServer: boolean }, { workerServer: () => Promise<Haard> }>(
  {
    ownServer: [false, { option: true }],
    // Started on first use, so a worker that runs only own-server tests starts none.
    workerServer: [
      // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
      async ({}, use) => {
        let server: Promise<Haard> | undefined;
        try {
          await use(() => (server ??= startHaard()));
        } finally {
          if (server) await (await server).dispose();
        }
      },
      { scope: 'worker' },
    ],
    haard: async ({ browser, ownServer, workerServer }, use) => {
      const own = ownServer ? await startHaard() : null;
      const haard = own ?? (await freshWorkspace(await workerServer()));
      try {
        await use(haard);
      } finally {
        try {
          await closeContexts(browser);
        } finally {
          await own?.dispose();
        }
      }
    },
  },
);
