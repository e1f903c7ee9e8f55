/**
 * One live room: its document, its awareness and its peers. Every change to the document goes through the
 * room's serial queue — apply, persist, then publish on the bus — so no peer ever sees a change the store does
 * not hold, and a sync step 1 is answered only after every update received before it is stored.
 *
 * The room talks to `Peer`s (never sockets), stores through the asynchronous `DocStore`, and broadcasts
 * through the `RoomBus`, so the same room serves plain and multiplexed sockets, and later several nodes.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { StoredDataError, type CheckpointResult, type DocStore } from '../store/docStore.ts';
import { replayInto } from '../store/replay.ts';
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  judgeAwareness,
  type AwarenessLimits,
  type AwarenessVerdict,
} from './awarenessPolicy.ts';
import type { BusMessage, RoomBus } from './bus.ts';
import { CloseCode } from './closeCodes.ts';
import type { Peer } from './peer.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, framePayload } from './protocol.ts';
import { SerialQueue } from './serialQueue.ts';

export type LoadResult = { ok: true; room: Room } | { ok: false; error: string };

export interface RoomDeps {
  store: DocStore;
  awarenessLimits: AwarenessLimits;
  bus: RoomBus;
  /** Called after each update the room stored (to schedule compaction). */
  stored(room: Room): void;
  /** A write to the store failed (the update was not stored, nor broadcast). */
  writeFailed(room: Room, error: unknown): void;
  /** Called when the room closes a peer for a reason worth a log line. */
  rejected(room: Room, peer: Peer, code: number, reason: string): void;
  /** A queued task failed unexpectedly (a bug, not a client's fault). */
  failed(room: Room, error: unknown): void;
}

/**
 * A room keeps its whole state encoded (for the next client that has nothing) from this size on, bytes. Below
 * it encoding takes microseconds, while the kept bytes, their WebSocket frame (relay/wire.ts) and the pooled
 * slab that frame sits in would stay in memory for as long as the room is loaded — ≈ 500 bytes of every idle
 * small room (heap snapshots, `npm run bench:relay`'s idle rooms). A 1 MB room joined by 50 clients is encoded
 * once (the issue 10 join storm).
 */
export const WHOLE_STATE_CACHE_MIN_BYTES = 8 * 1024;

/** The origin of changes that arrived over the bus from another node: applied, never stored or re-published. */
const REMOTE = Symbol('remote');

export class Room {
  readonly peers = new Set<Peer>();
  /**
   * Which peer announced each awareness client id — the only record of it: a peer keeps just the count
   * (`awarenessIdCount`), and its ids are found here when it leaves (a set per peer would cost ≈ 80 bytes of
   * every idle connection).
   */
  private readonly holders = new Map<number, Peer>();
  readonly awareness: awarenessProtocol.Awareness;
  droppedViewerUpdates = 0;
  /** Updates and their bytes in the store since the last checkpoint. */
  storedUpdates: number;
  storedBytes = 0;
  /** Size of the last checkpoint written or loaded. */
  checkpointBytes: number;
  unloadTimer: NodeJS.Timeout | undefined;
  /**
   * Set when the room could not be rebuilt from the store after a failed update: its document may hold
   * changes the store does not. Its peers are closed; the relay never serves it again.
   */
  broken = false;
  private current: Y.Doc;
  /** The `seq` of the last stored update the document holds. */
  private lastSeq: number;
  private readonly queue: SerialQueue;
  private readonly unsubscribe: () => void;
  /** While an update is applied: the updates the document emitted, to persist before publishing. */
  private produced: Uint8Array[] | null = null;
  /**
   * The whole state as a sync step 2, for clients that have nothing yet, kept only when it is big enough for
   * encoding it to cost something (WHOLE_STATE_CACHE_MIN_BYTES); dropped when the state changes.
   */
  private wholeState: Uint8Array | null = null;

