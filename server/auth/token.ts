/**
 * Access tokens: `v1.<base64url(JSON payload)>.<base64url(HMAC-SHA256 over "v1.<payloadPart>")>`.
 *
 * The payload part is plain base64url JSON on purpose: the browser decodes it (unverified) to learn its
 * workspace id and role. Only the relay, which holds the secret, can tell a real token from a forged one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Role } from '../../protocol/index.ts';
export type { Role };

export interface TokenClaims {
  /** The one workspace this token opens. */
  ws: string;
  role: Role;
  /** Expiry, unix seconds. */
  exp: number;
  /** Issued at, unix seconds. */
  iat: number;
  /** The invite's id, for revoking it (tokens made before ids existed have none). */
  id?: string;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' };

/** Whether an invite was revoked (server/auth/inviteStore.ts); without one, nothing is. */
export type RevocationCheck = (claims: TokenClaims) => boolean;

/** `verifyToken`, then the revocations: a revoked invite is refused like an expired one. */
export function verifyInvite(
  token: string,
  secret: string | Buffer,
  now: Date,
  isRevoked: RevocationCheck | undefined,
): TokenCheck {
  const check = verifyToken(token, secret, now);
  if (check.ok && isRevoked?.(check.claims)) return { ok: false, reason: 'revoked' };
  return check;
}

const VERSION = 'v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 32;
/** Same alphabet as the room name's workspace segment (see relay/roomName.ts). */
const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export interface TokenRequest {
  workspaceId: string;
  role: Role;
  expiresAt: Date;
  /** Defaults to now. */
  issuedAt?: Date;
  /** Defaults to a new random id (`newInviteId`). */
  inviteId?: string;
}

const INVITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A fresh invite id: 12 URL-safe characters (72 random bits). */
export const newInviteId = (): string => randomBytes(9).toString('base64url');

export function createToken(request: TokenRequest, secret: string | Buffer): string {
  if (!WORKSPACE_ID.test(request.workspaceId)) {
    throw new Error(
      `createToken: workspace id must match ${WORKSPACE_ID}, got ${JSON.stringify(request.workspaceId)}`,
    );
  }
  const claims: TokenClaims = {
    ws: request.workspaceId,
    role: request.role,
    exp: unixSeconds(request.expiresAt),
    iat: unixSeconds(request.issuedAt ?? new Date()),
    id: request.inviteId ?? newInviteId(),
  };
  if (!INVITE_ID.test(claims.id!)) throw new Error(`createToken: invite id must match ${INVITE_ID}`);
  const payloadPart = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${VERSION}.${payloadPart}.${sign(payloadPart, secret).toString('base64url')}`;
}

export function verifyToken(token: string, secret: string | Buffer, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [version, payloadPart, signaturePart] = parts as [string, string, string];
  if (version !== VERSION || !BASE64URL.test(payloadPart) || !BASE64URL.test(signaturePart)) {
    return { ok: false, reason: 'malformed' };
  }
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== SIGNATURE_BYTES) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(signature, sign(payloadPart, secret))) return { ok: false, reason: 'forged' };

  const claims = parseClaims(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  if (claims === null) return { ok: false, reason: 'malformed' };
  if (claims.exp <= unixSeconds(now)) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function sign(payloadPart: string, secret: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${payloadPart}`).digest();
}

function parseClaims(json: string): TokenClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { ws, role, exp, iat, id } = value as Record<string, unknown>;
  if (typeof ws !== 'string' || !WORKSPACE_ID.test(ws)) return null;
  if (role !== 'editor' && role !== 'viewer') return null;
  if (!Number.isSafeInteger(exp) || !Number.isSafeInteger(iat)) return null;
  if (id !== undefined && (typeof id !== 'string' || !INVITE_ID.test(id))) return null;
  const claims: TokenClaims = { ws, role, exp: exp as number, iat: iat as number };
  if (id !== undefined) claims.id = id;
  return claims;
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
