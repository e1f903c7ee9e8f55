/**
 * Invites are relay access tokens: `v1.<base64url(JSON payload)>.<signature>`. The browser cannot verify
 * the signature (only the relay holds the secret); it reads the payload to learn which workspace the
 * invite opens and with which role, and whether it has expired. The relay decides.
 */
import type { Role } from '../../../protocol/index.ts';
export type { Role };

export interface Invite {
  token: string;
  workspaceId: string;
  role: Role;
  /** Expiry, unix seconds. */
  exp: number;
}

function base64UrlDecode(part: string): string | null {
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/** Reads an invite token; null when it is not one. */
export function readInvite(token: string): Invite | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== 'v1' || !parts[1]) return null;
  const json = base64UrlDecode(parts[1]);
  if (json === null) return null;
  try {
    const payload = JSON.parse(json) as { ws?: unknown; role?: unknown; exp?: unknown };
    if (typeof payload.ws !== 'string' || !payload.ws) return null;
    if (payload.role !== 'editor' && payload.role !== 'viewer') return null;
    if (typeof payload.exp !== 'number') return null;
    return { token: token.trim(), workspaceId: payload.ws, role: payload.role, exp: payload.exp };
  } catch {
    return null;
  }
}

export const inviteExpired = (invite: Invite, nowMs: number): boolean => invite.exp * 1000 <= nowMs;

/** Room names: see the shared protocol module. */
export { roomName, type DocKind as RoomKind } from '../../../protocol/index.ts';
