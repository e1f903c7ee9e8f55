/**
 * The relay's small HTTP API, for what a browser cannot do itself because only the server holds the
 * token secret. Both calls need an editor token (Authorization: Bearer …); errors are JSON values
 * `{ error: { reason, message } }` with a status code.
 *
 * - POST /api/workspaces  { name, locale }   → 201 { workspaceId, token }  a new workspace, seeded once
 * - POST /api/invites     { role, days }     → 201 { token }  an invite to the caller's workspace
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createToken, verifyToken, type Role, type TokenClaims } from '../auth/token.ts';

export const API_PREFIX = '/api/';
const MAX_BODY_BYTES = 16 * 1024;
const DAY_MS = 86_400_000;
export const NEW_WORKSPACE_INVITE_DAYS = 30;

export interface ApiOptions {
  secret: string | Buffer;
  now: () => Date;
  /** Creates and stores the seeded document of a new workspace; rejects when it cannot. */
  createWorkspace: (input: { id: string; name: string; locale: 'nl' | 'en' }) => Promise<void>;
}

type Reply = { status: number; body: unknown };

const error = (status: number, reason: string, message: string): Reply => ({
  status,
  body: { error: { reason, message } },
});

async function readJson(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      return { ok: false, reply: error(413, 'tooLarge', 'the request body is too large') };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
  } catch {
    return { ok: false, reply: error(400, 'badJson', 'the request body is not JSON') };
  }
}

function editorClaims(
  request: IncomingMessage,
  opts: ApiOptions,
): { ok: true; claims: TokenClaims } | { ok: false; reply: Reply } {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return { ok: false, reply: error(401, 'unauthorized', 'an editor invite is required') };
  const check = verifyToken(token, opts.secret, opts.now());
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function route(request: IncomingMessage, opts: ApiOptions): Promise<Reply> {
  const path = new URL(request.url ?? '/', 'http://api.invalid').pathname;
  if (path !== '/api/workspaces' && path !== '/api/invites') return error(404, 'notFound', 'no such API');
  if (request.method !== 'POST') return error(405, 'methodNotAllowed', 'use POST');
  const auth = editorClaims(request, opts);
  if (!auth.ok) return auth.reply;
  const body = await readJson(request);
  if (!body.ok) return body.reply;
  if (!isObject(body.value)) return error(400, 'badRequest', 'the request body must be a JSON object');
  const input = body.value;

  if (path === '/api/workspaces') {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > 200) return error(400, 'badRequest', 'name must be 1–200 characters');
    const locale = input.locale === 'en' ? 'en' : input.locale === 'nl' ? 'nl' : null;
    if (!locale) return error(400, 'badRequest', 'locale must be "nl" or "en"');
    const id = randomBytes(12).toString('base64url');
    await opts.createWorkspace({ id, name, locale });
    const expiresAt = notPast(auth.claims, opts.now().getTime() + NEW_WORKSPACE_INVITE_DAYS * DAY_MS);
    return {
      status: 201,
      body: {
        workspaceId: id,
        token: createToken({ workspaceId: id, role: 'editor', expiresAt }, opts.secret),
      },
    };
  }

  const role: Role | null = input.role === 'editor' || input.role === 'viewer' ? input.role : null;
  if (!role) return error(400, 'badRequest', 'role must be "editor" or "viewer"');
  const days = typeof input.days === 'number' ? input.days : 30;
  if (!Number.isInteger(days) || days < 1 || days > 365)
    return error(400, 'badRequest', 'days must be 1–365');
  const expiresAt = notPast(auth.claims, opts.now().getTime() + days * DAY_MS);
  return {
    status: 201,
    body: { token: createToken({ workspaceId: auth.claims.ws, role, expiresAt }, opts.secret) },
  };
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
