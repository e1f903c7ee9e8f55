/**
 * A full garbage collection in another Node process, from outside, without starting it with flags: the
 * process is asked to open its inspector (SIGUSR1, what `process._debugProcess` sends) on 127.0.0.1:9229,
 * and the DevTools protocol's `HeapProfiler.collectGarbage` runs a memory-reducing full GC in it (V8 then
 * returns the young generation's grown semi-spaces and free pages to the OS). The bench uses it on every
 * relay alike, so "memory per idle connection" can also be read without the transient garbage of the
 * connection burst, which V8's own memory reducer would clear after some idle seconds anyway.
 *
 * Only one inspected process at a time (the port is fixed); `close` before the next one.
 */
import WebSocket from 'ws';

const INSPECTOR = 'http://127.0.0.1:9229';

/** What `process.memoryUsage()` says inside the process, bytes. */
export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  /** Memory outside V8's heap held by JavaScript objects (Buffers, typed arrays' backing stores). */
  external: number;
}

export interface Inspector {
  /** Runs a full, memory-reducing GC in the process; resolves when it is done. */
  collectGarbage(): Promise<void>;
  /** `process.memoryUsage()` of the process. */
  memoryUsage(): Promise<MemoryUsage>;
  close(): void;
}

/** Opens the inspector of process `pid` (a Node process on this machine); rejects after `timeoutMs`. */
export async function inspect(pid: number, timeoutMs = 5_000): Promise<Inspector> {
  (process as unknown as { _debugProcess(pid: number): void })._debugProcess(pid);
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (url === undefined) {
    try {
      const targets = (await (await fetch(`${INSPECTOR}/json/list`)).json()) as Array<{
        webSocketDebuggerUrl: string;
      }>;
      url = targets[0]?.webSocketDebuggerUrl;
    } catch {
      if (Date.now() > deadline) throw new Error(`process ${pid} did not open its inspector`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let lastId = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++lastId;
      const onMessage = (data: WebSocket.RawData) => {
        const reply = JSON.parse(String(data)) as { id?: number; result?: unknown };
        if (reply.id !== id) return;
        socket.off('message', onMessage);
        resolve(reply.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    collectGarbage: async () => void (await call('HeapProfiler.collectGarbage')),
    memoryUsage: async () => {
      const result = (await call('Runtime.evaluate', {
        expression: 'process.memoryUsage()',
        returnByValue: true,
      })) as { result: { value: MemoryUsage } };
      return result.result.value;
    },
    close: () => socket.close(),
  };
}
