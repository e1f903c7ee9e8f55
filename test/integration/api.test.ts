/** POST /api/workspaces and /api/invites on a real server (port 0), and the seeded document over sync. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkspace } from '../../doc/read.ts';
import type { WorkspaceDoc } from '../../core/model/index.ts';
import { checkDocument } from '../../doc/check.ts';
import { seedWorkspaceUpdate } from '../../server/seed.ts';
import { providerClient, removeDir, startServer, synced, tokenFor } from './helpers/relayHarness.ts';

let server: Awaited<ReturnType<typeof startServer>>;

beforeEach(async () => {
  server = await startServer({ seedWorkspace: seedWorkspaceUpdate });
});
afterEach(async () => {
  await server.close();
  removeDir(server.dataDir);
});

const post = (path: string, body: unknown, token?: string) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /api/workspaces', () => {
  it('creates a seeded workspace and returns an editor invite that opens it', async () => {
    const res = await post('/api/workspaces', { name: 'Kantoor Utrecht', locale: 'nl' }, tokenFor('ws1'));
    expect(res.status).toBe(201);
    const { workspaceId, token } = (await res.json()) as { workspaceId: string; token: string };
    expect(workspaceId).toMatch(/^[A-Za-z0-9_-]{8,}$/);

    const client = providerClient(server, `${workspaceId}/workspace/main`, token);
    await synced(client);
    const json = readWorkspace(client.doc) as WorkspaceDoc | null;
    expect(json?.settings.name).toBe('Kantoor Utrecht');
    expect(json?.settings.locale).toBe('nl');
    const checked = checkDocument('workspace', json);
    expect(checked.quarantine).toEqual([]);
    expect(Object.keys(json!.criteria).length).toBeGreaterThanOrEqual(3);
    client.destroy();
  });

  it.each([
    ['no token', { name: 'X', locale: 'nl' }, undefined, 401, 'unauthorized'],
    ['a viewer token', { name: 'X', locale: 'nl' }, tokenFor('ws1', 'viewer'), 403, 'forbidden'],
    ['an expired token', { name: 'X', locale: 'nl' }, tokenFor('ws1', 'editor', -10), 401, 'unauthorized'],
    ['an empty name', { name: '  ', locale: 'nl' }, tokenFor('ws1'), 400, 'badRequest'],
    ['an unknown locale', { name: 'X', locale: 'de' }, tokenFor('ws1'), 400, 'badRequest'],
    ['a body that is not JSON', '{name', tokenFor('ws1'), 400, 'badJson'],
    [
      'a body that is too large',
      { name: 'x'.repeat(20_000), locale: 'nl' },
      tokenFor('ws1'),
      413,
      'tooLarge',
    ],
  ])('refuses %s with a JSON error', async (_what, body, token, status, reason) => {
    const res = await post('/api/workspaces', body, token);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { reason: string; message: string } };
    expect(json.error.reason).toBe(reason);
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(server.relay.stats().rooms).toBe(0);
  });
});

describe('POST /api/invites', () => {
  it('issues an invite to the caller’s own workspace with the asked role', async () => {
    const res = await post(
      '/api/invites',
      { role: 'viewer', days: 7 },
      tokenFor('wsA', 'editor', 30 * 86_400),
    );
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ ws: 'wsA', role: 'viewer' });
    expect(claims.exp - Date.now() / 1000).toBeGreaterThan(6 * 86_400);
  });
  it('never mints an invite that outlives the caller’s own (a short invite cannot renew itself)', async () => {
    const oneHour = tokenFor('wsA', 'editor', 3_600);
    const callerExp = JSON.parse(Buffer.from(oneHour.split('.')[1]!, 'base64url').toString()).exp as number;
    const minted = (await (await post('/api/invites', { role: 'editor', days: 365 }, oneHour)).json()) as {
      token: string;
    };
    const claims = JSON.parse(Buffer.from(minted.token.split('.')[1]!, 'base64url').toString());
    expect(claims.exp).toBe(callerExp);
    const again = (await (
      await post('/api/invites', { role: 'editor', days: 365 }, minted.token)
    ).json()) as {
      token: string;
    };
    expect(JSON.parse(Buffer.from(again.token.split('.')[1]!, 'base64url').toString()).exp).toBe(callerExp);
    const workspace = (await (
      await post('/api/workspaces', { name: 'X', locale: 'nl' }, oneHour)
    ).json()) as {
      token: string;
    };
    expect(JSON.parse(Buffer.from(workspace.token.split('.')[1]!, 'base64url').toString()).exp).toBe(
      callerExp,
    );
  });
  it('refuses a viewer, and days outside 1–365', async () => {
    expect((await post('/api/invites', { role: 'editor' }, tokenFor('wsA', 'viewer'))).status).toBe(403);
    expect((await post('/api/invites', { role: 'editor', days: 0 }, tokenFor('wsA'))).status).toBe(400);
    expect((await post('/api/invites', { role: 'owner' }, tokenFor('wsA'))).status).toBe(400);
  });
  it('lists an invite with whom it is for, on one line; no label is an empty one', async () => {
    const caller = tokenFor('wsL');
    const named = await post('/api/invites', { role: 'viewer', label: '  Carla\nde Vries ' }, caller);
    expect(named.status).toBe(201);
    expect(((await named.json()) as { invite: { label: string } }).invite.label).toBe('Carla de Vries');
    expect((await post('/api/invites', { role: 'editor' }, caller)).status).toBe(201);
    const listed = await fetch(`http://127.0.0.1:${server.port}/api/invites`, {
      headers: { Authorization: `Bearer ${caller}` },
    });
    const { invites } = (await listed.json()) as { invites: Array<{ role: string; label: string }> };
    expect(invites.map((i) => [i.role, i.label]).sort()).toEqual([
      ['editor', ''],
      ['viewer', 'Carla de Vries'],
    ]);
  });
  it('refuses a label that is not text or longer than 80 characters, and makes no invite', async () => {
    const caller = tokenFor('wsM');
    for (const label of [42, 'x'.repeat(81)]) {
      const res = await post('/api/invites', { role: 'editor', label }, caller);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/label must be/);
    }
    // 80 characters that are two UTF-16 units each still fit.
    expect((await post('/api/invites', { role: 'editor', label: '😀'.repeat(80) }, caller)).status).toBe(201);
    const listed = await fetch(`http://127.0.0.1:${server.port}/api/invites`, {
      headers: { Authorization: `Bearer ${caller}` },
    });
    expect(((await listed.json()) as { invites: unknown[] }).invites).toHaveLength(1);
  });
});
