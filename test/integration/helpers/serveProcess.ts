/**
 * `haard serve` as a user runs it — the built command in a real child process — for tests of what an
 * operator can get wrong (two servers on one directory, a damaged data directory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../../bin/haard.mjs');

export interface ServeProcess {
  child: ChildProcess;
  /** The port once it is running; null when it exited first. */
  port: number | null;
  /** What it printed on stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `haard serve --port 0 --data <dataDir>` and waits until it runs or exits. */
export async function serve(
  dataDir: string,
  secret: string,
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
    env: { ...process.env, HAARD_SECRET: secret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const running = new Promise<number>((resolve) => {
    const onData = () => {
      const match = /Haard is running at http:\/\/[^:]+:(\d+)\//.exec(out);
      if (match !== null) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
  });
  const port = await Promise.race([running, exited.then(() => null)]);
  return {
    child,
    port,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
