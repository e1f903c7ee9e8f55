/**
 * Backing up and restoring a whole workspace with real Yjs documents (doc/backupApply.ts, the code the app's
 * restore and `haard import` share): the workspace with two plans and a meeting board → a version 2 file → a
 * fresh workspace holds the same content; a second restore changes nothing; a version 1 file restores without
 * leaving dead plan cards; every kind of bad input is refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createPlanDoc,
  createUndo,
  createWorkspaceDoc,
  planIntents,
  readDocument,
  readWorkspace,
  workspaceIntents,
  type DocKind,
} from '../../doc/index.ts';
import { backupText, emptyDocuments, makeBackup, readBackup, type ReadBackup } from '../../doc/backup.ts';
import { prepareBackupRestore, type LiveDoc } from '../../doc/backupApply.ts';
import type { AccountPlanDoc, WorkspaceDoc } from '../../core/model/index.ts';
import { settingName } from '../../client/src/ui/data/settingName.ts';
import { setLocale } from '../../client/src/i18n/index.ts';
import {
  assertOk,
  clock,
  opts,
  sampleMeeting,
  samplePlan,
  sampleWorkspace,
} from '../fixtures/docs/sample.ts';

const AT = '2026-03-02T10:00:00.000Z';
const ME = { user: 'me' };
/** The workspace document as its type (readWorkspace gives plain JSON). */
const wsOf = (doc: Y.Doc) => readWorkspace(doc) as WorkspaceDoc;
const situation = (doc: Y.Doc) => (readDocument('plan', doc) as AccountPlanDoc).situation.text;
const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

/** A workspace's documents by `kind/id`; a document not there yet is an empty Y.Doc (as the registry opens it). */
class Docs {
  readonly map = new Map<string, Y.Doc>();
  constructor(readonly workspaceId: string) {}
  get(kind: DocKind, id: string): Y.Doc {
    const key = `${kind}/${kind === 'workspace' ? this.workspaceId : id}`;
    let doc = this.map.get(key);
    if (!doc) this.map.set(key, (doc = new Y.Doc({ gc: false })));
    return doc;
  }
  docOf = (kind: DocKind, id: string): LiveDoc => ({ doc: this.get(kind, id), origin: ME });
  /** Every document's encoded state, to prove nothing was written. */
  states = () => [...this.map.entries()].map(([k, d]) => [k, Y.encodeStateAsUpdate(d)] as const);
}

/** Source workspace ws-1: the sample (cards for plan-1, tournament-1, meeting-1), two plans and a meeting board. */
function source(): Docs {
  const docs = new Docs('ws-1');
  sampleWorkspace(docs.get('workspace', 'ws-1'));
  samplePlan(docs.get('plan', 'plan-1'));
  const p2 = docs.get('plan', 'plan-2');
  assertOk(
    createPlanDoc(p2, {
      id: 'plan-2',
      workspaceId: 'ws-1',
      relationIds: ['w-2'],
      title: 'Noordzee Energie B.V. 2026',
      now: '2026-03-01T09:00:00.000Z',
    }),
  );
  assertOk(planIntents(p2, opts('sample', clock())).setText('situation.text', 'Windpark op zee, fase 2.'));
  sampleMeeting(docs.get('meeting', 'meet-1'));
  const ws = workspaceIntents(docs.get('workspace', 'ws-1'), opts('sample', clock()));
  const card = wsOf(docs.get('workspace', 'ws-1'))!.plans['plan-1']!;
  assertOk(ws.putPlanCard({ ...card, id: 'plan-2', title: 'Noordzee Energie B.V. 2026' }));
  assertOk(
    ws.putMeetingCard({
      id: 'meet-1',
      title: 'RM-overleg maart',
      date: '2026-03-10',
      status: 'running',
      facilitatorId: 'w-1',
      previousBoardId: null,
      presentations: 1,
      commitments: 1,
      updatedAt: '2026-03-10T09:00:00.000Z',
    }),
  );
  return docs;
}

/** The backup the app downloads of `docs`: the workspace and the documents it holds (version 2). */
function backupOf(docs: Docs, version: 1 | 2 = 2): string {
  const documents = emptyDocuments();
  for (const [key, doc] of docs.map) {
    const [kind, id] = key.split('/') as [DocKind, string];
    if (kind !== 'workspace') documents[kind][id] = readDocument(kind, doc)!;
  }
  const workspace = wsOf(docs.get('workspace', docs.workspaceId))!;
  return backupText(makeBackup(workspace, AT, version === 2 ? documents : undefined));
}

