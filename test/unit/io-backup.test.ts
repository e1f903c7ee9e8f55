import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPlan, readWorkspace } from '../../doc/index.ts';
import { backupText, diffBackup, makeBackup, readBackup } from '../../client/src/io/backup.ts';
import type { WorkspaceDoc } from '../../core/model/index.ts';
import { SCHEMA_VERSION } from '../../core/model/common.ts';
import { samplePlan, sampleWorkspace } from '../fixtures/docs/sample.ts';

const sample = () => {
  const doc = new Y.Doc();
  sampleWorkspace(doc);
  return readWorkspace(doc) as WorkspaceDoc;
};
const text = (workspace: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'haard-backup',
    version: 1,
    exportedAt: '2026-03-02T10:00:00.000Z',
    workspace,
    ...over,
  });

describe('readBackup', () => {
  it('reads back what makeBackup wrote, exactly', () => {
    const ws = sample();
    const read = readBackup(backupText(makeBackup(ws, '2026-03-02T10:00:00.000Z')));
    expect(read).toMatchObject({ ok: true, exportedAt: '2026-03-02T10:00:00.000Z', migrated: [] });
    if (read.ok) expect(read.workspace).toEqual(ws);
  });

  it.each([
    ['not JSON', '{"format": ', 'notJson'],
    ['another JSON file', JSON.stringify({ hello: 'world' }), 'notBackup'],
    ['a newer backup format', text({}, { version: 3 }), 'newerBackupVersion'],
  ])('refuses %s', (_name, input, code) => {
    const read = readBackup(input);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.code).toBe(code);
  });

  it('refuses a backup from a newer schema version, with both versions', () => {
    const read = readBackup(text({ ...sample(), schemaVersion: 99 }));
    expect(read).toEqual({
      ok: false,
      problem: { code: 'newerSchema', version: 99, known: SCHEMA_VERSION.workspace },
    });
  });

  it('refuses a corrupt backup and lists every problem with its path', () => {
    const ws = sample();
    const [r1, r2] = Object.keys(ws.relations);
    const corrupt = structuredClone(ws) as unknown as {
      relations: Record<string, Record<string, unknown>>;
      settings: Record<string, unknown>;
    };
    corrupt.relations[r1!]!.revenue = 'veel';
    corrupt.relations[r2!]!.kind = 'vriend';
    corrupt.settings.currency = 'euro';
    const read = readBackup(text(corrupt));
    expect(read.ok).toBe(false);
    if (read.ok || read.problem.code !== 'invalid') throw new Error('expected invalid');
    expect(read.problem.issues.map((i) => i.path).sort()).toEqual(
      [`relations.${r1}.revenue`, `relations.${r2}.kind`, 'settings.currency'].sort(),
    );
  });
});

describe('diffBackup', () => {
  it('counts what would be added, changed and removed, and notes another workspace', () => {
    const current = sample();
    const next = structuredClone(current);
    const [r1, r2] = Object.keys(next.relations);
    next.relations[r1!]!.revenue = 1;
    delete next.relations[r2!];
    next.relations.extra = { ...next.relations[r1!]!, id: 'extra', name: 'Extra' };
    next.settings.currency = 'USD';
    next.id = 'ws-other';
    const diff = diffBackup(current, next);
    expect(diff.collections.relations).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(diff.collections.contacts).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(diff.settings).toEqual(['currency']);
    expect(diff.otherWorkspace).toBe(true);
    expect(diff.same).toBe(false);
    expect(diffBackup(current, current).same).toBe(true);
  });
});

describe('backup format 2: the workspace with its plans, meeting boards and tournaments', () => {
  const plan = () => {
    const doc = new Y.Doc();
    samplePlan(doc);
    return readPlan(doc)!;
  };

  it('writes version 1 for the workspace alone (older apps read it) and 2 with documents', () => {
    expect(makeBackup(sample() as never, 'now').version).toBe(1);
    const documents = { plan: { 'plan-1': plan() }, meeting: {}, tournament: {} };
    expect(makeBackup(sample() as never, 'now', documents).version).toBe(2);
  });

  it('reads the documents back exactly, and a version 1 file with none', () => {
    const documents = { plan: { 'plan-1': plan() }, meeting: {}, tournament: {} };
    const read = readBackup(backupText(makeBackup(sample() as never, '2026-03-02T10:00:00.000Z', documents)));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.documents.plan['plan-1']).toEqual(plan());
    const old = readBackup(text(sample()));
    expect(old.ok && old.documents).toEqual({ plan: {}, meeting: {}, tournament: {} });
  });

  it.each([
    [
      'a record that fails the schema',
      (p: Record<string, unknown>) => (p.budget = 'a lot'),
      'documents.plan.plan-1.budget',
    ],
    [
      'a document under another id',
      (p: Record<string, unknown>) => (p.id = 'plan-9'),
      'documents.plan.plan-1.id',
    ],
  ])('refuses %s, naming it', (_name, spoil, path) => {
    const bad = plan() as unknown as Record<string, unknown>;
    spoil(bad);
    const read = readBackup(text(sample(), { version: 2, documents: { plan: { 'plan-1': bad } } }));
    expect(read.ok).toBe(false);
    if (read.ok || read.problem.code !== 'invalid') throw new Error('expected invalid');
    expect(read.problem.issues.map((i) => i.path)).toEqual([path]);
  });

  it('refuses a document kind it does not know', () => {
    const read = readBackup(text(sample(), { version: 2, documents: { invoice: {} } }));
    expect(read).toEqual({
      ok: false,
      problem: { code: 'unknownKind', kind: 'invoice', known: ['plan', 'meeting', 'tournament'] },
    });
  });
});
