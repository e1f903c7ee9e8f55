/**
 * What the relay lets a peer announce in awareness (presence: who is here, carets, selections). Awareness is
 * not stored, but every reader of the room receives every state, so one peer must not be able to flood them,
 * nor to rewrite or delete somebody else's presence by reusing their client id.
 *
 * - a state larger than `maxStateBytes` is dropped;
 * - a peer holds at most `maxIdsPerPeer` client ids (a provider announces one);
 * - an id another peer holds is refused — unless both peers carry the same identity (the same invite
 *   reconnecting before its old socket was found dead);
 * - a removal (`null` state) of an id the peer does not hold is ignored.
 * The bytes per second a peer may send in awareness are limited by its membership (membership.ts).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Peer } from './peer.ts';

export interface AwarenessLimits {
  /** Largest state, in bytes of its JSON. Default 8 KiB. */
  maxStateBytes: number;
  /** Client ids one peer may hold in a room. Default 4. */
  maxIdsPerPeer: number;
  /** Awareness bytes per second one peer may send (continuously), and in one burst. Default 32 KiB/s, 128 KiB. */
  bytesPerSecond: number;
  burstBytes: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = {
  maxStateBytes: 8 * 1024,
  maxIdsPerPeer: 4,
  bytesPerSecond: 32 * 1024,
  burstBytes: 128 * 1024,
};

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text (`null` for a removal). */
  json: string;
  /** Bytes of `json` on the wire. */
  bytes: number;
}

/** The entries of an awareness update (the frame was validated when it was parsed). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const start = decoder.pos;
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, json, bytes: decoder.pos - start });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.json);
    }
  });
}

export type AwarenessVerdict = {
  accepted: AwarenessEntry[];
  refused: Array<{ clientId: number; why: string }>;
};

/**
 * Splits what `from` announced into what may be applied and what is refused (with why), given who holds
 * which id in the room now.
 */
export function judgeAwareness(
  entries: readonly AwarenessEntry[],
  from: Peer,
  holders: ReadonlyMap<number, Peer>,
  limits: AwarenessLimits,
): AwarenessVerdict {
  const accepted: AwarenessEntry[] = [];
  const refused: AwarenessVerdict['refused'] = [];
  let held = from.awarenessIdCount;
  for (const entry of entries) {
    const holder = holders.get(entry.clientId);
    const removal = entry.json === 'null';
    if (holder !== undefined && holder !== from && !sameIdentity(holder, from)) {
      refused.push({ clientId: entry.clientId, why: 'client id held by another connection' });
    } else if (removal) {
      if (holder !== undefined) accepted.push(entry);
    } else if (entry.bytes > limits.maxStateBytes) {
      refused.push({
        clientId: entry.clientId,
        why: `state of ${entry.bytes} bytes > ${limits.maxStateBytes}`,
      });
    } else if (holder !== from && held >= limits.maxIdsPerPeer) {
      refused.push({ clientId: entry.clientId, why: `more than ${limits.maxIdsPerPeer} client ids` });
    } else {
      if (holder !== from) held++;
      accepted.push(entry);
    }
  }
  return { accepted, refused };
}

const sameIdentity = (a: Peer, b: Peer): boolean => a.identity !== undefined && a.identity === b.identity;
