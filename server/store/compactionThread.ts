/**
 * Runs compactions in a worker thread (compactWorker.ts), started on the first compaction and stopped after a
 * minute without one, so a process at rest holds no second V8 isolate. Requests are answered in order.
 * A worker that dies fails the requests it held (compaction is an optimisation: the rows stay as they were);
 * the next request starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { CheckpointResult } from './docStore.ts';

const IDLE_MS = 60_000;

export interface CompactionThread {
  compact(room: string, throughSeq: number): Promise<CheckpointResult>;
  /** Copies the WAL into the database in the worker; a request while one is under way is dropped. */
  checkpointWal(): void;
  /** Waits for the compactions under way, then stops the worker. */
  close(): Promise<void>;
}

export function compactionThread(
  file: string,
  synchronous: 'NORMAL' | 'FULL',
  /** History retention in days (compaction.ts); undefined keeps everything. */
  historyDays?: number,
): CompactionThread {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: CheckpointResult) => void>();
  let idleTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const start = (): Worker => {
    // import.meta.url in a variable: the bundler must not turn the worker's URL into an asset.
    const here = import.meta.url;
    const fromSource = here.endsWith('.ts');
    const started = fromSource
      ? new Worker(new URL('tsWorker.mjs', here), {
          workerData: { file, synchronous, historyDays, entry: new URL('compactWorker.ts', here).href },
        })
      : new Worker(new URL('compactWorker.js', here), { workerData: { file, synchronous, historyDays } });
    started.on('message', ({ id, result }: { id: number; result: CheckpointResult }) => {
      finish(id, result);
      settle();
    });
    const fail = (reason: string) => {
      if (worker === started) worker = null;
      for (const id of [...pending.keys()]) finish(id, { ok: false, reason });
    };
    started.on('error', (error) => fail(`the compaction worker failed: ${error.message}`));
    started.on('exit', (code) => fail(`the compaction worker exited (${code})`));
    return started;
  };

  /** While nothing is pending the worker keeps no process alive, and goes away after a minute. */
  const settle = () => {
    if (worker === null || pending.size > 0) return;
    worker.unref();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void stop(), IDLE_MS);
    idleTimer.unref();
  };

  const stop = async () => {
    const stopping = worker;
    worker = null;
    if (stopping !== null) await stopping.terminate();
  };

  let drained: (() => void) | null = null;
  const finish = (id: number, result: CheckpointResult) => {
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(result);
    if (pending.size === 0) drained?.();
  };

  const request = (message: object): Promise<CheckpointResult> => {
    if (closed) return Promise.resolve({ ok: false, reason: 'the store is closed' });
    clearTimeout(idleTimer);
    worker ??= start();
    worker.ref();
    const id = nextId++;
    return new Promise<CheckpointResult>((resolve) => {
      pending.set(id, resolve);
      worker!.postMessage({ id, ...message });
    });
  };
  let walUnderWay = false;

  return {
    compact: (room, throughSeq) => request({ room, throughSeq }),
    checkpointWal() {
      if (walUnderWay || closed) return;
      walUnderWay = true;
      void request({ wal: true }).finally(() => (walUnderWay = false));
    },
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      if (pending.size > 0) await new Promise<void>((resolve) => (drained = resolve));
      await stop();
    },
  };
}
