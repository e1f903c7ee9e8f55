/**
 * One document's sync over a shared socket: what y-websocket's WebsocketProvider does for a socket of its
 * own, for one room of a multiplexed socket (protocol/multiplex.ts). Per document: its sync state, its
 * awareness, its refusal. A room the relay refuses with a code that is not final is re-joined with backoff,
 * without touching the other rooms on the socket.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { isFinalClose } from '../../../protocol/index.ts';
import {
  encodeJoin,
  encodeLeave,
  encodeMuxFrame,
  MuxType,
  readRefuse,
  type MuxFrame,
} from '../../../protocol/multiplex.ts';
import { DEFAULT_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff.ts';
import { attachToSocket, type SocketLease, type SocketOptions, type SocketState } from './socket.ts';

export type ChannelPhase = 'connecting' | 'synced' | 'offline' | 'refused';

export interface ChannelState {
  phase: ChannelPhase;
  /** Next attempt (ms since epoch) while `offline`: the socket's, or this room's own after a Refuse. */
  retryAt: number | null;
  /** Close code and reason of a final refusal (the socket's or this room's). */
  refusal: { code: number; reason: string } | null;
}

export interface ChannelOptions extends SocketOptions {
  room: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  backoff?: BackoffOptions;
  /** Called on every state change. */
  onState(state: ChannelState): void;
  /** Called each time the relay's state has been merged (sync step 2 received). */
  onSynced(): void;
}

export interface Channel {
  /** The transaction origin of changes that came from the relay. */
  readonly origin: object;
  state(): ChannelState;
  /** Whether this channel's updates are reaching the relay right now (joined and synced). */
  live(): boolean;
  reconnect(): void;
  /** Leaves the room (awareness removed for everyone) and releases the socket. */
  destroy(): void;
}

type RoomState =
  | { kind: 'idle' } // socket not open
  | { kind: 'joined'; synced: boolean }
  | { kind: 'waiting'; retryAt: number; code: number; reason: string } // refused, re-join later
  | { kind: 'refused'; code: number; reason: string };

