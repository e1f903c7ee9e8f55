import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createUndo,
  meetingIntents,
  planIntents,
  readDocument,
  readMeeting,
  readPlan,
  readWorkspace,
  workspaceIntents,
} from '../../doc/index.ts';
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

type Rel = Record<string, { name: string; notes: string; revenue: number | null }>;
const rel = (doc: Y.Doc) => (readWorkspace(doc)!.relations as Rel)['w-6']!;

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
    undoB: createUndo('workspace', b, userB),
  };
}

describe('per-user undo', () => {
  it("undo reverts only my change; a collaborator's edit to the same record survives", () => {
    const { a, b, wsA, wsB, undoA } = twoUsers();
    assertOk(wsA.updateRelation('w-6', { name: 'Bakkerij Jansen BV' }));
    assertOk(wsB.updateRelation('w-6', { notes: 'Let op: nieuwe directeur' }));
    syncAll(a, b);
    expect(undoA.canUndo()).toBe(true);
    expect(undoA.undo()).toBe(true);
    syncAll(a, b);
    expect(rel(a)).toMatchObject({ name: 'Bakkerij Jansen', notes: 'Let op: nieuwe directeur' });
    expect(readWorkspace(b)).toEqual(readWorkspace(a));
    expect(undoA.canUndo()).toBe(false);
    expect(undoA.redo()).toBe(true);
    expect(rel(a).name).toBe('Bakkerij Jansen BV');
  });

  it('undo never overwrites a later remote change to the same field', () => {
    const { a, b, wsA, wsB, undoA } = twoUsers();
    assertOk(wsA.updateRelation('w-6', { revenue: 1000 }));
    syncAll(a, b);
    assertOk(wsB.updateRelation('w-6', { revenue: 2000 }));
    syncAll(a, b);
    undoA.undo();
    syncAll(a, b);
    expect(rel(a).revenue).toBe(2000);
    expect(rel(b).revenue).toBe(2000);
  });

  it('a remote change alone gives me nothing to undo', () => {
    const { a, b, wsB, undoA } = twoUsers();
    assertOk(wsB.addRelation({ name: 'Van B' }));
    syncAll(a, b);
    expect(undoA.canUndo()).toBe(false);
    expect(undoA.undo()).toBe(false);
    expect(Object.values(readWorkspace(a)!.relations as Rel).map((r) => r.name)).toContain('Van B');
  });

  it('undoing removeRelation restores the relation with its contacts and scores', () => {
    const { a, wsA, undoA } = twoUsers();
    const before = readWorkspace(a);
    assertOk(wsA.removeRelation('w-6'));
    expect(readWorkspace(a)).not.toEqual(before);
    undoA.undo();
    expect(readWorkspace(a)).toEqual(before);
  });

  it('each discrete intent is its own step, even within the capture timeout; seeding is never undone', () => {
    const doc = new Y.Doc();
    const me = { user: 'anna' };
    const undo = createUndo('workspace', doc, me, { captureTimeout: 60_000 });
    SAMPLES.workspace(doc, { other: true });
    expect(undo.canUndo()).toBe(false);
    const ws = workspaceIntents(doc, opts(me));
    assertOk(ws.rename('Een'));
    assertOk(ws.rename('Twee'));
    undo.undo();
    expect((readWorkspace(doc)!.settings as { name: string }).name).toBe('Een');
    undo.undo();
    expect((readWorkspace(doc)!.settings as { name: string }).name).toBe('Van Dijk Advies');
    expect(undo.canUndo()).toBe(false);
  });

  it('consecutive typing in one section is one step; a different section or intent starts a new one', () => {
    const doc = new Y.Doc();
    const me = { user: 'anna' };
    SAMPLES.plan(doc);
    const undo = createUndo('plan', doc, me, { captureTimeout: 60_000 });
    const plan = planIntents(doc, opts(me));
    assertOk(plan.setText('summary', 'W'));
    assertOk(plan.setText('summary', 'Wie'));
    assertOk(plan.setText('summary', 'Wie heeft'));
    assertOk(plan.setText('closing', 'Vragen?'));
    assertOk(plan.setTitle('T'));
    undo.undo();
    expect(readPlan(doc)!.title).toBe('Accountplan Bakkerij Jansen');
    undo.undo();
    expect(readPlan(doc)!.closing).toBe('');
    expect(readPlan(doc)!.summary).toBe('Wie heeft');
    undo.undo();
    expect(readPlan(doc)!.summary).toBe('');
  });

  it('notifies listeners when the stacks change', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const undo = createUndo('workspace', doc, 'me');
    let calls = 0;
    undo.onChange(() => calls++);
    assertOk(workspaceIntents(doc, opts('me')).rename('X'));
    undo.undo();
    expect(calls).toBeGreaterThanOrEqual(2);
    undo.destroy();
  });
});

