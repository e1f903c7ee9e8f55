/**
 * One Haard per data directory. Two servers on one directory would each serve their own live copy of every
 * room and drift apart (clients of one never see the other's edits), so the second refuses to start and
 * names the first.
 *
 * The lock is a file, `<dataDir>/haard.lock`, created exclusively and holding `{ pid, host, startedAt }`, plus
 * `url` once the server listens (`announce`: how `haard import` reaches the running relay). A lock
 * whose process no longer runs on this host (a crash, kill -9) is stale and taken over; a lock from another
 * host (a shared network folder) cannot be checked and is respected.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'haard.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** Where the server listens (`http://host:port`), once it does. */
  url?: string;
}

export interface DataDirLock {
  readonly file: string;
  /** Records where the server listens (`http://host:port`) in the lock, for `haard import`. */
  announce(url: string): void;
  /** Removes the lock file (only while it is still ours). Idempotent. */
  release(): void;
}

/** The server that holds `dataDir` now: running on this host, with its URL once it listens; null when none. */
export function runningServer(dataDir: string): { pid: number; host: string; url: string | null } | null {
  const owner = readOwner(join(dataDir, LOCK_FILE_NAME));
  if (owner === null) return null;
  if (owner.host === hostname() && !isRunning(owner.pid)) return null;
  return { pid: owner.pid, host: owner.host, url: owner.url ?? null };
}

/** Takes the data directory's lock, or throws an Error saying which process holds it and what to do. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  let text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && (owner.host !== me.host || isRunning(owner.pid))) {
      const who =
        owner.pid === process.pid && owner.host === me.host
          ? 'this same process (another server in it)'
          : `process ${owner.pid} on ${owner.host}, started ${owner.startedAt}`;
      throw new Error(
        `the data directory ${dataDir} is in use by another Haard: ${who}. Stop that one first — two servers ` +
          `on one directory would serve diverging copies. If it is not running any more, delete ${file}.`,
      );
    }
    unlinkSync(file); // stale: its process is gone (or the file is unreadable); take it over
  }
  let held = true;
  return {
    file,
    announce(url) {
      if (!held) return;
      const next = `${JSON.stringify({ ...me, url })}\n`;
      writeFileSync(file, next);
      text = next;
    },
    release() {
      if (!held) return;
      held = false;
      try {
        if (readFileSync(file, 'utf8') === text) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}

function readOwner(file: string): LockOwner | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return {
      pid: value.pid,
      host: value.host,
      startedAt: String(value.startedAt ?? 'at an unknown time'),
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
    };
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
