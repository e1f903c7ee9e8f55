/**
 * Runs tasks one at a time, in the order they were queued: a room's store operations and the sends that
 * depend on them (persist, then broadcast; answer a sync step 1 only after every earlier update is stored).
 *
 * A task may be synchronous or return a promise; the next task starts when it has settled. When the queue is
 * idle a task runs at once, synchronously — a room with a synchronous answer (a sync step 1 between updates)
 * pays no promise hop.
 */
export type Task = () => void | Promise<void>;

export class SerialQueue {
  private readonly tasks: Task[] = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  /** `onError` receives what a task threw or rejected with; the queue goes on with the next task. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Queues `task`; runs it now when nothing is queued or running. */
  run(task: Task): void {
    this.tasks.push(task);
    if (!this.running) this.drain();
  }

  /** Tasks queued and not yet finished (including the one running). */
  get size(): number {
    return this.tasks.length + (this.running ? 1 : 0);
  }

  /** Resolves once every task queued before this call (and any queued meanwhile) has finished. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drain(): void {
    this.running = true;
    for (let task = this.tasks.shift(); task !== undefined; task = this.tasks.shift()) {
      let result: void | Promise<void>;
      try {
        result = task();
      } catch (error) {
        this.onError(error);
        continue;
      }
      if (result instanceof Promise) {
        result.then(
          () => this.drain(),
          (error: unknown) => {
            this.onError(error);
            this.drain();
          },
        );
        return;
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
