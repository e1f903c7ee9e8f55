/**
 * The relay's small HTTP API, for what a browser cannot do itself because only the server holds the
 * token secret. Every call needs an editor invite (Authorization: Bearer …) that is neither expired nor
 * revoked; errors are JSON values `{ error: { reason, message } }` with a status code.
 *
 * - GET  /api/time                                  → 200 { now }  the server's clock (ms since the epoch), no
 *                                                     invite needed: meeting timers correct for clock skew with it
 * - POST /api/workspaces           { name, locale } → 201 { workspaceId, token }  a new workspace, seeded once
 * - POST /api/invites       { role, days, label? } → 201 { token, invite }  an invite to the caller's workspace;
 *                                                     label: whom it is for, ≤ 80 characters, listed with it
 * - GET  /api/invites                               → 200 { invites: [...] }  the workspace's invites made here
 * - POST /api/invites/revoke       { id }           → 200 { closedConnections }  one invite stops working
 * - POST /api/invites/revoke-all                    → 200 { closedConnections }  every invite made before now,
 *                                                      except the caller's own, stops working
 * An invite never outlives the invite that made it. Revoking closes the open connections of what it revokes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { InviteStore } from '../auth/inviteStore.ts';
import { INVITE_LABEL_MAX } from '../../protocol/index.ts';
import { createToken, newInviteId, verifyInvite, type Role, type TokenClaims } from '../auth/token.ts';
import type { Revocation } from '../relay/relay.ts';
import { error, isObject, readJson, type Reply } from './json.ts';

export const API_PREFIX = '/api/';
const DAY_MS = 86_400_000;
export const NEW_WORKSPACE_INVITE_DAYS = 30;

export interface ApiOptions {
  secret: string | Buffer;
  now: () => Date;
  invites: InviteStore;
  /** Closes the open connections (plain and multiplexed) of what was revoked; returns how many. */
  closeRevoked: (revocation: Revocation) => number;
  /** Creates and stores the seeded document of a new workspace; rejects when it cannot. Absent: 404. */
  createWorkspace: ((input: { id: string; name: string; locale: 'nl' | 'en' }) => Promise<void>) | undefined;
}

function editorClaims(
  request: IncomingMessage,
  opts: ApiOptions,
): { ok: true; claims: TokenClaims } | { ok: false; reply: Reply } {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return { ok: false, reply: error(401, 'unauthorized', 'an editor invite is required') };
  const check = verifyInvite(token, opts.secret, opts.now(), opts.invites.isRevoked);
  if (!check.ok) return { ok: false, reply: error(401, 'unauthorized', `the invite is ${check.reason}`) };
  if (check.claims.role !== 'editor')
    return { ok: false, reply: error(403, 'forbidden', 'a viewer invite cannot do this') };
  return { ok: true, claims: check.claims };
}

/**
 * An invite made with the caller's invite never outlives it: otherwise a short-lived invite could renew
 * itself for ever (a 1-hour invite minting a 365-day one, which mints another…).
 */
const notPast = (caller: TokenClaims, wantedMs: number): Date =>
  new Date(Math.min(wantedMs, caller.exp * 1000));

/** Makes, records and returns an invite to `workspaceId`; `label` says whom it is for ('' for nobody named). */
function mint(opts: ApiOptions, workspaceId: string, role: Role, expiresAt: Date, label = '') {
  const createdAt = opts.now();
  const id = newInviteId();
  const token = createToken({ workspaceId, role, expiresAt, issuedAt: createdAt, inviteId: id }, opts.secret);
  const invite = {
    id,
    workspaceId,
    role,
    label,
    createdAt: createdAt.getTime(),
    expiresAt: expiresAt.getTime(),
  };
  opts.invites.record(invite);
  return { token, invite: { ...invite, revokedAt: null } };
}

const ROUTES = new Set([
  'POST /api/workspaces',
  'POST /api/invites',
  'GET /api/invites',
  'POST /api/invites/revoke',
  'POST /api/invites/revoke-all',
]);

