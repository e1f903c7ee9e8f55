/**
 * When a loaded room's stored updates are folded into its checkpoint: once it has `afterUpdates` updates since
 * the last one, or their bytes reach `afterBytes` or the checkpoint's own size if larger (so the work of a
 * compaction stays in proportion to what was written since). One compaction per room at a time; a room
 * whose compaction failed (a damaged row, a full disk) waits a minute before the next try.
 * The work itself runs in the store's compaction worker (store/compactionThread.ts).
 */
import type { Logger } from '../log.ts';
import type { Room } from './room.ts';

const RETRY_MS = 60_000;

export interface CompactionSchedule {
  /** Schedules a compaction of `room` (outside the current message) when it is due. */
  ifDue(room: Room): void;
  /** Compacts `room` now; failures are logged, never thrown (compaction is an optimisation). */
  run(room: Room): Promise<void>;
}

export function compactionSchedule(options: {
  afterUpdates: number;
  afterBytes: number;
  /** Whether the room is still the loaded one (it may have been unloaded or replaced meanwhile). */
  isLoaded: (room: Room) => boolean;
  log: Logger;
}): CompactionSchedule {
  const running = new Set<Room>();
  const failedAt = new WeakMap<Room, number>();

  async function run(room: Room): Promise<void> {
    const started = performance.now();
    const result = await room.checkpoint();
    if (!result.ok) {
      failedAt.set(room, performance.now());
      options.log('warn', 'compaction failed; the updates stay stored as they were', {
        room: room.name,
        reason: result.reason,
      });
      return;
    }
    failedAt.delete(room);
    if (result.foldedUpdates > 0) {
      options.log('info', 'compacted a room (in the compaction worker)', {
        room: room.name,
        foldedUpdates: result.foldedUpdates,
        checkpointBytes: result.checkpointBytes,
        ms: Math.round(performance.now() - started),
      });
    }
  }

  function ifDue(room: Room): void {
    const due =
      room.storedUpdates >= options.afterUpdates ||
      (room.storedUpdates > 0 && room.storedBytes >= Math.max(options.afterBytes, room.checkpointBytes));
    if (!due || running.has(room)) return;
    const failed = failedAt.get(room);
    if (failed !== undefined && performance.now() - failed < RETRY_MS) return;
    running.add(room);
    setImmediate(() => {
      if (!options.isLoaded(room)) return running.delete(room);
      void run(room).finally(() => {
        running.delete(room);
        // Updates stored while it ran may already call for the next one.
        if (options.isLoaded(room)) ifDue(room);
      });
    });
  }

  return { ifDue, run };
}
