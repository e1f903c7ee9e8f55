/**
 * Who may open which room, decided at the HTTP upgrade from the URL alone — before any document byte
 * flows. `/sync/<room>?token=<token>` (plain y-websocket); `/sync` alone is the multiplexed endpoint, whose
 * token comes in its first message (relay/multiplex.ts); anything else is not a sync endpoint.
 */
import { verifyInvite, type RevocationCheck } from '../auth/token.ts';
import { CloseCode } from '../relay/closeCodes.ts';
import type { Access } from '../relay/relay.ts';
import { parseRoomName } from '../relay/roomName.ts';

export const SYNC_PREFIX = '/sync/';
/** The multiplexed endpoint: several documents over one socket (protocol/multiplex.ts). */
export const MULTIPLEX_PATH = '/sync';

export type Admission =
  | { kind: 'admit'; access: Access }
  /** The multiplexed endpoint: the token is checked in the socket's first message. */
  | { kind: 'multiplex' }
  /** Accept the WebSocket, then close it at once: browsers learn the reason only from a close code. */
  | { kind: 'refuse'; code: number; reason: string }
  /** Not a sync URL at all: answer the upgrade with a plain HTTP error. */
  | { kind: 'not-found' };

export function admit(
  requestUrl: string,
  secret: string | Buffer,
  now: Date,
  isRevoked?: RevocationCheck,
): Admission {
  let url: URL;
  try {
    url = new URL(requestUrl, 'http://relay.invalid');
  } catch {
    return { kind: 'not-found' }; // a request target such as `//` is no URL at all
  }
  if (url.pathname === MULTIPLEX_PATH) return { kind: 'multiplex' };
  if (!url.pathname.startsWith(SYNC_PREFIX)) return { kind: 'not-found' };

  const token = url.searchParams.get('token');
  if (token === null || token === '')
    return { kind: 'refuse', code: CloseCode.Unauthorized, reason: 'missing token' };
  const check = verifyInvite(token, secret, now, isRevoked);
  if (!check.ok) return { kind: 'refuse', code: CloseCode.Unauthorized, reason: `${check.reason} token` };

  const parsed = parseRoomName(url.pathname.slice(SYNC_PREFIX.length));
  if (!parsed.ok) return { kind: 'refuse', code: CloseCode.BadRoom, reason: parsed.reason };
  if (parsed.room.workspaceId !== check.claims.ws) {
    return { kind: 'refuse', code: CloseCode.Forbidden, reason: 'token is for another workspace' };
  }
  const { claims } = check;
  // One literal with every field (an added field would move the object's properties out of line).
  const access: Access = {
    // A copy of its own: a slice of the URL would keep the whole URL (and its token) alive per connection.
    room: Buffer.from(parsed.room.name).toString(),
    role: claims.role,
    expiresAt: claims.exp * 1000,
    issuedAt: claims.iat * 1000,
    inviteId: claims.id,
  };
  return { kind: 'admit', access };
}

/**
 * Whether a browser page may open a sync socket: cross-site WebSocket hijacking is stopped by the Origin a
 * browser always sends. Allowed: no Origin header (not a browser: the y-websocket provider in Node, tools),
 * the same origin as the request's Host, or one of `allowedOrigins` (e.g. `https://haard.example.org`,
 * from HAARD_ORIGINS). Returns null when allowed, else the reason for a Forbidden (4403) close.
 */
export function refuseOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): string | null {
  if (origin === undefined) return null;
  if (allowedOrigins.includes(origin)) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `origin ${origin.slice(0, 60)} is not a URL`;
  }
  if (host !== undefined && originHost.toLowerCase() === host.toLowerCase()) return null;
  return `origin ${origin.slice(0, 60)} is not allowed (set HAARD_ORIGINS)`;
}
