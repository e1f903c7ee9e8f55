/** Access tokens and the signing secret. */
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from '../../server/auth/secret.ts';
import { createToken, verifyToken } from '../../server/auth/token.ts';
import { removeDir, tempDataDir } from './helpers/relayHarness.ts';

const SECRET = 'token-test-secret-0123456789';
const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-02T12:00:00Z');
const token = (overrides: Partial<Parameters<typeof createToken>[0]> = {}, secret = SECRET) =>
  createToken({ workspaceId: 'acme', role: 'editor', expiresAt: LATER, issuedAt: NOW, ...overrides }, secret);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  it('round-trips its claims, in a payload the browser can read unverified', () => {
    const t = token({ role: 'viewer' });
    expect(t).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const payload = JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { id: string };
    expect(payload.id).toMatch(/^[A-Za-z0-9_-]{12}$/); // every invite gets an id, so it can be revoked
    const claims = {
      ws: 'acme',
      role: 'viewer',
      exp: LATER.getTime() / 1000,
      iat: NOW.getTime() / 1000,
      id: payload.id,
    };
    expect(JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString())).toEqual(claims);
    expect(verifyToken(t, SECRET, NOW)).toEqual({ ok: true, claims });
  });

  it.each<[string, () => string, Date, string]>([
    ['empty', () => '', NOW, 'malformed'],
    ['two parts', () => 'v1.abc', NOW, 'malformed'],
    ['four parts', () => `${token()}.x`, NOW, 'malformed'],
    ['another version', () => token().replace(/^v1/, 'v2'), NOW, 'malformed'],
    ['non-base64url characters', () => token().replace(/\.[^.]+$/, '.abc+/='), NOW, 'malformed'],
    ['a short signature', () => token().replace(/\.[^.]+$/, '.abcd'), NOW, 'malformed'],
    ['signed with another secret', () => token({}, 'another-secret-0123456789'), NOW, 'forged'],
    [
      'an edited payload',
      () => `v1.${b64({ ws: 'acme', role: 'editor', exp: 4e9, iat: 0 })}.${token().split('.')[2]}`,
      NOW,
      'forged',
    ],
    ['expired a second ago', () => token({ expiresAt: new Date(NOW.getTime() - 1000) }), NOW, 'expired'],
    ['expiring exactly now', () => token({ expiresAt: NOW }), NOW, 'expired'],
    ['checked after its expiry', () => token(), new Date(LATER.getTime() + 1000), 'expired'],
  ])('rejects a token %s', (_, make, now, reason) => {
    expect(verifyToken(make(), SECRET, now)).toEqual({ ok: false, reason });
  });

  it('rejects a correctly signed payload that is not a valid claim set as malformed', () => {
    const sign = (payload: unknown) => {
      const part = b64(payload);
      return `v1.${part}.${createHmac('sha256', SECRET).update(`v1.${part}`).digest('base64url')}`;
    };
    for (const payload of [
      { ws: 'acme', role: 'admin', exp: 4e9, iat: 0 },
      { ws: 'acme/plan', role: 'editor', exp: 4e9, iat: 0 },
      { ws: 'acme', role: 'editor', exp: '4e9', iat: 0 },
      'just a string',
    ]) {
      expect(verifyToken(sign(payload), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses to create a token for an invalid workspace id', () => {
    expect(() => token({ workspaceId: 'acme/plan' })).toThrow(/workspace id/);
  });
});

describe('loadOrCreateSecret', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));
  const dir = () => {
    const d = tempDataDir();
    dirs.push(d);
    return d;
  };

  it('prefers HAARD_SECRET', () => {
    expect(loadOrCreateSecret(dir(), { HAARD_SECRET: 'from-the-environment-123' })).toBe(
      'from-the-environment-123',
    );
  });

  it('rejects a short HAARD_SECRET with advice', () => {
    expect(() => loadOrCreateSecret(dir(), { HAARD_SECRET: 'short' })).toThrow(/at least 16/);
  });

  it('generates a secret once into <dataDir>/secret with mode 0600 and reuses it', () => {
    const data = join(dir(), 'nested', 'data');
    const first = loadOrCreateSecret(data, {});
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(statSync(join(data, 'secret')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(data, {})).toBe(first);
    expect(readFileSync(join(data, 'secret'), 'utf8').trim()).toBe(first);
  });

  it('refuses an empty secret file instead of silently replacing it', () => {
    const data = dir();
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'secret'), '\n');
    expect(() => loadOrCreateSecret(data, {})).toThrow(/no usable secret/);
  });
});
