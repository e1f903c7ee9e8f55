/**
 * The relays under test, each a bare `node` process (no loader, no flags), measured from outside through
 * /proc: resident memory (VmRSS) and CPU time (utime + stime). Haard runs as `npm start` runs it — the built
 * `haard serve` with its SQLite store, persisting every update.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { haardDialect, hocuspocusDialect, yWebsocketDialect, type Dialect } from './clients.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RelayProcess {
  readonly dialect: Dialect;
  readonly port: number;
  readonly pid: number;
  /** Resident set size now, bytes. */
  rss(): number;
  /** CPU time used so far by the live threads of the process, microseconds (from each thread's schedstat in /proc). */
  cpuMicros(): number;
  /** Calls `listener` with every line the relay prints from now on. */
  onLine(listener: (line: string) => void): void;
  stop(): Promise<void>;
}

export interface RelayKind {
  readonly name: string;
  start(): Promise<RelayProcess>;
}

function measured(child: ChildProcess, dialect: Dialect, port: number, cleanup: () => void): RelayProcess {
  const pid = child.pid!;
  return {
    onLine: (listener) => void linesOf(child).on('line', listener),
    dialect,
    port,
    pid,
    rss: () => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return Number(match?.[1] ?? NaN) * 1024;
    },
    cpuMicros: () => {
      // The scheduler's own account of time on a CPU (ns, not 10 ms ticks), summed over the threads alive now:
      // the main thread, V8's and libuv's helpers, Haard's compaction worker.
      let nanos = 0;
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        try {
          nanos += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
        } catch {
          // The thread ended between the listing and the read.
        }
      }
      return nanos / 1e3;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      cleanup();
    },
  };
}

const lineReaders = new WeakMap<ChildProcess, ReturnType<typeof createInterface>>();

/** One line reader per child: its output keeps flowing whether or not anyone listens. */
function linesOf(child: ChildProcess): ReturnType<typeof createInterface> {
  let lines = lineReaders.get(child);
  if (lines === undefined) lineReaders.set(child, (lines = createInterface({ input: child.stdout! })));
  return lines;
}

/** The first line of the child's output that matches; its output keeps flowing (and is dropped) after. */
function firstLineMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const lines = linesOf(child);
    const onLine = (line: string) => {
      const match = pattern.exec(line);
      if (match === null) return;
      lines.off('line', onLine);
      resolve(match);
    };
    lines.on('line', onLine);
    child.once('exit', () => reject(new Error(`the relay exited before printing ${pattern}`)));
  });
}

/**
 * `node <args>` as a relay process. With `BENCH_PIN=1` the relay runs on CPU 1 only and the bench (its
 * clients) on CPU 0 (see `pinBench`), so the two never take turns on one core.
 */
function spawnNode(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const [command, argv] = process.env.BENCH_PIN
    ? ['taskset', ['-c', '1', process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(command, argv, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  // The relay's errors pass through; the inspector's greetings (scenarios.ts opens it for a full GC) do not.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (!/^(Debugger (listening|attached|ending)|For help, see: https:\/\/nodejs.org)/.test(line)) {
      process.stderr.write(`${line}\n`);
    }
  });
  return child;
}

/** With `BENCH_PIN=1`: every thread of this process (the bench clients) on CPU 0. */
export function pinBench(): void {
  if (process.env.BENCH_PIN)
    execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
}

function spawnScript(script: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawnNode([script], env);
}

export function haardRelay(secret: string, token: string): RelayKind {
  return {
    name: 'Haard',
    start: () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'haard-relay-bench-'));
      return startHaardOn(dataDir, secret, token, () => rmSync(dataDir, { recursive: true, force: true }));
    },
  };
}

/** `haard serve` on `dataDir`; `cleanup` runs after it stopped (default: the directory is kept). */
export async function startHaardOn(
  dataDir: string,
  secret: string,
  token: string,
  cleanup: () => void = () => {},
): Promise<RelayProcess> {
  const child = spawnNode([join(ROOT, 'bin/haard.mjs'), 'serve', '--port', '0', '--data', dataDir], {
    HAARD_SECRET: secret,
  });
  const match = await firstLineMatching(child, /Haard is running at http:\/\/[^:]+:(\d+)\//);
  return measured(child, haardDialect(token), Number(match[1]), cleanup);
}

export const yWebsocketRelay: RelayKind = {
  name: 'y-websocket-server',
  async start() {
    const child = spawnScript(join(ROOT, 'bench/relay/serve-ywebsocket.mjs'));
    const match = await firstLineMatching(child, /\{"port":(\d+)\}/);
    return measured(child, yWebsocketDialect, Number(match[1]), () => {});
  },
};

export const hocuspocusRelay: RelayKind = {
  name: 'Hocuspocus',
  async start() {
    const child = spawnScript(join(ROOT, 'bench/relay/serve-hocuspocus.mjs'));
    const match = await firstLineMatching(child, /\{"port":(\d+)\}/);
    return measured(child, hocuspocusDialect, Number(match[1]), () => {});
  },
};
