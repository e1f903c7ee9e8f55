/**
 * A relation's notes are a shared text (doc/layout.ts nested kind `text`, workspace schema 3): concurrent
 * edits merge character by character, the migration from schema 2 converts existing notes without
 * duplicating them when two replicas run it at once, and reads, writes, restore, undo, check and repair keep
 * working. Real Y.Docs exchanging real updates; no mocks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  checkDocument,
  createUndo,
  loadDocument,
  readWorkspace,
  recordText,
  repairTexts,
  textFindings,
  watchRecordText,
  workspaceIntents,
  writeDocument,
} from '../../doc/index.ts';
import { syncRecord } from '../../doc/restore.ts';
import { backupText, makeBackup, readBackup } from '../../doc/backup.ts';
import type { Relation, WorkspaceDoc } from '../../core/model/index.ts';
import {
  SAMPLES,
  assertOk,
  clock,
  docWithClient,
  opts,
  replica,
  seqIds,
  syncAll,
} from '../fixtures/docs/sample.ts';

type Rel = Record<string, { notes: string }>;
const notesOf = (doc: Y.Doc, id: string) => (readWorkspace(doc)!.relations as Rel)[id]!.notes;
const relationMap = (doc: Y.Doc, id: string) => doc.getMap('relations').get(id) as Y.Map<unknown>;

/** The v2 golden fixture with notes written as a v2 client wrote them: a plain string in the relation's map. */
function v2WithNotes(notes: Record<string, string>): Y.Doc {
  const doc = docWithClient(7);
  Y.applyUpdate(
    doc,
    new Uint8Array(readFileSync(new URL('../fixtures/docs/workspace-v2.bin', import.meta.url))),
  );
  expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
  const ids = [...doc.getMap('relations').keys()].sort();
  doc.transact(() => {
    Object.values(notes).forEach((text, i) => relationMap(doc, ids[i]!).set('notes', text));
  });
  return doc;
}

/** Insert `text` at `index` of relation `id`'s notes, as an editor binding does (a delta into the Y.Text). */
const type = (doc: Y.Doc, id: string, index: number, text: string) =>
  recordText('workspace', doc, 'relations', id, 'notes')!.insert(index, text);

function twoUsers() {
  const a = docWithClient(1);
  SAMPLES.workspace(a);
  const b = replica(a, 2);
  const userA = { user: 'anna' };
  const userB = { user: 'bram' };
  return {
    a,
    b,
    wsA: workspaceIntents(a, opts(userA, clock(), seqIds('a'))),
    wsB: workspaceIntents(b, opts(userB, clock(), seqIds('b'))),
    undoA: createUndo('workspace', a, userA),
  };
}

describe('relation notes merge as text', () => {
  it('offline edits of the same notes on two replicas both survive (intents write only the changed middle)', () => {
    const { a, b, wsA, wsB } = twoUsers();
    assertOk(wsA.updateRelation('w-6', { notes: 'Directeur: Piet.' }));
    syncAll(a, b);
    assertOk(wsA.updateRelation('w-6', { notes: 'Directeur: Piet. Wil uitbreiden.' }));
    assertOk(wsB.updateRelation('w-6', { notes: 'Let op — Directeur: Piet.' }));
    syncAll(a, b);
    expect(notesOf(a, 'w-6')).toBe('Let op — Directeur: Piet. Wil uitbreiden.');
    expect(readWorkspace(b)).toEqual(readWorkspace(a));
  });

  it('typing into the shared text (as the editor does) on both sides merges; the record stays valid', () => {
    const { a, b } = twoUsers();
    type(a, 'w-6', 0, 'Anna typt hier. ');
    type(b, 'w-6', 0, 'Bram typt daar. ');
    syncAll(a, b);
    const notes = notesOf(a, 'w-6');
    expect(notes).toContain('Anna typt hier. ');
    expect(notes).toContain('Bram typt daar. ');
    expect(notes).toHaveLength('Anna typt hier. Bram typt daar. '.length);
    expect(checkDocument('workspace', readWorkspace(a)).quarantine).toEqual([]);
  });

  it('a new relation carries its notes as a Y.Text from the transaction that creates it', () => {
    const { a, wsA } = twoUsers();
    const id = assertOk(wsA.addRelation({ name: 'Nieuw BV', notes: 'Eerste gesprek' }));
    expect(relationMap(a, id).get('notes')).toBeInstanceOf(Y.Text);
    expect(notesOf(a, id)).toBe('Eerste gesprek');
  });
});