function fresh(id = 'ws-2'): Docs {
  const docs = new Docs(id);
  assertOk(
    createWorkspaceDoc(docs.get('workspace', id), { id, name: 'Nieuw kantoor', locale: 'nl', now: AT }),
  );
  return docs;
}

const read = (text: string): Extract<ReadBackup, { ok: true }> => {
  const r = readBackup(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r;
};

describe('restoring a whole workspace', () => {
  it('round trip: workspace, two plans and a meeting board into a fresh workspace, then idempotent', () => {
    const from = source();
    const file = readBackup(backupOf(from));
    expect(file.ok && file.version).toBe(2);
    const to = fresh();
    const prepared = prepareBackupRestore(read(backupOf(from)), 'ws-2', to.docOf);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.refused));
    expect(prepared.documents).toEqual({
      plan: { added: 2, changed: 0, same: 0, removed: 0 },
      meeting: { added: 1, changed: 0, same: 0, removed: 0 },
      tournament: { added: 0, changed: 0, same: 0, removed: 0 },
    });
    // The sample's cards of a tournament and a board it holds no document of are not restored as dead cards.
    expect(prepared.leftOut.map((c) => `${c.kind}/${c.id}`).sort()).toEqual([
      'meeting/meeting-1',
      'tournament/tournament-1',
    ]);
    expect(prepared.same).toBe(false);
    const before = to.states();
    const applied = prepared.apply();
    expect(applied.ok && applied.changed.map((c) => `${c.kind}/${c.id}`)).toEqual([
      'plan/plan-1',
      'plan/plan-2',
      'meeting/meet-1',
      'workspace/ws-2',
    ]);
    expect(to.states()).not.toEqual(before);

    for (const [kind, id] of [
      ['plan', 'plan-1'],
      ['plan', 'plan-2'],
      ['meeting', 'meet-1'],
    ] as const)
      expect(readDocument(kind, to.get(kind, id))).toEqual({
        ...readDocument(kind, from.get(kind, id)),
        workspaceId: 'ws-2',
      });
    expect(situation(to.get('plan', 'plan-2'))).toBe('Windpark op zee, fase 2.');
    const restored = wsOf(to.get('workspace', 'ws-2'))!;
    const original = wsOf(from.get('workspace', 'ws-1'))!;
    expect(restored.relations).toEqual(original.relations);
    expect(restored.contactLog).toEqual(original.contactLog);
    expect(Object.keys(restored.plans).sort()).toEqual(['plan-1', 'plan-2']);
    expect(Object.keys(restored.meetings ?? {})).toEqual(['meet-1']);
    expect(restored.tournaments).toEqual({});
    expect(restored.settings.name).toBe('Nieuw kantoor'); // the workspace keeps its own name

    // The same file again: nothing changes, and it says so.
    const again = prepareBackupRestore(read(backupOf(from)), 'ws-2', to.docOf);
    if (!again.ok) throw new Error('refused');
    expect(again.same).toBe(true);
    expect(again.documents.plan).toEqual({ added: 0, changed: 0, same: 2, removed: 0 });
    const states = to.states();
    expect(again.apply()).toEqual({ ok: true, changed: [] });
    expect(to.states()).toEqual(states);
  });

  it('counts changed plans and cards that leave the list, and writes with the given origin (undoable)', () => {
    const from = source();
    const text = backupOf(from);
    const to = fresh();
    const first = prepareBackupRestore(read(text), 'ws-2', to.docOf);
    if (!first.ok) throw new Error('refused');
    first.apply();
    assertOk(planIntents(to.get('plan', 'plan-1'), opts(ME)).setText('situation.text', 'Later veranderd.'));
    const ws = workspaceIntents(to.get('workspace', 'ws-2'), opts(ME));
    const card = wsOf(to.get('workspace', 'ws-2'))!.plans['plan-1']!;
    assertOk(ws.putPlanCard({ ...card, id: 'plan-9', title: 'Nieuwer plan' }));
    const undo = createUndo('plan', to.get('plan', 'plan-1'), ME);
    const transactions: unknown[] = [];
    to.get('plan', 'plan-1').on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));

    const second = prepareBackupRestore(read(text), 'ws-2', to.docOf);
    if (!second.ok) throw new Error('refused');
    expect(second.documents.plan).toEqual({ added: 0, changed: 1, same: 1, removed: 1 });
    second.apply();
    expect(transactions).toEqual([ME]);
    // The tab's undo (tracking its origin) takes the restore of this plan back in one step.
    expect(undo.undo()).toBe(true);
    expect(situation(to.get('plan', 'plan-1'))).toBe('Later veranderd.');
    expect(undo.redo()).toBe(true);
    expect(situation(to.get('plan', 'plan-1'))).toBe('Familiebedrijf, 40 medewerkers.');
    expect(Object.keys(wsOf(to.get('workspace', 'ws-2'))!.plans).sort()).toEqual(['plan-1', 'plan-2']);
  });

  it('a version 1 backup restores the workspace; cards of plans it does not hold are left out, not dead', () => {
    const from = source();
    const v1 = read(backupOf(from, 1));
    expect(v1.version).toBe(1);
    const to = fresh();
    const prepared = prepareBackupRestore(v1, 'ws-2', to.docOf);
    if (!prepared.ok) throw new Error('refused');
    expect(prepared.documents.plan).toEqual({ added: 0, changed: 0, same: 0, removed: 0 });
    expect(prepared.leftOut.map((c) => c.title)).toContain('Noordzee Energie B.V. 2026');
    prepared.apply();
    const restored = wsOf(to.get('workspace', 'ws-2'))!;
    expect(restored.plans).toEqual({});
    expect(Object.keys(restored.relations).length).toBeGreaterThan(0);

    // Into the workspace it was made of, whose plans exist: their cards stay.
    const home = prepareBackupRestore(v1, 'ws-1', from.docOf);
    if (!home.ok) throw new Error('refused');
    expect(home.leftOut.map((c) => c.id).sort()).toEqual(['meeting-1', 'tournament-1']);
    home.apply();
    expect(Object.keys(wsOf(from.get('workspace', 'ws-1'))!.plans).sort()).toEqual(['plan-1', 'plan-2']);
  });

  it('refuses a document the target cannot take, with its path, and writes nothing at all', () => {
    const from = source();
    const to = fresh();
    // The target's plan-2 comes from a newer Haard: it cannot be made equal to the backup here.
    const newer = to.get('plan', 'plan-2');
    newer.getMap('meta').set('id', 'plan-2');
    newer.getMap('meta').set('schemaVersion', 99);
    const before = to.states();
    const prepared = prepareBackupRestore(read(backupOf(from)), 'ws-2', to.docOf);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.refused.map((r) => r.path)).toEqual(['documents.plan.plan-2']);
    expect(prepared.refused[0]!.message.nl).toMatch(/nieuwere versie/);
    // The workspace and the newer plan untouched; the documents opened for the restore still empty.
    const after = new Map(to.states());
    for (const [key, state] of before) expect(after.get(key)).toEqual(state);
    for (const [key, state] of after) if (!before.some(([k]) => k === key)) expect(state).toEqual(EMPTY);
  });
});

