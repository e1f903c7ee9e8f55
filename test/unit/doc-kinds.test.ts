import { describe, expect, it } from 'vitest';
import {
  DOC_KINDS,
  KIND_CHECKS,
  LAYOUT,
  MIGRATIONS,
  combineIntents,
  createUndo,
  readWorkspace,
  workspaceIntents,
} from '../../doc/index.ts';
import { KIND_SPECS } from '../../doc/kinds/index.ts';
import { SAMPLES, assertOk, clock, docWithClient, opts, seqIds } from '../fixtures/docs/sample.ts';

describe('one spec per document kind', () => {
  it.each(DOC_KINDS)('%s: layout, checks and migrations are derived from its spec', (kind) => {
    const spec = KIND_SPECS[kind];
    expect(LAYOUT[kind].collections.map((c) => c.path)).toEqual(spec.collections.map((c) => c.path));
    expect(KIND_CHECKS[kind].collections.map((c) => c.item)).toEqual(spec.collections.map((c) => c.item));
    expect(KIND_CHECKS[kind].doc).toBe(spec.schema);
    expect(LAYOUT[kind].texts).toEqual(spec.texts);
    expect(MIGRATIONS[kind]).toBe(spec.migrations);
  });

  it('new records take their defaults from the spec', () => {
    const doc = docWithClient(1);
    SAMPLES.workspace(doc);
    const ws = workspaceIntents(doc, opts('me', clock(), seqIds('n')));
    const id = assertOk(ws.addRelation({ name: 'Nieuw BV' }));
    const relation = (readWorkspace(doc)!.relations as Record<string, Record<string, unknown>>)[id]!;
    expect(relation).toMatchObject(
      KIND_SPECS.workspace.collections.find((c) => c.path === 'relations')!.defaults!(),
    );
  });
});

describe('combineIntents', () => {
  it('merges handler sets and refuses a name two areas define', () => {
    const merged = combineIntents({ a: () => 1 }, { b: () => 2 });
    expect(merged.a() + merged.b()).toBe(3);
    expect(() => combineIntents({ a: () => 1 }, { a: () => 2 })).toThrow(/intent a is defined by two areas/);
  });
});

describe('plan cards in the workspace', () => {
  const card = {
    id: 'p9',
    title: 'Plan',
    relationIds: ['w-6'],
    ownerId: null,
    completeness: 40,
    errors: 3,
    warnings: 2,
    updatedAt: '2026-03-02T10:00:00.000Z',
    checkedOn: '2026-03-02',
  };

  it('are written once, not rewritten when unchanged, and never undone by a user', () => {
    const doc = docWithClient(1);
    SAMPLES.workspace(doc);
    const me = { user: 'me' };
    const ws = workspaceIntents(doc, opts(me, clock(), seqIds('c')));
    const undo = createUndo('workspace', doc, me);
    let updates = 0;
    doc.on('update', () => updates++);
    assertOk(ws.putPlanCard(card));
    assertOk(ws.putPlanCard({ ...card }));
    expect(updates).toBe(1);
    assertOk(ws.putPlanCard({ ...card, completeness: 55 }));
    expect(updates).toBe(2);
    expect(undo.canUndo()).toBe(false);
    expect((readWorkspace(doc)!.plans as Record<string, typeof card>).p9!.completeness).toBe(55);
  });

  it('refuses a card outside the schema', () => {
    const doc = docWithClient(1);
    SAMPLES.workspace(doc);
    const ws = workspaceIntents(doc, opts('me', clock(), seqIds('c')));
    const result = ws.putPlanCard({ ...card, completeness: 140 });
    expect(result.ok).toBe(false);
  });
});

describe('tournament cards in the workspace', () => {
  const card = {
    id: 't9',
    title: 'XXL 2026',
    year: 2026,
    entries: 12,
    currentRound: 1,
    wonBy: null,
    warnings: 2,
    checkedOn: '2026-03-02',
  };

  it('are written once, not rewritten when unchanged, never undone by a user, and can be removed', () => {
    const doc = docWithClient(1);
    SAMPLES.workspace(doc);
    const me = { user: 'me' };
    const ws = workspaceIntents(doc, opts(me, clock(), seqIds('c')));
    const undo = createUndo('workspace', doc, me);
    let updates = 0;
    doc.on('update', () => updates++);
    assertOk(ws.putTournamentCard(card));
    assertOk(ws.putTournamentCard({ ...card }));
    expect(updates).toBe(1);
    assertOk(ws.putTournamentCard({ ...card, currentRound: 2 }));
    expect(updates).toBe(2);
    expect(undo.canUndo()).toBe(false);
    expect((readWorkspace(doc)!.tournaments as Record<string, typeof card>).t9!.currentRound).toBe(2);
    assertOk(ws.removeTournamentCard('t9'));
    expect(readWorkspace(doc)!.tournaments).not.toHaveProperty('t9');
  });

  it('refuses a card outside the schema and writes nothing', () => {
    const doc = docWithClient(1);
    SAMPLES.workspace(doc);
    const ws = workspaceIntents(doc, opts('me', clock(), seqIds('c')));
    expect(ws.putTournamentCard({ ...card, currentRound: 7 }).ok).toBe(false);
    expect(ws.putTournamentCard({ ...card, entries: -1 }).ok).toBe(false);
    expect(readWorkspace(doc)!.tournaments).not.toHaveProperty('t9');
  });
});