describe('workspace 2 → 3: notesAsText', () => {
  it('turns each plain notes string into a Y.Text with the same content; the document passes schema 3', () => {
    const doc = v2WithNotes({ first: 'Koffie met Piet\nVolgende keer: offerte', second: '' });
    const before = readWorkspace(doc)!;
    expect(loadDocument('workspace', doc)).toEqual({ status: 'ready', version: 3, applied: ['notesAsText'] });
    const after = readWorkspace(doc)!;
    expect(after).toEqual({ ...before, schemaVersion: 3 });
    doc.getMap('relations').forEach((r) => expect((r as Y.Map<unknown>).get('notes')).toBeInstanceOf(Y.Text));
    expect(checkDocument('workspace', after).quarantine).toEqual([]);
  });

  it('two replicas migrating the same state at once write one text: nothing doubled, both later edits kept', () => {
    const a = v2WithNotes({ first: 'Koffie met Piet' });
    const b = replica(a, 99);
    const id = [...a.getMap('relations').keys()].sort()[0]!;
    loadDocument('workspace', a);
    loadDocument('workspace', b);
    // Still offline: each types into the notes they just migrated.
    type(a, id, 15, ' (Anna)');
    type(b, id, 0, 'Bram: ');
    syncAll(a, b);
    expect(notesOf(a, id)).toBe('Bram: Koffie met Piet (Anna)');
    expect(readWorkspace(b)).toEqual(readWorkspace(a));
    expect(loadDocument('workspace', a)).toMatchObject({ applied: [] });
  });

  it('replicas migrating different states never double the notes (last writer wins between the copies)', () => {
    const a = v2WithNotes({ first: 'Koffie met Piet' });
    const b = replica(a, 99);
    const [id, other] = [...a.getMap('relations').keys()].sort();
    relationMap(b, other!).set('sector', 'Bakkerij'); // b has seen an edit a has not
    loadDocument('workspace', a);
    loadDocument('workspace', b);
    syncAll(a, b);
    expect(notesOf(a, id!)).toBe('Koffie met Piet');
    expect(readWorkspace(b)).toEqual(readWorkspace(a));
    expect(recordText('workspace', a, 'relations', id!, 'notes')).toBeInstanceOf(Y.Text);
  });
});

describe('reads, writes, restore and undo of notes', () => {
  it('JSON → document → JSON keeps the notes; the document holds them as a Y.Text', () => {
    const source = twoUsers().a;
    const json = readWorkspace(source)!;
    (json.relations as Rel)['w-6']!.notes = 'Regel één\nRegel twee';
    const doc = new Y.Doc();
    assertOk(writeDocument('workspace', doc, json));
    expect(readWorkspace(doc)).toEqual(json);
    expect(recordText('workspace', doc, 'relations', 'w-6', 'notes')?.toString()).toBe(
      'Regel één\nRegel twee',
    );
  });

  it('restoring a record edits its text in place: a colleague typing at the same time keeps their words', () => {
    const { a, b, wsA } = twoUsers();
    assertOk(wsA.updateRelation('w-6', { notes: 'Eerste versie' }));
    syncAll(a, b);
    const json = (readWorkspace(a)!.relations as Record<string, Record<string, unknown>>)['w-6']!;
    a.transact(() =>
      syncRecord(
        a.getMap('relations'),
        'w-6',
        { ...json, notes: 'Eerste versie, hersteld' },
        { notes: 'text' },
      ),
    );
    type(b, 'w-6', 0, 'Bram: ');
    syncAll(a, b);
    expect(notesOf(a, 'w-6')).toBe('Bram: Eerste versie, hersteld');
  });

  it("undo of a note edit undoes that edit only; a colleague's concurrent typing stays", () => {
    const { a, b, wsA, undoA } = twoUsers();
    assertOk(wsA.updateRelation('w-6', { notes: 'Basis' }));
    syncAll(a, b);
    undoA.destroy();
    const later = { user: 'anna', session: 2 }; // a new session of Anna's: 'Basis' is not in its undo
    const undo = createUndo('workspace', a, later);
    const ws = workspaceIntents(a, opts(later));
    assertOk(ws.updateRelation('w-6', { notes: 'Basis, met Anna' }));
    type(b, 'w-6', 0, 'Bram: ');
    syncAll(a, b);
    expect(notesOf(a, 'w-6')).toBe('Bram: Basis, met Anna');
    expect(undo.undo()).toBe(true);
    syncAll(a, b);
    expect(notesOf(a, 'w-6')).toBe('Bram: Basis');
    expect(undo.redo()).toBe(true);
    expect(notesOf(a, 'w-6')).toBe('Bram: Basis, met Anna');
  });

  it("undo covers an editor binding's typing in a record's text (the scope includes nested texts)", () => {
    const { a } = twoUsers();
    const undo = createUndo('workspace', a, { user: 'anna' });
    const binding = { name: 'y-codemirror' };
    undo.trackOrigin(binding, 'relations.w-6.notes');
    a.transact(() => type(a, 'w-6', 0, 'Getypt'), binding);
    expect(notesOf(a, 'w-6')).toBe('Getypt');
    expect(undo.undo()).toBe(true);
    expect(notesOf(a, 'w-6')).toBe('');
  });
});

