/** The `haard` command as a user runs it: a real child process, files and standard input, exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from '../../server/auth/secret.ts';
import { openRoomStore } from '../../server/store/roomStore.ts';

const BIN = join(import.meta.dirname, '../../bin/haard.mjs');
const FIXTURE = join(import.meta.dirname, '../fixtures/cli/classify-example.json');

function haard(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data directory as a server leaves it: its generated secret, and a store holding `workspaces`. */
async function serverDataDir(...workspaces: string[]): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), 'haard-cli-'));
  loadOrCreateSecret(data, {});
  const store = openRoomStore({ dataDir: data });
  for (const ws of workspaces) {
    const doc = new Y.Doc();
    doc.getMap('meta').set('name', ws);
    await store.append(`${ws}/workspace/main`, [Y.encodeStateAsUpdate(doc)]);
  }
  await store.close();
  return data;
}

/** `haard token` sees no HAARD_SECRET of the caller's shell. */
const NO_SECRET = { HAARD_SECRET: '' };

const example = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

describe('haard classify', () => {
  it('prints the documented output for the README example (from a file)', () => {
    const r = haard(['classify', FIXTURE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      criteriaIssues: [],
      relations: [{ id: 'r1', total: 3.5, score100: 83.33, computedClass: 'B', class: 'A', missing: [] }],
      counts: { A: 1, B: 0, C: 0, incomplete: 0 },
      pareto: { top20Share: 1, shareFor80: 1 },
    });
  });

  it('reads standard input when no FILE is given', () => {
    const r = haard(['classify'], JSON.stringify(example()));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).relations[0].class).toBe('A');
  });

  it('exits 1 with null computed classes for an invalid criteria set', () => {
    const input = example();
    input.criteria = [{ id: 'rev', name: 'Revenue', category: 'financial' }];
    input.relations = [{ id: 'r1', name: 'Acme', scores: { rev: 3 } }];
    const r = haard(['classify'], JSON.stringify(input));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.criteriaIssues.length).toBeGreaterThan(0);
    expect(out.relations[0].computedClass).toBeNull();
  });

  it.each([
    ['not JSON', '{"criteria": [', /not valid JSON/],
    [
      'a score of 5',
      (() => {
        const i = example();
        (i.relations as { scores: Record<string, number> }[])[0]!.scores.rev = 5;
        return JSON.stringify(i);
      })(),
      /r1|rev/,
    ],
    [
      'a negative revenue',
      (() => {
        const i = example();
        (i.relations as { revenue: number }[])[0]!.revenue = -1;
        return JSON.stringify(i);
      })(),
      /revenue/,
    ],
  ])('exits 2 with one line on stderr for %s', (_name, input, pattern) => {
    const r = haard(['classify'], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  it('names a missing file plainly', () => {
    const r = haard(['classify', '/nonexistent/relations.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/relations\.json: no such file/);
  });

  it('speaks Dutch with --lang nl', () => {
    const r = haard(['classify', '--lang', 'nl'], '{');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/geen geldige JSON/);
    const input = example();
    (input.criteria as { name: string }[])[1]!.name = 'REVENUE';
    const issues = haard(['classify', '--lang', 'nl'], JSON.stringify(input));
    expect(issues.code).toBe(1);
    expect(JSON.parse(issues.stdout).criteriaIssues[0].message).toMatch(/^De naam "Revenue" wordt/);
  });

  it.each([
    ['en', 'hello', 'haard: standard input is not valid JSON: line 1, column 1: unexpected character "h"'],
    [
      'nl',
      '{"criteria": [],\n  "relations": [] "settings": {}}',
      "haard: standaardinvoer is geen geldige JSON: regel 2, kolom 19: ',' verwacht",
    ],
    [
      'nl',
      "{'criteria': []}",
      'haard: standaardinvoer is geen geldige JSON: regel 1, kolom 2: onverwacht teken "\'"',
    ],
    [
      'en',
      '{"criteria": [',
      "haard: standard input is not valid JSON: the input ends too soon: ']' expected",
    ],
  ])('says where the JSON breaks, in the chosen language (%s: %j)', (lang, input, line) => {
    const r = haard(['classify', '--lang', lang], input);
    expect([r.code, r.stderr.trim()]).toEqual([2, line]);
  });
});

describe('haard --help, --version and bad arguments', () => {
  it('prints usage in English and Dutch', () => {
    expect(haard(['--help']).stdout).toMatch(/Usage:[\s\S]*haard classify/);
    expect(haard(['--help', '--lang', 'nl']).stdout).toMatch(/Gebruik:[\s\S]*haard classify/);
  });
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    const r = haard(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
  it('rejects an unknown command and an unknown option with exit 2', () => {
    expect(haard(['frobnicate']).code).toBe(2);
    const r = haard(['classify', '--frob']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('haard: unknown option "--frob" (see haard --help)');
    expect(haard(['classify', '--foo', '--lang', 'nl']).stderr.trim()).toBe(
      'haard: onbekende optie "--foo" (zie haard --help)',
    );
  });
  it('takes a negative number as an option value, then refuses it as --days=-3 is refused', () => {
    const data = mkdtempSync(join(tmpdir(), 'haard-cli-'));
    const line = 'haard: --days must be a positive number, got "-3"';
    for (const args of [['--days', '-3'], ['--days=-3']])
      expect(haard(['token', '--workspace', 'ws1', '--data', data, ...args]).stderr.trim()).toBe(line);
    expect(haard(['token', '--workspace', '--role', 'viewer']).stderr.trim()).toBe(
      'haard: --workspace needs a value, as in --workspace VALUE or --workspace=VALUE (see haard --help)',
    );
    expect(haard(['token', '--workspace', '-h']).stderr.trim()).toBe(
      'haard: --workspace needs a value, as in --workspace VALUE or --workspace=VALUE (see haard --help)',
    );
    expect(haard(['export', '--all=yes']).stderr.trim()).toBe(
      'haard: --all takes no value (see haard --help)',
    );
  });
  it('takes an id that starts with a dash as the value it is (ids use the base64url alphabet)', () => {
    const data = mkdtempSync(join(tmpdir(), 'haard-cli-'));
    const r = haard(['token', '--workspace', '-Xy3_k', '--data', data], undefined, {
      HAARD_SECRET: 'a-secret-of-at-least-32-characters-long',
    });
    expect(r.code).toBe(0);
    const payload = JSON.parse(Buffer.from(r.stdout.trim().split('.')[1]!, 'base64url').toString()) as {
      ws: string;
    };
    expect(payload.ws).toBe('-Xy3_k');
  });
  it('lists --data in the serve usage line, as the README does', () => {
    expect(haard(['--help']).stdout).toMatch(/haard serve \[--port N\] \[--host H\] \[--data DIR\]/);
    expect(haard(['--help', '--lang', 'nl']).stdout).toMatch(/haard serve .*\[--data MAP\]/);
  });
});

describe('haard token', () => {
  it('prints a v1 token for the workspace and role, signed with HAARD_SECRET', () => {
    const data = mkdtempSync(join(tmpdir(), 'haard-cli-'));
    const r = haard(
      ['token', '--workspace', 'ws1', '--role', 'viewer', '--days', '2', '--data', data],
      undefined,
      {
        HAARD_SECRET: 'a-test-secret-of-32-characters!!',
      },
    );
    expect(r.code).toBe(0);
    const [v, payload] = r.stdout.trim().split('.');
    expect(v).toBe('v1');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    expect(claims.ws).toBe('ws1');
    expect(claims.role).toBe('viewer');
    expect(claims.exp - Date.now() / 1000).toBeGreaterThan(86_400);
    expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(2 * 86_400);
  });
  it('accepts an expiry in the past (for tests) and rejects a bad role', async () => {
    const data = await serverDataDir('ws1');
    const past = haard(
      ['token', '--workspace', 'ws1', '--expires', '2020-01-01', '--data', data],
      undefined,
      NO_SECRET,
    );
    expect(past.stderr).toBe('');
    expect(past.code).toBe(0);
    const claims = JSON.parse(Buffer.from(past.stdout.trim().split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims.exp * 1000).toBeLessThan(Date.now());
    expect(haard(['token', '--workspace', 'ws1', '--role', 'owner', '--data', data]).code).toBe(2);
  });
  it('refuses an --expires that names no real day or time, as --today does', async () => {
    const data = await serverDataDir('ws1');
    const token = (...args: string[]) =>
      haard(['token', '--workspace', 'ws1', '--data', data, ...args], undefined, NO_SECRET);
    const cases: Array<[string[], string]> = [
      [['--expires', '2027-02-30'], 'haard: --expires "2027-02-30": 30 February does not exist'],
      [
        ['--expires', '2027-02-29', '--lang', 'nl'],
        'haard: --expires "2027-02-29": 29 februari 2027 bestaat niet',
      ],
      [['--expires', '2027-04-31T10:00Z'], 'haard: --expires "2027-04-31T10:00Z": 31 April does not exist'],
      [['--expires', '2027-13-01'], 'haard: --expires "2027-13-01": there is no month 13'],
      [['--expires', '2027-01-01T25:00Z'], 'haard: --expires "2027-01-01T25:00Z": there is no hour 25'],
      [
        ['--expires', 'March 3 2027'],
        'haard: --expires must be an ISO date such as 2027-01-31 (or 2027-01-31T17:00), got "March 3 2027"',
      ],
    ];
    for (const [args, line] of cases) {
      const r = token(...args);
      expect([r.code, r.stdout, r.stderr.trim()]).toEqual([2, '', line]);
    }
    const ok = token('--expires', '2028-02-29T12:30+01:00');
    expect(ok.code).toBe(0);
    const claims = JSON.parse(Buffer.from(ok.stdout.trim().split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims.exp).toBe(Date.parse('2028-02-29T11:30:00Z') / 1000);
  });
  it('refuses a data directory without the server secret, and creates nothing there', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'haard-cli-')), 'nonexistent-qa');
    const r = haard(
      ['token', '--data', missing, '--workspace', 'X', '--role', 'viewer'],
      undefined,
      NO_SECRET,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      `haard: ${missing} holds no server secret (no ${missing}/secret): give the --data DIR of the server ` +
        '(or HAARD_DATA), or set HAARD_SECRET to the one it uses',
    );
    expect(existsSync(missing)).toBe(false);
    const nl = haard(['token', '--data', missing, '--workspace', 'X', '--lang', 'nl'], undefined, NO_SECRET);
    expect(nl.stderr).toMatch(/bevat geen servergeheim/);
  });
  it('refuses a workspace the store does not hold, naming the ones it does', async () => {
    const data = await serverDataDir('ws-acme', 'ws-beta');
    for (const secret of [NO_SECRET, { HAARD_SECRET: 'a-test-secret-of-32-characters!!' }]) {
      const r = haard(['token', '--data', data, '--workspace', 'DOESNOTEXIST'], undefined, secret);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(
        `haard: the store in ${data} holds no workspace "DOESNOTEXIST" (it holds: ws-acme, ws-beta)`,
      );
    }
    expect(haard(['token', '--data', data, '--workspace', 'a/b']).stderr).toMatch(/--workspace must be/);
  });
  it('warns that the workspace is unchecked when HAARD_SECRET signs and there is no store', () => {
    const data = mkdtempSync(join(tmpdir(), 'haard-cli-'));
    const r = haard(['token', '--data', data, '--workspace', 'ws1'], undefined, {
      HAARD_SECRET: 'a-test-secret-of-32-characters!!',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^v1\./);
    expect(r.stderr.trim()).toBe(
      `haard: warning: there is no store in ${data}, so whether workspace "ws1" exists is not checked`,
    );
  });
});

describe('haard validate-plan', () => {
  const VALID = join(import.meta.dirname, '../fixtures/cli/plan-valid.json');
  const WITH_ERRORS = join(import.meta.dirname, '../fixtures/cli/plan-with-errors.json');

  it('exits 0 with no findings and completeness 100 for a complete plan', () => {
    const r = haard(['validate-plan', VALID, '--today', '2026-03-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ findings: [], completeness: 100 });
  });

  it('exits 1 and lists findings with id, severity, path and a Dutch message', () => {
    const r = haard(['validate-plan', WITH_ERRORS, '--today', '2026-03-01', '--lang', 'nl']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { id: string; path: string }) => [f.id, f.path])).toEqual([
      ['action.noOwner', 'actions.a9.ownerId'],
      ['action.overdue', 'actions.a9.due'],
    ]);
    expect(out.findings[0].message).toMatch(/eigenaar/);
    expect(out.completeness).toBeLessThan(100);
  });

  it('uses --today: the same action is not overdue before its due date', () => {
    const r = haard(['validate-plan', WITH_ERRORS, '--today', '2026-01-15']);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['action.noOwner']);
  });

  it('exits 2 with one line for a plan that does not fit the schema, and for a bad --today', () => {
    const input = JSON.parse(readFileSync(VALID, 'utf8'));
    input.plan.actions[Object.keys(input.plan.actions)[0]!].cost = -5;
    const r = haard(['validate-plan', '--today', '2026-03-01'], JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cost/);
    const d = haard(['validate-plan', VALID, '--today', '2026-02-30']);
    expect(d.code).toBe(2);
    expect(d.stderr.trim()).toBe('haard: --today "2026-02-30": 30 February does not exist');
    const nl = haard(['validate-plan', VALID, '--today', '2027-02-29', '--lang', 'nl']);
    expect(nl.code).toBe(2);
    expect(nl.stderr.trim()).toBe('haard: --today "2027-02-29": 29 februari 2027 bestaat niet');
    const shape = haard(['validate-plan', VALID, '--today', '1-3-2026']);
    expect(shape.stderr.trim()).toBe('haard: --today must be a date as YYYY-MM-DD, got "1-3-2026"');
  });
});

describe('haard token errors', () => {
  it('reports a too-short HAARD_SECRET in one line', () => {
    const data = mkdtempSync(join(tmpdir(), 'haard-cli-'));
    const r = haard(['token', '--workspace', 'ws1', '--data', data], undefined, { HAARD_SECRET: 'short' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/HAARD_SECRET/);
  });
});