/** Attaches a document to the shared socket of its relay URL and token. */
export function openChannel(options: ChannelOptions): Channel {
  const { room, doc, awareness } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let roomState: RoomState = { kind: 'idle' };
  let refusals = 0;
  let rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;
  let published: ChannelState | null = null;

  const send = (message: Uint8Array) => lease.send(encodeMuxFrame(room, message));

  const derive = (): ChannelState => {
    const socket = lease.state();
    if (socket.phase === 'refused') return { phase: 'refused', retryAt: null, refusal: socket.refusal };
    // A room refused for good stays refused whatever the socket does meanwhile.
    if (socket.phase === 'offline' && roomState.kind !== 'refused') {
      return { phase: 'offline', retryAt: socket.retryAt, refusal: null };
    }
    switch (roomState.kind) {
      case 'refused':
        return {
          phase: 'refused',
          retryAt: null,
          refusal: { code: roomState.code, reason: roomState.reason },
        };
      case 'waiting':
        return { phase: 'offline', retryAt: roomState.retryAt, refusal: null };
      case 'joined':
        return { phase: roomState.synced ? 'synced' : 'connecting', retryAt: null, refusal: null };
      case 'idle':
        return { phase: 'connecting', retryAt: null, refusal: null };
    }
  };
  const publish = () => {
    if (destroyed) return;
    const next = derive();
    if (
      published !== null &&
      published.phase === next.phase &&
      published.retryAt === next.retryAt &&
      published.refusal === next.refusal
    )
      return;
    published = next;
    options.onState(next);
  };

  const join = () => {
    if (rejoinTimer) clearTimeout(rejoinTimer);
    rejoinTimer = null;
    roomState = { kind: 'joined', synced: false };
    lease.send(encodeJoin(room));
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MuxType.Sync);
    syncProtocol.writeSyncStep1(step1, doc);
    send(encoding.toUint8Array(step1));
    if (awareness.getLocalState() !== null) send(awarenessMessage([doc.clientID]));
    publish();
  };

  const forgetRemotePresence = () => {
    const others = [...awareness.getStates().keys()].filter((id) => id !== doc.clientID);
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(awareness, others, channel);
  };

  const awarenessMessage = (clients: number[]): Uint8Array => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MuxType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    return encoding.toUint8Array(encoder);
  };

  const receive = (frame: MuxFrame) => {
    if (destroyed || roomState.kind !== 'joined') return; // e.g. frames sent before the relay read our Leave
    switch (frame.type) {
      case MuxType.Sync: {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MuxType.Sync);
        const syncType = syncProtocol.readSyncMessage(frame.body, reply, doc, channel);
        if (encoding.length(reply) > 1) send(encoding.toUint8Array(reply));
        if (syncType === syncProtocol.messageYjsSyncStep2) {
          refusals = 0;
          if (!roomState.synced) {
            roomState = { kind: 'joined', synced: true };
            publish();
          }
          options.onSynced();
        }
        return;
      }
      case MuxType.Awareness:
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(frame.body), channel);
        return;
      case MuxType.QueryAwareness:
        send(awarenessMessage([...awareness.getStates().keys()]));
        return;
      case MuxType.Auth:
        return; // the relay's read-only notice for a viewer; the app knows the role from the invite
      case MuxType.Refuse: {
        const { code, reason } = readRefuse(frame.body);
        forgetRemotePresence();
        if (isFinalClose(code)) {
          roomState = { kind: 'refused', code, reason };
        } else {
          refusals++;
          const retryAt = Date.now() + reconnectDelay(refusals, backoff);
          roomState = { kind: 'waiting', retryAt, code, reason };
          rejoinTimer = setTimeout(() => {
            if (lease.state().phase === 'open') join();
          }, retryAt - Date.now());
        }
        publish();
        return;
      }
    }
  };

  const channel = {
    room,
    opened: () => {
      if (destroyed) return;
      if (roomState.kind === 'refused') return publish(); // refused for good on this socket's token
      join();
    },
    receive: (frame: MuxFrame) => {
      try {
        receive(frame);
      } catch {
        // A frame our document cannot read: re-join the room from scratch rather than guess.
        if (roomState.kind === 'joined') join();
      }
    },
    socketChanged: (state: SocketState) => {
      if (state.phase !== 'open') {
        if (rejoinTimer) clearTimeout(rejoinTimer);
        rejoinTimer = null;
        if (roomState.kind !== 'refused') roomState = { kind: 'idle' };
        if (state.phase === 'connecting') refusals = 0;
        forgetRemotePresence();
      }
      publish();
    },
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === channel || roomState.kind !== 'joined') return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MuxType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  };
  const onAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === channel || roomState.kind !== 'joined') return;
    const mine = [...changes.added, ...changes.updated, ...changes.removed].includes(doc.clientID);
    if (mine) send(awarenessMessage([doc.clientID]));
  };
  doc.on('update', onUpdate);
  awareness.on('update', onAwareness);

  const lease: SocketLease = attachToSocket(options, channel);
  publish();

  return {
    origin: channel,
    state: () => published ?? derive(),
    live: () => roomState.kind === 'joined' && roomState.synced && lease.state().phase === 'open',
    reconnect() {
      if (destroyed) return;
      const socket = lease.state();
      if (socket.phase !== 'open') return lease.reconnect();
      if (roomState.kind === 'waiting' || roomState.kind === 'refused') join();
    },
    destroy() {
      if (destroyed) return;
      if (rejoinTimer) clearTimeout(rejoinTimer);
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
      if (roomState.kind === 'joined') {
        // Tell the others we left, then leave; the relay also drops our presence on Leave.
        awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], channel);
        send(awarenessMessage([doc.clientID]));
        lease.send(encodeLeave(room));
      }
      destroyed = true;
      lease.release();
    },
  };
}