describe('undo never leaves a required field without a value', () => {
  // both differ from the seeded default, so both intents really write
  const classification = (mode: 'distribution' | 'thresholds') => ({
    mode,
    pA: 0.3,
    pC: 0.3,
    tA: 3.25,
    tC: 2,
    kinds: ['client' as const],
  });

  function concurrentOverwrite() {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    assertOk(
      workspaceIntents(a, opts('anna')).updateSettings({ classification: classification('thresholds') }),
    );
    assertOk(
      workspaceIntents(b, opts('bram')).updateSettings({ classification: classification('distribution') }),
    );
    syncAll(a, b);
    return { a, b };
  }

  it('a raw Y.UndoManager drops the key after a concurrent overwrite (the Yjs behaviour repair.ts exists for)', () => {
    const { a, b } = concurrentOverwrite();
    const dropped = [a, b].map((doc, i) => {
      const um = new Y.UndoManager([doc.getMap('settings')], {
        trackedOrigins: new Set([i === 0 ? 'anna' : 'bram']),
      });
      // the manager only knows edits made after it exists: redo the overwrite under it
      doc.transact(
        () =>
          doc
            .getMap('settings')
            .set('classification', classification(i === 0 ? 'thresholds' : 'distribution')),
        i === 0 ? 'anna' : 'bram',
      );
      return um;
    });
    syncAll(a, b);
    dropped[0]!.undo();
    dropped[1]!.undo();
    syncAll(a, b);
    expect(a.getMap('settings').has('classification')).toBe(false);
  });

  it('createUndo restores the value the field had before the undo', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    const undoA = createUndo('workspace', a, 'anna');
    const undoB = createUndo('workspace', b, 'bram');
    assertOk(
      workspaceIntents(a, opts('anna')).updateSettings({ classification: classification('thresholds') }),
    );
    assertOk(
      workspaceIntents(b, opts('bram')).updateSettings({ classification: classification('distribution') }),
    );
    syncAll(a, b);
    expect(undoB.undo()).toBe(true); // client 2's value won the conflict; undoing it used to leave nothing
    syncAll(a, b);
    undoA.undo();
    syncAll(a, b);
    for (const doc of [a, b]) {
      expect(doc.getMap('settings').has('classification')).toBe(true);
    }
    expect(readWorkspace(a)).toEqual(readWorkspace(b));
  });
});

describe('undo of an editor binding’s edits', () => {
  it('tracks a binding origin: its typing is one undo step, separate from intents, and never a colleague’s', () => {
    const a = docWithClient(1);
    SAMPLES.plan(a);
    const b = replica(a, 2);
    const me = { user: 'anna' };
    const undo = createUndo('plan', a, me, { captureTimeout: 10_000 });
    const binding = { name: 'codemirror' };
    undo.trackOrigin(binding, 'summary');
    const text = a.getText('summary');
    const before = text.toString();
    a.transact(() => text.insert(text.length, ' one'), binding);
    a.transact(() => text.insert(text.length, ' two'), binding);
    // A colleague's edit to the same text is not mine to undo.
    b.getText('summary').insert(0, 'B: ');
    syncAll(a, b);
    const plan = planIntents(a, opts(me, clock(), seqIds('u')));
    assertOk(plan.setTitle('Changed title'));
    expect(undo.undo()).toBe(true); // the title
    expect(readPlan(a)!.title).not.toBe('Changed title');
    expect(text.toString()).toContain(' one two');
    expect(text.toString()).toContain('B: ');
    expect(undo.undo()).toBe(true); // both words typed through the binding, as one step
    expect(text.toString().replace('B: ', '')).toBe(before);
    expect(text.toString()).toContain('B: ');
  });
});

