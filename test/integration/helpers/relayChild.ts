/**
 * Starting and stopping the relay as a child process (helpers/relayProcess.ts), for tests that kill it with
 * SIGKILL or restart it on the same data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SECRET, sleep } from './relayHarness.ts';

const SCRIPT = join(import.meta.dirname, 'relayProcess.ts');

export interface RelayChild {
  child: ChildProcess;
  port: number;
}

/**
 * Starts the relay on `dataDir` and `port` (0: any), with more `createHaardServer` options, and waits until it
 * listens. Retries for a while: a killed relay's sockets can hold the port for a moment.
 */
export async function startRelayProcess(
  dataDir: string,
  port: number,
  options: Record<string, unknown> = {},
): Promise<RelayChild> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnRelay(dataDir, port, options);
    } catch (error) {
      if (attempt === 40) throw error;
      await sleep(250);
    }
  }
}

async function spawnRelay(
  dataDir: string,
  port: number,
  options: Record<string, unknown>,
): Promise<RelayChild> {
  // `node --import tsx`, not node_modules/.bin/tsx: the tsx CLI runs the script in a grandchild process,
  // which a SIGKILL of the CLI would leave running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, dataDir, String(port), SECRET, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`relay process exited with ${code}`))),
  ])) as [string];
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

/** Sends `signal` and waits for the process to exit (at once when it already has). */
export async function stopRelayProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