describe('bad input is refused before anything is opened', () => {
  type File = Record<string, unknown> & {
    documents: Record<string, Record<string, Record<string, unknown>>>;
  };
  const good = () => JSON.parse(backupOf(source())) as File;
  it.each([
    ['a truncated file', () => backupOf(source()).slice(0, 2000), 'notJson'],
    ['a CSV file', () => 'Accountnaam;Omzet\nBakkerij Jansen;1200\n', 'notJson'],
    ['a JSON file of another kind', () => JSON.stringify({ format: 'crm-export', rows: [] }), 'notBackup'],
    [
      'a document of an unknown kind',
      () => JSON.stringify({ ...good(), documents: { ...good().documents, widget: { w1: { id: 'w1' } } } }),
      'unknownKind',
    ],
  ])('%s', (_name, text, code) => {
    const r = readBackup(text());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe(code);
  });

  it('an invalid plan: its path, and the whole file refused', () => {
    const file = good();
    file.documents.plan!['plan-2']!.budget = 'veel';
    const r = readBackup(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok && r.problem.code === 'invalid')
      expect(r.problem.issues.map((i) => i.path)).toEqual(['documents.plan.plan-2.budget']);
    else throw new Error('expected invalid');
  });
});

describe('settingName', () => {
  it('names settings keys in the reader’s language, and shows an unknown key as it is', () => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    setLocale('nl');
    expect(settingName('importMemory')).toBe('onthouden importkoppelingen');
    setLocale('en');
    expect(settingName('importMemory')).toBe('remembered import mappings');
    expect(settingName('somethingNewer')).toBe('somethingNewer');
  });
});