  private constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
    doc: Y.Doc,
    loaded: { lastSeq: number; storedUpdates: number; storedBytes: number; checkpointBytes: number },
  ) {
    this.current = doc;
    this.lastSeq = loaded.lastSeq;
    this.storedUpdates = loaded.storedUpdates;
    this.storedBytes = loaded.storedBytes;
    this.checkpointBytes = loaded.checkpointBytes;
    this.queue = new SerialQueue((error) => deps.failed(this, error));
    doc.on('update', this.collect);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the relay is not a participant
    this.awareness.on('update', this.publishAwareness);
    this.unsubscribe = deps.bus.subscribe(name, this.deliver);
  }

  /** Loads the room from the store; a row Yjs cannot apply is an error, never an empty document. */
  static async load(name: string, deps: RoomDeps): Promise<LoadResult> {
    const loaded = await loadDoc(name, deps.store);
    if (!loaded.ok) return loaded;
    return { ok: true, room: new Room(name, deps, loaded.doc, loaded) };
  }

  /** The live document. Read it; change it only through `receiveUpdate`. */
  get doc(): Y.Doc {
    return this.current;
  }

  /** Adds a peer and greets it like the reference server: the room's state vector, then who is here. */
  join(peer: Peer): void {
    this.peers.add(peer);
    this.queue.run(() => {
      if (!this.peers.has(peer)) return;
      peer.send(encodeSyncStep1(this.current));
      const awareness = this.awarenessFrame();
      if (awareness !== null) peer.send(awareness);
    });
  }

  /** Removes a peer and, for everyone else, the awareness states it announced. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIdCount > 0) {
      const ids: number[] = [];
      for (const [id, holder] of this.holders) if (holder === peer) ids.push(id);
      awarenessProtocol.removeAwarenessStates(this.awareness, ids, peer);
    }
  }

  /** Applies an editor's update, stores what changed, then publishes it to everyone else. */
  receiveUpdate(update: Uint8Array, from: Peer): void {
    this.queue.run(() => this.applyAndStore(update, from));
  }

  /** Answers a sync step 1 with what the peer lacks, after every update queued before it is stored. */
  answerSyncStep1(stateVector: Uint8Array, to: Peer): void {
    this.queue.run(() => to.send(this.syncStep2For(stateVector)));
  }

  /** True when the update holds nothing the document lacks (e.g. a viewer's sync step 2 after a clean sync). */
  holdsAllOf(update: Uint8Array): boolean {
    return Y.snapshotContainsUpdate(Y.snapshot(this.current), update);
  }

  /**
   * Applies what the policy accepts of a peer's awareness update (awarenessPolicy.ts); returns what it
   * refused, and why.
   */
  applyAwareness(update: Uint8Array, from: Peer): AwarenessVerdict['refused'] {
    const entries = decodeAwarenessEntries(update);
    const verdict = judgeAwareness(entries, from, this.holders, this.deps.awarenessLimits);
    if (verdict.accepted.length === entries.length) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, from);
    } else if (verdict.accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(verdict.accepted), from);
    }
    return verdict.refused;
  }

  /** All current awareness states as one frame, or null when there are none. */
  awarenessFrame(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /**
   * Folds the stored updates into one checkpoint. The store does it from its rows (off the event loop), so the
   * room's queue is held only to learn which `seq` every applied update is stored through; updates arriving
   * meanwhile are stored after it and stay. A failure leaves the updates as they were.
   */
  async checkpoint(): Promise<CheckpointResult> {
    const through = await new Promise<{ seq: number; updates: number; bytes: number } | null>((resolve) =>
      this.queue.run(() =>
        resolve(
          this.storedUpdates === 0 || this.broken
            ? null
            : { seq: this.lastSeq, updates: this.storedUpdates, bytes: this.storedBytes },
        ),
      ),
    );
    if (through === null) return { ok: true, foldedUpdates: 0, checkpointBytes: this.checkpointBytes };
    const result = await this.deps.store.compact(this.name, through.seq);
    if (!result.ok) return result;
    const edits = result.edits;
    // The compaction's own edit (expired versions removed) is in the checkpoint, not in the log: the live
    // document and every peer get it here, never stored again.
    if (edits !== undefined) {
      this.queue.run(() => this.receiveStored(edits));
      // Before the room may be unloaded and destroyed (relay.ts `unload` awaits this checkpoint).
      await this.queue.idle();
    }
    // What arrived while it ran is still after the checkpoint.
    this.storedUpdates = Math.max(0, this.storedUpdates - through.updates);
    this.storedBytes = Math.max(0, this.storedBytes - through.bytes);
    this.checkpointBytes = result.checkpointBytes;
    return result;
  }

  /** Resolves once every queued task (updates being stored, answers) has finished. */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  destroy(): void {
    clearTimeout(this.unloadTimer);
    this.unsubscribe();
    this.awareness.destroy();
    this.current.destroy();
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return encodeSyncStep2(this.current, stateVector);
    if (this.wholeState !== null) return this.wholeState;
    const whole = encodeSyncStep2(this.current);
    if (whole.byteLength >= WHOLE_STATE_CACHE_MIN_BYTES) this.wholeState = whole;
    return whole;
  }

  private async applyAndStore(update: Uint8Array, from: Peer): Promise<void> {
    if (this.broken || !this.peers.has(from)) return;
    const produced: Uint8Array[] = [];
    const { pendingStructs, pendingDs } = this.current.store;
    this.produced = produced;
    let applyError: unknown = null;
    try {
      Y.applyUpdate(this.current, update, from);
    } catch (error) {
      applyError = error;
    } finally {
      this.produced = null;
    }
    // The cached whole state stays valid while nothing changed: an empty sync step 2, a duplicate update.
    if (
      produced.length > 0 ||
      applyError !== null ||
      this.current.store.pendingStructs !== pendingStructs ||
      this.current.store.pendingDs !== pendingDs
    ) {
      this.wholeState = null;
    }
    if (applyError !== null) {
      // The frame decoded, yet Yjs rejected it half-way: what it did apply is in memory only. Rebuild the
      // document from the store, which holds exactly the state before this update.
      await this.rebuildFromStore();
      return this.reject(from, CloseCode.MalformedMessage, `update rejected by Yjs: ${message(applyError)}`);
    }
    if (produced.length === 0) return;
    let lastSeq: number;
    try {
      lastSeq = (await this.deps.store.append(this.name, produced)).lastSeq;
    } catch (error) {
      // Not stored, so not published either; the sender keeps its change and sends it again on reconnect.
      this.deps.writeFailed(this, error);
      await this.rebuildFromStore();
      return this.reject(from, CloseCode.InternalError, `could not store the update: ${message(error)}`);
    }
    this.lastSeq = lastSeq;
    this.storedUpdates += produced.length;
    for (const change of produced) {
      this.storedBytes += change.length;
      this.deps.bus.publish(this.name, {
        kind: 'update',
        frame: encodeUpdate(change),
        node: this.deps.bus.node,
        from: from.id,
      });
    }
    this.deps.stored(this);
  }

  /** Applies an update the store already holds and publishes it to every peer (and other nodes). */
  private receiveStored(update: Uint8Array): void {
    if (this.broken) return;
    Y.applyUpdate(this.current, update, REMOTE);
    this.wholeState = null;
    this.deps.bus.publish(this.name, {
      kind: 'update',
      frame: encodeUpdate(update),
      node: this.deps.bus.node,
      from: 0,
    });
  }

  private reject(peer: Peer, code: number, reason: string): void {
    this.deps.rejected(this, peer, code, reason);
    peer.close(code, reason);
  }

  private readonly collect = (update: Uint8Array): void => {
    this.produced?.push(update);
  };

  /** A message on the bus: this node's own goes to every peer but its sender; another node's is applied first. */
  private readonly deliver = (message: BusMessage): void => {
    if (message.node === this.deps.bus.node) {
      for (const peer of this.peers) if (peer.id !== message.from) peer.send(message.frame);
      return;
    }
    if (message.kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, framePayload(message.frame), REMOTE);
      for (const peer of this.peers) peer.send(message.frame);
      return;
    }
    this.queue.run(() => {
      // Stored by the node that published it; here it only joins the live document.
      Y.applyUpdate(this.current, framePayload(message.frame), REMOTE);
      this.wholeState = null;
      for (const peer of this.peers) peer.send(message.frame);
    });
  };

  private readonly publishAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === REMOTE) return;
    const sender = this.peers.has(origin as Peer) ? (origin as Peer) : null;
    if (sender !== null) {
      for (const id of changes.added) this.hold(id, sender);
      for (const id of changes.updated) this.hold(id, sender);
    }
    for (const id of changes.removed) {
      const holder = this.holders.get(id);
      if (holder === undefined) continue;
      holder.awarenessIdCount--;
      this.holders.delete(id);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    this.deps.bus.publish(this.name, {
      kind: 'awareness',
      frame: encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      node: this.deps.bus.node,
      from: sender?.id ?? 0,
    });
  };

  private hold(id: number, peer: Peer): void {
    const previous = this.holders.get(id);
    if (previous === peer) return;
    if (previous !== undefined) previous.awarenessIdCount--; // taken over by the same identity (awarenessPolicy.ts)
    this.holders.set(id, peer);
    peer.awarenessIdCount++;
  }

  private async rebuildFromStore(): Promise<void> {
    const loaded = await loadDoc(this.name, this.deps.store);
    if (!loaded.ok) {
      // The store cannot give the room back: nobody may keep working on a document that is not stored.
      this.broken = true;
      for (const peer of [...this.peers]) peer.close(CloseCode.LoadFailed, 'room could not be reloaded');
      return;
    }
    this.current.off('update', this.collect);
    this.current.destroy();
    this.current = loaded.doc;
    this.current.on('update', this.collect);
    this.wholeState = null;
    this.lastSeq = loaded.lastSeq;
    this.storedUpdates = loaded.storedUpdates;
    this.storedBytes = loaded.storedBytes;
    this.checkpointBytes = loaded.checkpointBytes;
  }
}

