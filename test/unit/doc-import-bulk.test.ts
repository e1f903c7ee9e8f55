/** The bulk intents: importRecords (CSV) and restoreBackup — all or nothing, one transaction, one undo step. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  INTENT_META,
  createUndo,
  createWorkspaceDoc,
  readWorkspace,
  workspaceIntents,
  type RecordsImport,
} from '../../doc/index.ts';
import type { Contact, Relation, WorkspaceDoc } from '../../core/model/index.ts';
import { assertOk, clock, opts, replica, sampleWorkspace, seqIds, syncAll } from '../fixtures/docs/sample.ts';

const ME = { user: 'me' };
const relation = (id: string, name: string, extra: Partial<Relation> = {}): Relation => ({
  id,
  name,
  kind: 'client',
  sector: '',
  revenue: null,
  potential: null,
  ownerId: null,
  teamIds: [],
  notes: '',
  tags: [],
  override: null,
  sevenQuestions: {},
  ...extra,
});
const contact = (id: string, relationId: string, name: string): Contact => ({
  id,
  relationId,
  name,
  title: '',
  dmuRole: null,
  attitude: null,
  strength: 0,
  knownBy: [],
});

function setup() {
  const doc = new Y.Doc();
  sampleWorkspace(doc);
  const ws = workspaceIntents(doc, opts(ME, clock(), seqIds('x')));
  const undo = createUndo('workspace', doc, ME);
  const transactions: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === ME) transactions.push(tr.meta.get(INTENT_META));
  });
  return { doc, ws, undo, transactions, read: () => readWorkspace(doc) as WorkspaceDoc };
}

const idOf = (data: WorkspaceDoc, name: string) =>
  Object.values(data.relations).find((r) => r.name === name)!.id;

const batch = (data: WorkspaceDoc, over: Partial<RecordsImport> = {}): RecordsImport => ({
  addRelations: [relation('n1', 'Nieuw BV', { revenue: 10, tags: ['a'] }), relation('n2', 'Tweede BV')],
  updateRelations: [],
  addContacts: [contact('k1', 'n1', 'Kim'), contact('k2', idOf(data, 'Gemeente Utrecht'), 'Lars')],
  updateContacts: [],
  ...over,
});

describe('importRecords', () => {
  it('adds and updates many records in ONE transaction; undo reverts all of it in one step', () => {
    const { ws, undo, transactions, read } = setup();
    const before = read();
    const existing = Object.values(before.relations).find((r) => r.name === 'Bakkerij Jansen')!;
    const result = ws.importRecords(
      batch(before, { updateRelations: [{ id: existing.id, patch: { revenue: 999, sector: 'Brood' } }] }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        relationsAdded: 2,
        relationsUpdated: 1,
        contactsAdded: 2,
        contactsUpdated: 0,
        professionalsAdded: 0,
        contactLogAdded: 0,
      },
    });
    expect(transactions).toEqual(['importRecords']);
    const after = read();
    expect(after.relations.n1).toEqual(relation('n1', 'Nieuw BV', { revenue: 10, tags: ['a'] }));
    expect(after.relations[existing.id]).toMatchObject({
      revenue: 999,
      sector: 'Brood',
      ownerId: existing.ownerId,
    });
    expect(after.contacts.k1!.relationId).toBe('n1');
    expect(after.scores.n1).toEqual({}); // a score row is created with the relation, as addRelation does

    expect(undo.undo()).toBe(true);
    expect(read()).toEqual(before);
    expect(undo.canUndo()).toBe(false);
  });

  it('writes nothing when any record is invalid, and reports all of them', () => {
    const { ws, read, transactions } = setup();
    const before = read();
    const taken = idOf(before, 'Gemeente Utrecht');
    const result = ws.importRecords(
      batch(before, {
        addRelations: [
          relation('n1', 'Goed'),
          { ...relation('n2', 'Fout'), revenue: -5 },
          relation(taken, 'Bestaat al'),
        ],
        addContacts: [contact('k1', 'nergens', 'Kim')],
        updateRelations: [{ id: 'weg', patch: { name: 'x' } }],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [i.path, i.code])).toEqual([
        ['relations.n2.revenue', 'too_small'],
        [`relations.${taken}`, 'duplicate_id'],
        ['relations.weg', 'not_found'],
        ['contacts.k1.relationId', 'not_found'],
      ]);
    expect(transactions).toEqual([]);
    expect(read()).toEqual(before);
  });

  it('adds professionals, history entries and the import memory in the same step; references are checked', () => {
    const { ws, undo, read } = setup();
    const before = read();
    const pro = {
      id: 'p9',
      name: 'Jan Jansen',
      email: '',
      profile: 'relationshipManager',
      seniority: 'medior',
    } as const;
    const entry = {
      id: 'e9',
      relationId: 'n1',
      date: '2025-11-03',
      type: 'other',
      professionalIds: ['p9'],
      contactIds: ['k1'],
      note: 'Last activity in the CRM',
      signals: {},
    } as const;
    const memory = {
      columns: { associatedcompany: 'relation.name' },
      values: { 'relation.kind': { evangelist: 'tag' } },
    };
    const result = ws.importRecords(
      batch(before, {
        addRelations: [relation('n1', 'Nieuw BV', { ownerId: 'p9' }), relation('n2', 'Tweede BV')],
        addProfessionals: [{ ...pro }],
        addContactLog: [
          { ...entry, professionalIds: [...entry.professionalIds], contactIds: [...entry.contactIds] },
        ],
        importMemory: memory,
      }),
    );
    expect(result).toMatchObject({ ok: true, value: { professionalsAdded: 1, contactLogAdded: 1 } });
    const after = read();
    expect(after.professionals.p9).toEqual(pro);
    expect(after.relations.n1!.ownerId).toBe('p9');
    expect(after.contactLog.e9).toEqual(entry);
    expect(after.settings.importMemory).toEqual(memory);
    expect(undo.undo()).toBe(true);
    expect(read()).toEqual(before);

    const dangling = ws.importRecords(
      batch(before, {
        addRelations: [
          relation('n1', 'Nieuw BV', { ownerId: 'nobody', teamIds: ['ghost'] }),
          relation('n2', 'x'),
        ],
        addContactLog: [{ ...entry, id: 'e8', professionalIds: [], contactIds: ['nocontact'] }],
        importMemory: { columns: { x: 'y'.repeat(201) }, values: {} },
      }),
    );
    expect(!dangling.ok && dangling.issues.map((i) => [i.path, i.code])).toEqual([
      ['relations.n1.ownerId', 'not_found'],
      ['relations.n1.ownerId', 'not_found'],
      ['contactLog.e8.contactIds', 'not_found'],
      ['settings.importMemory.columns.x', 'too_big'],
    ]);
    expect(read()).toEqual(before);
  });
});

describe('restoreBackup', () => {
  it('makes the workspace equal to the backup by edits, in one undoable transaction, keeping its id', () => {
    const { doc, ws, undo, transactions, read } = setup();
    const backup = read();
    // Change things after the backup.
    assertOk(ws.addRelation({ name: 'Later toegevoegd' }));
    const bakkerij = Object.values(backup.relations).find((r) => r.name === 'Bakkerij Jansen')!;
    assertOk(ws.updateRelation(bakkerij.id, { revenue: 1, tags: ['anders'] }));
    assertOk(
      ws.removeRelation(Object.values(backup.relations).find((r) => r.name === 'Gemeente Utrecht')!.id),
    );
    assertOk(ws.updateSettings({ currency: 'USD', acquisitionCost: null }));
    const changed = read();
    transactions.length = 0;

    const relationMap = doc.getMap('relations').get(bakkerij.id);
    assertOk(ws.restoreBackup({ ...backup, id: 'another-workspace', createdAt: '2020-01-01T00:00:00.000Z' }));
    expect(transactions).toEqual(['restoreBackup']);
    expect(read()).toEqual(backup); // id and createdAt stay this workspace's own
    expect(doc.getMap('relations').get(bakkerij.id)).toBe(relationMap); // edited in place, not replaced

    expect(undo.undo()).toBe(true);
    expect(read()).toEqual(changed);
  });

  it('merges with a concurrent edit made elsewhere to a record the restore does not change', () => {
    const { doc, ws, read } = setup();
    const backup = read();
    const other = replica(doc, 777);
    const otherWs = workspaceIntents(other, opts({ user: 'bram' }, clock(), seqIds('b')));
    const rel = Object.values(backup.relations).find((r) => r.name === 'Bakkerij Jansen')!;
    assertOk(otherWs.updateRelation(rel.id, { notes: 'Bram was here' }));
    assertOk(ws.updateSettings({ currency: 'USD' }));
    assertOk(ws.restoreBackup(backup));
    syncAll(doc, other);
    expect(read().relations[rel.id]!.notes).toBe('Bram was here');
    expect(read().settings.currency).toBe('EUR');
  });

  it('keeps the tournament index when the backup predates it (an optional collection: nothing is lost)', () => {
    const { ws, read } = setup();
    const { tournaments: before, ...oldBackup } = read();
    const card = {
      id: 't1',
      title: 'XXL',
      year: 2026,
      entries: 3,
      currentRound: 0,
      wonBy: null,
      warnings: 0,
      checkedOn: '2026-03-02',
    };
    assertOk(ws.putTournamentCard(card));
    assertOk(ws.restoreBackup(oldBackup));
    expect(read().tournaments).toEqual({ ...before, t1: card });
    // A backup that has the index restores it like any collection.
    assertOk(ws.restoreBackup({ ...oldBackup, tournaments: {} }));
    expect(read().tournaments).toEqual({});
  });

  it('refuses an invalid document and changes nothing', () => {
    const { ws, read } = setup();
    const before = read();
    const bad = structuredClone(before);
    (bad.relations[Object.keys(bad.relations)[0]!] as unknown as Record<string, unknown>).kind = 'vriend';
    const result = ws.restoreBackup(bad);
    expect(result.ok).toBe(false);
    expect(read()).toEqual(before);
  });

  it('restores into an empty workspace', () => {
    const { read } = setup();
    const backup = read();
    const doc = new Y.Doc();
    assertOk(
      createWorkspaceDoc(doc, {
        id: 'fresh',
        name: 'Nieuw',
        locale: 'en',
        now: '2026-04-01T00:00:00.000Z',
        newId: seqIds('f'),
      }),
    );
    const ws = workspaceIntents(doc, opts(ME, clock(), seqIds('y')));
    assertOk(ws.restoreBackup(backup));
    const restored = readWorkspace(doc) as WorkspaceDoc;
    // Issue 11 §6: the new workspace keeps its own name (and id and creation date); the rest is the backup.
    expect(restored.settings.name).toBe('Nieuw');
    expect({
      ...restored,
      id: backup.id,
      createdAt: backup.createdAt,
      settings: { ...restored.settings, name: backup.settings.name },
    }).toEqual(backup);
  });
});
