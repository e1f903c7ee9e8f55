/**
 * The room bus: every frame a room broadcasts goes through it, so that tomorrow several relay nodes can
 * share a room (a Redis bus carries each node's frames to the others, as Hocuspocus' extension-redis does).
 * Today `createLocalBus` delivers in-process, synchronously.
 *
 * A message names the node and the peer it came from: the room on the sending node has already applied it
 * and skips the sender; a room on another node applies it to its own document / awareness first.
 */

export interface BusMessage {
  /** `update`: a y-websocket sync update frame; `awareness`: an awareness frame. */
  kind: 'update' | 'awareness';
  /** The y-websocket frame, ready to send to peers (encoded once, by the room that published it). */
  frame: Uint8Array;
  /** The node (process) that published it. */
  node: string;
  /** The peer it came from, on `node`; 0 when it came from no peer (e.g. an awareness timeout). */
  from: number;
}

export interface RoomBus {
  /** This node's name; rooms compare it with a message's `node`. */
  readonly node: string;
  /**
   * Receives every message published to `room`, including this node's own, in publish order per
   * publisher. Returns the unsubscribe function.
   */
  subscribe(room: string, deliver: (message: BusMessage) => void): () => void;
  publish(room: string, message: BusMessage): void;
}

/** In-process buses sharing one set of subscribers: several relay "nodes" in one process (tests, one node today). */
export interface LocalBusHub {
  /** The bus as node `node` sees it. */
  bus(node: string): RoomBus;
}

/** A hub whose publish calls every subscriber of the room synchronously, in subscription order. */
export function createLocalHub(): LocalBusHub {
  const subscribers = new Map<string, Set<(message: BusMessage) => void>>();
  const subscribe = (room: string, deliver: (message: BusMessage) => void): (() => void) => {
    let set = subscribers.get(room);
    if (set === undefined) subscribers.set(room, (set = new Set()));
    set.add(deliver);
    return () => {
      set.delete(deliver);
      if (set.size === 0 && subscribers.get(room) === set) subscribers.delete(room);
    };
  };
  const publish = (room: string, message: BusMessage): void => {
    const set = subscribers.get(room);
    if (set === undefined) return;
    for (const deliver of set) deliver(message);
  };
  return { bus: (node) => ({ node, subscribe, publish }) };
}

/** The bus of a single relay process. */
export const createLocalBus = (node = 'local'): RoomBus => createLocalHub().bus(node);