async function route(request: IncomingMessage, opts: ApiOptions): Promise<Reply> {
  const path = new URL(request.url ?? '/', 'http://api.invalid').pathname;
  const key = `${request.method} ${path}`;
  if (key === 'GET /api/time') return { status: 200, body: { now: opts.now().getTime() } };
  if (key === 'POST /api/workspaces' && opts.createWorkspace === undefined) {
    return error(404, 'notFound', 'this server does not create workspaces');
  }
  if (!ROUTES.has(key)) {
    const known = [...ROUTES].some((r) => r.endsWith(` ${path}`));
    return known
      ? error(405, 'methodNotAllowed', 'method not allowed here')
      : error(404, 'notFound', 'no such API');
  }
  const auth = editorClaims(request, opts);
  if (!auth.ok) return auth.reply;
  const caller = auth.claims;
  const now = opts.now().getTime();
  if (key === 'GET /api/invites')
    return { status: 200, body: { invites: opts.invites.list(caller.ws, now) } };

  const body = await readJson(request);
  if (!body.ok) return body.reply;
  if (!isObject(body.value)) return error(400, 'badRequest', 'the request body must be a JSON object');
  const input = body.value;

  switch (key) {
    case 'POST /api/workspaces': {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (!name || name.length > 200) return error(400, 'badRequest', 'name must be 1–200 characters');
      const locale = input.locale === 'en' ? 'en' : input.locale === 'nl' ? 'nl' : null;
      if (!locale) return error(400, 'badRequest', 'locale must be "nl" or "en"');
      const id = randomBytes(12).toString('base64url');
      await opts.createWorkspace!({ id, name, locale });
      const made = mint(opts, id, 'editor', notPast(caller, now + NEW_WORKSPACE_INVITE_DAYS * DAY_MS));
      return { status: 201, body: { workspaceId: id, token: made.token } };
    }
    case 'POST /api/invites': {
      const role: Role | null = input.role === 'editor' || input.role === 'viewer' ? input.role : null;
      if (!role) return error(400, 'badRequest', 'role must be "editor" or "viewer"');
      const days = typeof input.days === 'number' ? input.days : 30;
      if (!Number.isInteger(days) || days < 1 || days > 365)
        return error(400, 'badRequest', 'days must be 1–365');
      if (input.label !== undefined && typeof input.label !== 'string')
        return error(400, 'badRequest', 'label must be a string');
      // One line of text: control characters (a pasted line break) become spaces.
      const label = (input.label ?? '').replace(/[\p{Cc}\s]+/gu, ' ').trim();
      if ([...label].length > INVITE_LABEL_MAX)
        return error(400, 'badRequest', `label must be at most ${INVITE_LABEL_MAX} characters`);
      return { status: 201, body: mint(opts, caller.ws, role, notPast(caller, now + days * DAY_MS), label) };
    }
    case 'POST /api/invites/revoke': {
      const id = typeof input.id === 'string' ? input.id : '';
      if (!opts.invites.revoke(caller.ws, id, now))
        return error(404, 'notFound', 'this workspace has no invite with that id');
      return {
        status: 200,
        body: { closedConnections: opts.closeRevoked({ workspaceId: caller.ws, inviteId: id }) },
      };
    }
    default: {
      // revoke-all. Whole seconds, rounded up: an invite carries its time in seconds, and one made in the
      // same second as the revocation must not survive it.
      const before = Math.ceil(now / 1000) * 1000;
      opts.invites.revokeAllBefore(caller.ws, before, caller.id);
      const revocation: Revocation = { workspaceId: caller.ws, issuedBefore: before };
      if (caller.id !== undefined) revocation.except = caller.id;
      return { status: 200, body: { closedConnections: opts.closeRevoked(revocation) } };
    }
  }
}

export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  opts: ApiOptions,
): Promise<void> {
  let reply: Reply;
  try {
    reply = await route(request, opts);
  } catch (err) {
    reply = error(500, 'internal', `the server could not do this: ${(err as Error).message}`);
  }
  response.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(reply.body));
}