describe('check and repair of a value where a text should be', () => {
  it('a plain string (an older client wrote it) gets a clear finding; repair makes it a text, losing nothing', () => {
    const { a, b } = twoUsers();
    relationMap(a, 'w-6').set('notes', 'Oud geschreven');
    syncAll(a, b);
    const findings = textFindings('workspace', a);
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'relations.w-6.notes',
        raw: 'Oud geschreven',
        issues: [expect.objectContaining({ code: 'not_a_shared_text' })],
      }),
    ]);
    // Two replicas repair the same state at once: one text, not two, and later typing on both merges.
    expect(repairTexts('workspace', a)).toBe(1);
    expect(repairTexts('workspace', b)).toBe(1);
    type(a, 'w-6', 0, 'A ');
    type(b, 'w-6', 14, ' B');
    syncAll(a, b);
    expect(notesOf(a, 'w-6')).toBe('A Oud geschreven B');
    expect(textFindings('workspace', a)).toEqual([]);
    expect(repairTexts('workspace', a)).toBe(0);
  });

  it('another value is reported and kept as it is; the record is quarantined with its raw value', () => {
    const { a } = twoUsers();
    relationMap(a, 'w-6').set('notes', 42);
    expect(textFindings('workspace', a)).toEqual([
      expect.objectContaining({ path: 'relations.w-6.notes', raw: 42 }),
    ]);
    expect(repairTexts('workspace', a)).toBe(0);
    expect(relationMap(a, 'w-6').get('notes')).toBe(42);
    const checked = checkDocument('workspace', readWorkspace(a));
    expect(checked.quarantine.find((q) => q.path === 'relations.w-6')?.raw).toMatchObject({ notes: 42 });
  });

  it('watchRecordText follows the text when a repair replaces the plain value', () => {
    const { a } = twoUsers();
    relationMap(a, 'w-6').set('notes', 'los');
    const seen: (string | null)[] = [];
    const stop = watchRecordText('workspace', a, 'relations', 'w-6', 'notes', (t) =>
      seen.push(t?.toString() ?? null),
    );
    repairTexts('workspace', a);
    stop();
    expect(seen).toEqual([null, 'los']);
  });
});

describe('CSV import and backups carry the notes as a shared text', () => {
  it('an import adds notes as a text and updates existing notes in place (a colleague typing keeps their words)', () => {
    const { a, b, wsA } = twoUsers();
    const current = (readWorkspace(a)!.relations as Record<string, Relation>)['w-6']!;
    const fresh: Relation = { ...current, id: 'imp-1', name: 'Uit het CRM', notes: 'Regel 1\nRegel 2' };
    assertOk(wsA.updateRelation('w-6', { notes: 'Uit het CRM: klant sinds 2019.' }));
    syncAll(a, b);
    type(b, 'w-6', 0, 'Bram: ');
    assertOk(
      wsA.importRecords({
        addRelations: [fresh],
        updateRelations: [{ id: 'w-6', patch: { notes: 'Uit het CRM: klant sinds 2018.' } }],
        addContacts: [],
        updateContacts: [],
      }),
    );
    syncAll(a, b);
    expect(recordText('workspace', a, 'relations', 'imp-1', 'notes')?.toString()).toBe('Regel 1\nRegel 2');
    expect(notesOf(a, 'w-6')).toBe('Bram: Uit het CRM: klant sinds 2018.');
  });

  it('a backup (also one saved at schema 2) restores notes as edits of the text; export reads them as strings', () => {
    const { a, b, wsA } = twoUsers();
    assertOk(wsA.updateRelation('w-6', { notes: 'Versie van vandaag' }));
    syncAll(a, b);
    const saved = readWorkspace(a)!;
    expect((saved.relations as Rel)['w-6']!.notes).toBe('Versie van vandaag');
    // The same file as a schema-2 client wrote it: notes were strings then too; readBackup migrates it.
    const old: Record<string, unknown> = { ...saved, schemaVersion: 2 };
    (old.relations as Rel)['w-6']!.notes = 'Versie uit de backup';
    const read = readBackup(backupText(makeBackup(old, '2026-03-02T10:00:00.000Z')));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    type(b, 'w-6', 0, 'Bram: ');
    assertOk(wsA.restoreBackup(read.workspace as WorkspaceDoc));
    syncAll(a, b);
    expect(notesOf(a, 'w-6')).toBe('Bram: Versie uit de backup');
    expect(recordText('workspace', a, 'relations', 'w-6', 'notes')).toBeInstanceOf(Y.Text);
    expect(readWorkspace(b)).toEqual(readWorkspace(a));
  });
});