type LoadedDoc = {
  ok: true;
  doc: Y.Doc;
  lastSeq: number;
  storedUpdates: number;
  storedBytes: number;
  checkpointBytes: number;
};

async function loadDoc(name: string, store: DocStore): Promise<LoadedDoc | { ok: false; error: string }> {
  // No garbage collection (history design §1): deleted content stays, so every past state can be rebuilt.
  const doc = new Y.Doc({ gc: false });
  try {
    const stored = await store.load(name);
    const replay = replayInto(doc, stored);
    if (!replay.ok) {
      doc.destroy();
      return { ok: false, error: `stored row ${replay.row} cannot be applied: ${replay.error}` };
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      // Only integrated changes are ever stored: something the rows refer to is missing, so the rows are
      // damaged (e.g. a zeroed page that still decodes). Serving it would silently drop content.
      const waiting = doc.store.pendingStructs !== null ? 'structs' : 'deletes';
      doc.destroy();
      return {
        ok: false,
        error: `stored data is incomplete: after replaying it, ${waiting} still wait for content that is not stored`,
      };
    }
    return {
      ok: true,
      doc,
      lastSeq: stored.updates.at(-1)?.seq ?? stored.checkpointSeq,
      storedUpdates: stored.updates.length,
      storedBytes: stored.updates.reduce((sum, row) => sum + row.bytes.length, 0),
      checkpointBytes: stored.checkpoint?.length ?? 0,
    };
  } catch (error) {
    doc.destroy();
    if (error instanceof StoredDataError) return { ok: false, error: error.message };
    return { ok: false, error: `reading the store failed: ${message(error)}` };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
