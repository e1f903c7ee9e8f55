/**
 * Starts the real `haard serve` (relay + app + SQLite store) as a child process, as `npm start` does,
 * on a port of its own that restarts reuse, so that browsers can reconnect to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../../../server/auth/token.ts';

const ROOT = join(import.meta.dirname, '../../..');
export const SECRET = 'e2e-secret-that-is-long-enough-0123456789';

export interface Haard {
  port: number;
  base: string;
  dataDir: string;
  /** The editor invite link printed on start. */
  inviteUrl: string;
  workspaceId: string;
  start(): Promise<void>;
  /** SIGKILL: no flush, as a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  token(role: 'editor' | 'viewer', opts?: { workspaceId?: string; expiresAt?: Date }): string;
  dispose(): Promise<void>;
}

/**
 * Close every browser context a test opened: pages left open keep running (and reconnecting) in the
 * shared browser and would slow down, or talk to, the servers of later tests.
 */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(
    browser.contexts().map((c) =>
      c.close().catch((error: unknown) => {
        // A context whose page a test closed (with a beforeunload dialog) may be closing already.
        if (!String(error).includes('has been closed')) throw error;
      }),
    ),
  );
}

export async function startHaard(): Promise<Haard> {
  // The first start takes a free port (0); restarts reuse it, so browsers can reconnect.
  let port = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-e2e-'));
  let child: ChildProcess | null = null;
  const h: Haard = {
    get port() {
      return port;
    },
    get base() {
      return `http://127.0.0.1:${port}`;
    },
    dataDir,
    inviteUrl: '',
    workspaceId: '',
    async start() {
      const proc = spawn(
        process.execPath,
        [join(ROOT, 'bin/haard.mjs'), 'serve', '--port', String(port), '--data', dataDir],
        {
          cwd: ROOT,
          env: { ...process.env, HAARD_SECRET: SECRET },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = proc;
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`haard did not start:\n${out}`)), 30_000);
        const onData = (b: Buffer) => {
          out += b.toString();
          const m = /(http:\/\/\S+#invite=(\S+))/.exec(out);
          if (m) {
            clearTimeout(timer);
            port = Number(/:(\d+)\//.exec(m[1]!)![1]);
            h.inviteUrl = m[1]!;
            const payload = JSON.parse(Buffer.from(m[2]!.split('.')[1]!, 'base64url').toString()) as {
              ws: string;
            };
            h.workspaceId = payload.ws;
            resolve();
          }
        };
        proc.stdout!.on('data', onData);
        proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
        proc.once('exit', (code) => reject(new Error(`haard exited (${code}):\n${out}`)));
      });
    },
    async kill() {
      await stopChild('SIGKILL');
    },
    async stop() {
      await stopChild('SIGTERM');
    },
    token(role, opts = {}) {
      return createToken(
        {
          workspaceId: opts.workspaceId ?? h.workspaceId,
          role,
          expiresAt: opts.expiresAt ?? new Date(Date.now() + 86_400_000),
        },
        SECRET,
      );
    },
    async dispose() {
      await stopChild('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  async function stopChild(signal: NodeJS.Signals) {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  }
  await h.start();
  return h;
}

/**
 * Wait until the service worker controls the page (it has precached the app). Before that, a reload with
 * the server down has nothing to open, and the service worker's own first activation may reload the page.
 */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}