describe('undo steps', () => {
  it('an edit inside a record right after a removal is its own step (nested changes count as in scope)', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const me = { user: 'anna' };
    const ws = workspaceIntents(a, opts(me, clock(), seqIds('s')));
    const undo = createUndo('workspace', a, me, { captureTimeout: 60_000 });
    const criteria = Object.keys(readWorkspace(a)!.criteria as object);
    assertOk(ws.removeCriterion(criteria[0]!));
    assertOk(ws.updateCriterion(criteria[1]!, { name: 'Renamed' }));
    expect(undo.undo()).toBe(true); // the rename only
    const after = readWorkspace(a)!.criteria as Record<string, { name: string }>;
    expect(after[criteria[0]!]).toBeUndefined();
    expect(after[criteria[1]!]!.name).not.toBe('Renamed');
  });
});

/**
 * Undo bypasses the intents (it replays Yjs items), so a deleted plan or board refuses undo/redo in
 * createUndo itself — but for the deleter's own deletion step, whose undo restores the document.
 */
describe('undo on a deleted document', () => {
  const KINDS = [
    {
      kind: 'plan' as const,
      seed: SAMPLES.plan,
      edit: (doc: Y.Doc, me: unknown) =>
        planIntents(doc, opts(me, clock(), seqIds('e'))).setText('strategy.text', 'Anna typte dit'),
      remove: (doc: Y.Doc, me: unknown, deleted: boolean) =>
        planIntents(doc, opts(me, clock(), seqIds('d'))).setDeleted(deleted),
      read: (doc: Y.Doc) => readPlan(doc) as { deletedAt: string | null },
    },
    {
      kind: 'meeting' as const,
      seed: SAMPLES.meeting,
      edit: (doc: Y.Doc, me: unknown) =>
        meetingIntents(doc, opts(me, clock(), seqIds('e'))).updateBoard({ title: 'Anna typte dit' }),
      remove: (doc: Y.Doc, me: unknown, deleted: boolean) =>
        meetingIntents(doc, opts(me, clock(), seqIds('d'))).setDeleted(deleted),
      read: (doc: Y.Doc) => readMeeting(doc) as unknown as { deletedAt: string | null },
    },
  ];

  it.each(KINDS)(
    "$kind: Anna's undo/redo is refused while Bram's deletion stands; Bram's undo restores it",
    ({ kind, seed, edit, remove, read }) => {
      const a = docWithClient(1);
      seed(a);
      const b = replica(a, 2);
      const anna = { user: 'anna' };
      const bram = { user: 'bram' };
      const undoA = createUndo(kind, a, anna);
      const undoB = createUndo(kind, b, bram);
      const changes: string[] = [];
      undoA.onChange(() => changes.push(`${undoA.canUndo()}`));
      assertOk(edit(a, anna));
      syncAll(a, b);
      expect(undoA.canUndo()).toBe(true);

      assertOk(remove(b, bram, true));
      syncAll(a, b);
      const typed = JSON.stringify(readDocument(kind, a));
      expect(read(a).deletedAt).not.toBeNull();
      expect(undoA.canUndo()).toBe(false);
      expect(changes.at(-1)).toBe('false'); // the buttons hear of a remote deletion
      expect(undoA.undo()).toBe(false);
      syncAll(a, b);
      expect(JSON.stringify(readDocument(kind, a))).toBe(typed); // nothing of Anna's text was taken back
      expect(JSON.stringify(readDocument(kind, b))).toBe(typed);

      // Bram's own deletion is the step his undo takes back: the document is restored, as "Restore" does.
      expect(undoB.canUndo()).toBe(true);
      expect(undoB.undo()).toBe(true);
      syncAll(a, b);
      expect(read(a).deletedAt).toBeNull();
      expect(undoA.canUndo()).toBe(true);
      // Redo deletes again; then neither Bram's redo nor anything more is possible but his undo.
      expect(undoB.redo()).toBe(true);
      syncAll(a, b);
      expect(read(a).deletedAt).not.toBeNull();
      expect(undoA.canRedo()).toBe(false);
      expect(undoA.undo()).toBe(false);

      // Restored through the intent, Anna's undo works again and takes back her edit.
      assertOk(remove(b, bram, false));
      syncAll(a, b);
      expect(undoA.undo()).toBe(true);
      expect(JSON.stringify(readDocument(kind, a))).not.toContain('Anna typte dit');
    },
  );
});
