/**
 * Calls to the server's small HTTP API. Errors are values: a stable `reason` the UI translates
 * ('offline' when the server cannot be reached) and the server's own `message` as a detail.
 */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; reason: string; message: string };

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  token: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as {
      error?: { reason: string; message: string };
    } | null;
    if (!res.ok)
      return {
        ok: false,
        reason: json?.error?.reason ?? 'http',
        message: json?.error?.message ?? `HTTP ${res.status}`,
      };
    return { ok: true, value: json as T };
  } catch {
    return { ok: false, reason: 'offline', message: 'the server cannot be reached' };
  }
}

const post = <T>(path: string, token: string, body: unknown) => call<T>('POST', path, token, body);

/** An invite made in the app, as GET /api/invites lists it (times in ms since the epoch). */
export interface InviteInfo {
  id: string;
  role: 'editor' | 'viewer';
  /** Whom it is for ('' when the maker named nobody). */
  label: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export const listInvites = (token: string) => call<{ invites: InviteInfo[] }>('GET', '/api/invites', token);

export const revokeInvite = (token: string, id: string) =>
  post<{ closedConnections: number }>('/api/invites/revoke', token, { id });

/** Revokes every invite of the workspace made before now, except the caller's own. */
export const revokeAllInvites = (token: string) =>
  post<{ closedConnections: number }>('/api/invites/revoke-all', token, {});

export const createWorkspace = (token: string, name: string, locale: 'nl' | 'en') =>
  post<{ workspaceId: string; token: string }>('/api/workspaces', token, { name, locale });

/** A new invite link to the caller's workspace; `label` (≤ 80 characters, may be '') says whom it is for. */
export const createInvite = (token: string, role: 'editor' | 'viewer', days: number, label = '') =>
  post<{ token: string }>('/api/invites', token, { role, days, label });

export const inviteLink = (token: string) => `${location.origin}/#invite=${token}`;
