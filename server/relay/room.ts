/**
 * One live room: its document, its awareness and its connections. Every change to the document goes
 * through `applyUpdate`, which persists before it broadcasts, so a client never sees a change the store
 * does not hold.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomStore } from '../store/roomStore.ts';
import { replayInto } from '../store/replay.ts';
import { CloseCode } from './closeCodes.ts';
import type { Connection } from './connection.ts';
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from './protocol.ts';

export type LoadResult = { ok: true; room: Room } | { ok: false; error: string };
export type ApplyResult = { ok: true } | { ok: false; code: number; reason: string };

export class Room {
  readonly connections = new Set<Connection>();
  readonly awareness: awarenessProtocol.Awareness;
  droppedViewerUpdates = 0;
  /** Updates in the store since the last compaction. */
  storedUpdates: number;
  unloadTimer: NodeJS.Timeout | undefined;
  /**
   * Set when the room could not be rebuilt from the store after a failed update: its document may hold
   * changes the store does not. Its connections are closed; the relay never serves it again.
   */
  broken = false;
  private current: Y.Doc;
  /** While `applyUpdate` runs: the updates the document emitted, to persist before broadcasting. */
  private produced: Uint8Array[] | null = null;
  /** The whole state as a sync step 2, for clients that have nothing yet; dropped on every change. */
  private wholeState: Uint8Array | null = null;

  private constructor(
    readonly name: string,
    private readonly store: RoomStore,
    doc: Y.Doc,
    storedUpdates: number,
  ) {
    this.current = doc;
    this.storedUpdates = storedUpdates;
    doc.on('update', this.collect);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the relay is not a participant
    this.awareness.on('update', this.relayAwareness);
  }

  /** Loads the room from the store; a row Yjs cannot apply is an error, never an empty document. */
  static load(name: string, store: RoomStore): LoadResult {
    const loaded = loadDoc(name, store);
    if (!loaded.ok) return loaded;
    return { ok: true, room: new Room(name, store, loaded.doc, loaded.storedUpdates) };
  }

  /** The live document. Read it; change it only through `applyUpdate`. */
  get doc(): Y.Doc {
    return this.current;
  }

  /** Applies an editor's update, appends what changed to the store, then sends it to everyone else. */
  applyUpdate(update: Uint8Array, origin: Connection): ApplyResult {
    const produced: Uint8Array[] = [];
    this.produced = produced;
    this.wholeState = null; // even an update that only adds pending structs changes the whole state
    let applyError: unknown = null;
    try {
      Y.applyUpdate(this.current, update, origin);
    } catch (error) {
      applyError = error;
    } finally {
      this.produced = null;
    }
    if (applyError !== null) {
      // The frame decoded, yet Yjs rejected it half-way: what it did apply is in memory only. Rebuild the
      // document from the store, which holds exactly the state before this update.
      this.rebuildFromStore();
      return {
        ok: false,
        code: CloseCode.MalformedMessage,
        reason: `update rejected by Yjs: ${message(applyError)}`,
      };
    }
    if (produced.length === 0) return { ok: true };
    try {
      this.store.appendUpdates(this.name, produced);
    } catch (error) {
      // Not stored, so not broadcast either; the sender keeps its change and sends it again on reconnect.
      this.rebuildFromStore();
      return {
        ok: false,
        code: CloseCode.InternalError,
        reason: `could not store the update: ${message(error)}`,
      };
    }
    this.storedUpdates += produced.length;
    for (const change of produced) this.broadcast(encodeUpdate(change), origin);
    return { ok: true };
  }

  /** The reply to a sync step 1: what the client lacks. A client with nothing shares one cached encoding. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return encodeSyncStep2(this.current, stateVector);
    this.wholeState ??= encodeSyncStep2(this.current);
    return this.wholeState;
  }

  /** True when the update holds nothing the document lacks (e.g. a viewer's sync step 2 after a clean sync). */
  holdsAllOf(update: Uint8Array): boolean {
    return Y.snapshotContainsUpdate(Y.snapshot(this.current), update);
  }

  applyAwareness(update: Uint8Array, origin: Connection): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** All current awareness states as one frame, or null when there are none. */
  awarenessFrame(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  add(connection: Connection): void {
    this.connections.add(connection);
  }

  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
  }

  destroy(): void {
    clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.current.destroy();
  }

  private broadcast(frame: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame);
    }
  }

  private readonly collect = (update: Uint8Array): void => {
    this.produced?.push(update);
  };

  private readonly relayAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const sender = this.connections.has(origin as Connection) ? (origin as Connection) : null;
    if (sender !== null) {
      for (const id of [...changes.added, ...changes.updated]) sender.awarenessClients.add(id);
      for (const id of changes.removed) sender.awarenessClients.delete(id);
    }
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    this.broadcast(frame, sender);
  };

  private rebuildFromStore(): void {
    const loaded = loadDoc(this.name, this.store);
    if (!loaded.ok) {
      // The store cannot give the room back: nobody may keep working on a document that is not stored.
      this.broken = true;
      for (const connection of this.connections)
        connection.close(CloseCode.LoadFailed, 'room could not be reloaded');
      return;
    }
    this.current.off('update', this.collect);
    this.current = loaded.doc;
    this.current.on('update', this.collect);
    this.wholeState = null;
    this.storedUpdates = loaded.storedUpdates;
  }
}

function loadDoc(
  name: string,
  store: RoomStore,
): { ok: true; doc: Y.Doc; storedUpdates: number } | { ok: false; error: string } {
  const doc = new Y.Doc();
  try {
    const stored = store.readRoom(name);
    const replay = replayInto(doc, stored);
    if (!replay.ok) {
      doc.destroy();
      return { ok: false, error: `stored row ${replay.row} cannot be applied: ${replay.error}` };
    }
    return { ok: true, doc, storedUpdates: stored.updates.length };
  } catch (error) {
    doc.destroy();
    return { ok: false, error: `reading the store failed: ${message(error)}` };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
