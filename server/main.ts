/**
 * `haard serve` (what `npm start` runs): build the client if it is missing, start the app + relay on one
 * port, create a first workspace on the very first start, and print the link to open with an editor
 * invite in it — so a new user is one click from working.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUrlSafeId, newId } from '../doc/ids.ts';
import { seedWorkspaceUpdate } from './seed.ts';
import { createToken } from './auth/token.ts';
import { loadOrCreateSecret } from './auth/secret.ts';
import { createHaardServer } from './http.ts';
import { workspaceRoom } from './relay/roomName.ts';
import { FIRST_WORKSPACE_NAME } from '../protocol/index.ts';
import type { Io, Values } from './cli.ts';
import { dataDirOf } from './cli/token.ts';
import type { DocStore } from './store/docStore.ts';
import { STORE_FILE_NAME } from './store/roomStore.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const INVITE_DAYS = 30;
const FIRST_RUN_FILE = 'first-workspace.json';

interface FirstRun {
  workspaceId: string;
}

/** Creates the first workspace exactly once, in the store, before any client connects. */
async function ensureFirstWorkspace(dataDir: string, store: DocStore): Promise<FirstRun> {
  const file = join(dataDir, FIRST_RUN_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<FirstRun> | null;
    if (typeof stored?.workspaceId !== 'string' || !isUrlSafeId(stored.workspaceId))
      throw new Error(`${FIRST_RUN_FILE} holds no valid workspaceId`);
    return { workspaceId: stored.workspaceId };
  }
  const workspaceId = newId();
  const room = workspaceRoom(workspaceId);
  if (!(await store.exists(room)))
    await store.append(room, [
      seedWorkspaceUpdate({ id: workspaceId, name: FIRST_WORKSPACE_NAME, locale: 'nl' }),
    ]);
  writeFileSync(file, JSON.stringify({ workspaceId } satisfies FirstRun, null, 2));
  return { workspaceId };
}

/**
 * A data directory that was used (it holds first-workspace.json) whose database is missing or 0 bytes —
 * a failed copy, a disk that was full during a restore — must not start as an empty store that serves every
 * room empty. Returns what is wrong and what to do, or null when the store is there.
 */
function storeEmptiedSinceUse(dataDir: string): string | null {
  if (!existsSync(join(dataDir, FIRST_RUN_FILE))) return null;
  const file = join(dataDir, STORE_FILE_NAME);
  const state = !existsSync(file) ? 'missing' : statSync(file).size === 0 ? 'empty (0 bytes)' : null;
  if (state === null) return null;
  return (
    `${file} is ${state}, but ${dataDir} was used before (it holds ${FIRST_RUN_FILE}): refusing to start ` +
    `with an empty store. Restore haard.sqlite from a backup; or, to really start afresh, move the data ` +
    `directory aside.`
  );
}

function buildClientIfMissing(distDir: string, io: Io): boolean {
  if (existsSync(join(distDir, 'index.html'))) return true;
  io.out('Building the app (first start)…');
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    io.err('haard: building the app failed (see above); run `npm run build` to retry.');
    return false;
  }
  return true;
}

export async function serveCommand(values: Values, io: Io): Promise<number> {
  const dataDir = resolve(dataDirOf(values));
  const distDir = join(ROOT, 'dist');
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`haard: PORT must be a port number, got "${values.port ?? process.env.PORT}"`);
    return 2;
  }
  const historyText = values['history-days'] ?? process.env.HAARD_HISTORY_DAYS;
  const historyDays = historyText === undefined || historyText === '' ? undefined : Number(historyText);
  if (historyDays !== undefined && !(Number.isFinite(historyDays) && historyDays > 0)) {
    io.err(
      `haard: --history-days (HAARD_HISTORY_DAYS) must be a positive number of days, got "${historyText}"`,
    );
    return 2;
  }
  if (values['build-if-missing'] && !buildClientIfMissing(distDir, io)) return 1;
  mkdirSync(dataDir, { recursive: true });
  const emptied = storeEmptiedSinceUse(dataDir);
  if (emptied !== null) {
    io.err(`haard: ${emptied}`);
    return 1;
  }
  const secret = loadOrCreateSecret(dataDir, process.env);
  const maxMessageBytes = process.env.HAARD_MAX_MESSAGE ? Number(process.env.HAARD_MAX_MESSAGE) : undefined;
  const maxBufferedBytes = process.env.HAARD_MAX_BUFFERED
    ? Number(process.env.HAARD_MAX_BUFFERED)
    : undefined;

  let server: Awaited<ReturnType<typeof createHaardServer>>;
  try {
    server = await createHaardServer({
      host,
      port,
      dataDir,
      secret,
      distDir,
      maxMessageBytes,
      maxBufferedBytes,
      maxStoreBytes: process.env.HAARD_MAX_STORE ? Number(process.env.HAARD_MAX_STORE) : undefined,
      historyDays,
      allowedOrigins: (process.env.HAARD_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
      seedWorkspace: seedWorkspaceUpdate,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.err(
      e.code === 'EADDRINUSE'
        ? `haard: port ${port} is already in use; stop the other process or set PORT=…`
        : `haard: could not start: ${e.message}`,
    );
    return 1;
  }

  let first: FirstRun;
  try {
    first = await ensureFirstWorkspace(dataDir, server.store);
  } catch (err) {
    // The server is already listening: stop it, or the process would keep running after this error.
    await server.close();
    io.err(
      `haard: could not create or read the first workspace in ${dataDir}: ${(err as Error).message}. ` +
        `If ${join(dataDir, FIRST_RUN_FILE)} is damaged, delete it and start again (a new first workspace is created).`,
    );
    return 1;
  }
  // Listen for signals before the link is printed: whoever reads the link may stop the server at once.
  const stopped = new Promise<void>((resolveStop) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.out(`\n${signal}: flushing and stopping…`);
      server.close().then(resolveStop, (err: unknown) => {
        io.err(`haard: error while stopping: ${(err as Error).message}`);
        resolveStop();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  const invite = createToken(
    {
      workspaceId: first.workspaceId,
      role: 'editor',
      expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
    },
    secret,
  );
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${server.port}`;
  io.out(
    [
      '',
      `  Haard is running at ${base}/`,
      '',
      `  Open this link to start working (an editor invite to your first workspace, valid ${INVITE_DAYS} days):`,
      `    ${base}/#invite=${invite}`,
      '',
      `  Data: ${dataDir}    Health: ${base}/healthz    Stop: Ctrl+C`,
      '',
    ].join('\n'),
  );

  await stopped;
  return 0;
}
