/**
 * The little the relay core needs from a WebSocket. A `ws` WebSocket satisfies it; so can anything else
 * (an in-process pair, another server library), which keeps the relay apart from the HTTP server.
 */
export const OPEN = 1;

export type IncomingData = Uint8Array | ArrayBuffer | Uint8Array[];

/** Listeners are called with the socket as `this`, as an EventEmitter calls them (relay.ts relies on it). */
export interface WebSocketLike {
  readonly readyState: number;
  /** Bytes queued for sending and not yet handed to the operating system. */
  readonly bufferedAmount: number;
  send(data: Uint8Array, cb?: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
  ping(): void;
  terminate(): void;
  on(event: 'message', listener: (data: IncomingData, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: (code: number, reason: Uint8Array) => void): unknown;
  on(event: 'pong', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export function toBytes(data: IncomingData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return Buffer.concat(data);
}
