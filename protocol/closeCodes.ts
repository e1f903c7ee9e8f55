/**
 * Every reason the relay closes a WebSocket, by name. The browser learns why only through the close code
 * (it cannot read the HTTP status of a failed upgrade), so each code is a stable part of the protocol.
 *
 * y-websocket's WebsocketProvider stops reconnecting on 4400–4499 (a decision reconnecting cannot fix)
 * and retries with backoff on every other code; `isFinalClose` says the same for our own client.
 */
export const CloseCode = {
  /** The relay is shutting down (SIGTERM); reconnect later. */
  ServerShutdown: 1001,
  /** A frame carried data the relay could not decode or apply (random bytes, truncated varint, unknown type, an update Yjs rejects). */
  MalformedMessage: 1007,
  /** A frame larger than `maxMessageBytes` (sent by `ws` itself through `maxPayload`). */
  MessageTooBig: 1009,
  /** The relay could not persist or apply a change consistently and reset the room; reconnect to resync. */
  InternalError: 1011,
  /** The room name in the URL is not `<workspaceId>/<kind>/<docId>`. */
  BadRoom: 4400,
  /** Missing, malformed, forged or expired access token. */
  Unauthorized: 4401,
  /** A valid token for another workspace than the room's. */
  Forbidden: 4403,
  /**
   * Too many messages per second on this connection. 1013 "Try Again Later": transient, so clients back
   * off and return (y-websocket treats 4400–4499 as final, which a burst of edits must not be).
   */
  RateLimited: 1013,
  /** The room's stored data could not be loaded (or is damaged); nothing was served or written. Retried with backoff. */
  LoadFailed: 4500,
  /**
   * The client did not read what the relay sent: more than the relay's cap (`HAARD_MAX_BUFFERED`) was waiting
   * for it. Transient (a slow network, a suspended tab): clients reconnect with backoff and resync.
   */
  SlowReader: 4503,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/**
 * Whether reconnecting cannot help after this close code: 4400–4499 (an invalid, expired or foreign invite,
 * a bad room name), as y-websocket treats them. Every other code is retried with backoff.
 */
export const isFinalClose = (code: number): boolean => code >= 4400 && code < 4500;
