/**
 * doc/history on real Y.Docs: versions (named, daily, meeting), opening a version, attribution of concurrent
 * edits by two people (PermanentUserData), restore as new edits in one undo step, and the doc layer ignoring
 * the `versions` records and the `users` root.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  checkDocument,
  createPlanDoc,
  createWorkspaceDoc,
  workspaceIntents,
  createUndo,
  effectiveVersion,
  loadDocument,
  planIntents,
  readDocument,
  SEED_ORIGIN,
  UPKEEP_ORIGIN,
} from '../../doc/index.ts';
import {
  attachUser,
  changesBetween,
  dailyVersionId,
  getVersion,
  openVersion,
  personNames,
  readVersions,
  saveMeetingVersion,
  meetingBoardOf,
  saveVersion,
  trackDailyVersions,
  versionJson,
} from '../../doc/history/index.ts';
import type { Change } from '../../core/history/index.ts';
import { mulberry32 } from '../helpers/rng.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

function planDoc(gc = false) {
  const doc = new Y.Doc({ gc });
  createPlanDoc(doc, {
    id: 'p1',
    workspaceId: 'ws',
    relationIds: ['r1'],
    title: 'Plan',
    now: '2026-01-01T00:00:00Z',
  });
  loadDocument('plan', doc);
  return doc;
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const who = (at: string, by: string | null = 'anna') => ({ at, by, byName: by });

describe('versions', () => {
  it('a named version opens as the document was; later edits do not show in it', () => {
    const doc = planDoc();
    const intents = planIntents(doc, { origin: 'me', now: () => '2026-02-01T00:00:00Z' });
    intents.addGoal({ title: 'Grow', id: 'g1' });
    const v = saveVersion(doc, { name: ' Before the QBR ', ...who('2026-02-01T10:00:00Z') });
    if (!v.ok) throw new Error('not saved');
    intents.updateGoal('g1', { target: '9' });
    intents.setText('summary', 'Later text');
    expect(v.value).toMatchObject({ name: 'Before the QBR', auto: null, by: 'anna' });
    expect(v.value.id).toMatch(/^named:/);
    const old = versionJson('plan', doc, v.value);
    if (!old.ok) throw new Error('not opened');
    expect((old.value.goals as Record<string, { target: string }>).g1!.target).toBe('');
    expect(old.value.summary).toBe('');
    expect(readVersions(doc).map((x) => x.name)).toEqual(['Before the QBR']);
  });

  it('refuses an empty name and an uninitialised document; a gc document cannot open a version', () => {
    const doc = planDoc();
    expect(saveVersion(doc, { name: '  ', ...who('2026-02-01T00:00:00Z') }).ok).toBe(false);
    expect(saveVersion(new Y.Doc({ gc: false }), { name: 'x', ...who('2026-02-01T00:00:00Z') }).ok).toBe(
      false,
    );
    const gcDoc = planDoc(true);
    const v = saveVersion(gcDoc, { name: 'x', ...who('2026-02-01T00:00:00Z') });
    if (!v.ok) throw new Error('not saved');
    const opened = openVersion(gcDoc, v.value);
    expect(opened.ok).toBe(false);
  });

  it('version records live beside the schema marks: the schema version and the checks are unchanged', () => {
    const doc = planDoc();
    const before = { version: effectiveVersion(doc), json: readDocument('plan', doc) };
    saveVersion(doc, { name: 'v', ...who('2026-02-01T00:00:00Z') });
    saveMeetingVersion(doc, {
      boardId: 'b1',
      agendaItemId: 'i1',
      name: 'Meeting',
      ...who('2026-02-02T00:00:00Z'),
    });
    attachUser(doc, { id: 'anna', name: 'Anna' });
    doc.transact(() => doc.getMap('versions').set('2', 'aMigrationMark'), SEED_ORIGIN);
    expect(effectiveVersion(doc)).toBe(Math.max(before.version!, 2));
    doc.transact(() => doc.getMap('versions').delete('2'), SEED_ORIGIN);
    expect(effectiveVersion(doc)).toBe(before.version);
    expect(readDocument('plan', doc)).toEqual(before.json);
    expect(checkDocument('plan', readDocument('plan', doc)).quarantine).toEqual([]);
    expect(readVersions(doc).map((v) => v.id)).toEqual(expect.arrayContaining(['meeting:b1:i1']));
  });

  it('the meeting version is made once per board and agenda item', () => {
    const doc = planDoc();
    const a = saveMeetingVersion(doc, {
      boardId: 'b',
      agendaItemId: 'i',
      name: 'M',
      ...who('2026-02-01T00:00:00Z'),
    });
    const b = saveMeetingVersion(doc, {
      boardId: 'b',
      agendaItemId: 'i',
      name: 'M2',
      ...who('2026-02-02T00:00:00Z'),
    });
    expect(a.ok && b.ok && b.value).toEqual(a.ok && a.value);
    expect(readVersions(doc)).toHaveLength(1);
    // Its board, for showing the board's title now (ui/history versionName); other versions have none.
    expect(meetingBoardOf(readVersions(doc)[0]!.id)).toBe('b');
    expect(meetingBoardOf('daily:2026-02-01')).toBeNull();
    expect(meetingBoardOf('named:x')).toBeNull();
  });

  it('the daily version is the state before the first edit of the day; two devices converge to one', async () => {
    const a = planDoc();
    const b = new Y.Doc({ gc: false });
    sync(a, b);
    let day = '2026-03-01';
    const track = (doc: Y.Doc, by: string) =>
      trackDailyVersions('plan', doc, {
        today: () => day,
        author: () => who(`${day}T08:00:00Z`, by),
        ignore: [SEED_ORIGIN, UPKEEP_ORIGIN],
        name: (d) => `Start of ${d}`,
      });
    track(a, 'anna');
    track(b, 'bram');
    const ia = planIntents(a, { origin: 'anna', now: () => `${day}T09:00:00Z` });
    const ib = planIntents(b, { origin: 'bram', now: () => `${day}T09:00:00Z` });
    ia.setTitle('Anna was here');
    ib.setTitle('Bram was here');
    ia.setText('summary', 'second edit, no new version');
    await tick();
    sync(a, b);
    const versions = readVersions(a);
    expect(versions.map((v) => v.id)).toEqual([dailyVersionId('2026-03-01')]);
    expect(readVersions(b)).toEqual(versions);
    const json = versionJson('plan', a, versions[0]!);
    expect(json.ok && json.value.title).toBe('Plan');
    day = '2026-03-02';
    ia.setTitle('Next day');
    await tick();
    expect(readVersions(a).map((v) => v.id)).toEqual(['daily:2026-03-01', 'daily:2026-03-02']);
    const second = getVersion(a, 'daily:2026-03-02');
    const json2 = second && versionJson('plan', a, second);
    expect(json2 && json2.ok && json2.value.title).toBe(readDocument('plan', b)!.title);
  });
});

describe('reading a version from the live document', () => {
  it.each([7, 11, 23])(
    'gives what Y.createDocFromSnapshot gives, at every version of a random two-person history (seed %i)',
    (seed) => {
      const random = mulberry32(seed);
      const a = planDoc();
      const b = new Y.Doc({ gc: false });
      sync(a, b);
      const people = [a, b].map((doc, i) =>
        planIntents(doc, { origin: `p${i}`, now: () => '2026-02-01T00:00:00Z' }),
      );
      const versions = [];
      for (let step = 0; step < 300; step++) {
        const i = Math.floor(random() * 2);
        const it = people[i]!;
        const doc = [a, b][i]!;
        const r = random();
        const id = `a${Math.floor(random() * 8)}`;
        if (r < 0.2) it.addAction({ what: `Action ${step}`, id: `${id}-${step}` });
        else if (r < 0.3) {
          const ids = [...doc.getMap('actions').keys()];
          if (ids.length) it.removeAction(ids[Math.floor(random() * ids.length)]!);
        } else if (r < 0.5) {
          const text = doc.getText('strategy.text').toString();
          const at = Math.floor(random() * (text.length + 1));
          const next =
            random() < 0.6
              ? `${text.slice(0, at)}w${step} ${text.slice(at)}`
              : text.slice(0, at) + text.slice(at + 3);
          it.setText('strategy.text', next);
        } else if (r < 0.6) {
          if (!doc.getMap('kpis').has('k1')) it.addKpi({ kind: 'satisfaction', id: 'k1' });
          else it.addMeasurement('k1', { date: '2026-02-01', value: step });
        } else if (r < 0.7) it.setBudget(step);
        else if (r < 0.8) sync(a, b);
        else {
          const v = saveVersion(doc, {
            name: `v${step}`,
            ...who(`2026-02-01T00:00:${String(step % 60).padStart(2, '0')}Z`),
          });
          if (v.ok) versions.push({ doc, version: v.value });
        }
      }
      sync(a, b);
      expect(versions.length).toBeGreaterThan(10);
      for (const { version } of versions) {
        for (const doc of [a, b]) {
          const opened = openVersion(doc, version);
          if (!opened.ok) throw new Error('not opened');
          const fast = versionJson('plan', doc, version);
          expect(fast.ok && fast.value).toEqual(readDocument('plan', opened.value));
        }
      }
    },
  );
});

describe('who and when', () => {
  it('attributes concurrent edits of two people, deletions and text included', async () => {
    const anna = planDoc();
    const annaIntents = planIntents(anna, { origin: 'a', now: () => '2026-02-01T00:00:00Z' });
    annaIntents.addAction({ what: 'Lunch', id: 'a1' });
    annaIntents.addAction({ what: 'Golf', id: 'a2' });
    annaIntents.setText('situation.text', 'A bakery chain with forty shops.');
    const bram = new Y.Doc({ gc: false });
    sync(anna, bram);
    attachUser(anna, { id: 'anna', name: 'Anna' });
    attachUser(bram, { id: 'bram', name: 'Bram' });
    const base = saveVersion(anna, { name: 'base', ...who('2026-02-01T00:00:00Z') });
    if (!base.ok) throw new Error('no base');
    sync(anna, bram);
    const bramIntents = planIntents(bram, { origin: 'b', now: () => '2026-02-02T00:00:00Z' });
    // At the same time, unsynced: Anna changes a1's cost and deletes a2; Bram changes a1's status and types.
    annaIntents.updateAction('a1', { cost: 500 });
    annaIntents.removeAction('a2');
    bramIntents.updateAction('a1', { status: 'done' });
    bramIntents.setText('situation.text', 'A bakery chain with forty-five shops.');
    await tick(); // PermanentUserData records delete sets after the transaction
    sync(anna, bram);
    for (const doc of [anna, bram]) {
      const changes = changesBetween('plan', doc, base.value, null);
      if (!changes.ok) throw new Error('no changes');
      const byLine = Object.fromEntries(changes.value.map((c: Change) => [summary(c), c.who.by]));
      expect(byLine).toEqual({
        'actions changed a1': ['anna', 'bram'],
        'actions removed a2': ['anna'],
        'text situation.text': ['bram'],
      });
      const edit = changes.value.find((c) => c.type === 'changed');
      expect(edit?.type === 'changed' && edit.fields.map((f) => [f.field, f.who.by])).toEqual([
        ['cost', ['anna']],
        ['status', ['bram']],
      ]);
      expect(personNames(doc)).toEqual(
        new Map([
          ['anna', 'Anna'],
          ['bram', 'Bram'],
        ]),
      );
    }
  });

  it('dates each change by the versions around it', () => {
    const doc = planDoc();
    attachUser(doc, { id: 'anna', name: 'Anna' });
    const intents = planIntents(doc, { origin: 'a', now: () => '2026-02-01T00:00:00Z' });
    const v1 = saveVersion(doc, { name: 'v1', ...who('2026-03-01T07:00:00Z') });
    intents.addGoal({ title: 'First', id: 'g1' });
    saveVersion(doc, { name: 'v2', ...who('2026-03-02T07:00:00Z') });
    intents.addGoal({ title: 'Second', id: 'g2' });
    if (!v1.ok) throw new Error('no v1');
    const changes = changesBetween('plan', doc, v1.value, null);
    if (!changes.ok) throw new Error('no changes');
    expect(changes.value.map((c) => [summary(c), c.who.since])).toEqual([
      ['goals added g1', '2026-03-01T07:00:00Z'],
      ['goals added g2', '2026-03-02T07:00:00Z'],
    ]);
  });

  it('a workspace: relations, contacts and scores changed by two people, each attributed', async () => {
    const anna = new Y.Doc({ gc: false });
    createWorkspaceDoc(anna, { id: 'ws', name: 'Firm', locale: 'en', now: '2026-01-01T00:00:00Z' });
    loadDocument('workspace', anna);
    const a = workspaceIntents(anna, { origin: 'a', now: () => '2026-02-01T00:00:00Z' });
    a.addRelation({ name: 'Smit', id: 'r1' });
    a.addContact({ relationId: 'r1', name: 'Carla', id: 'c1' });
    const criterion = Object.keys(readDocument('workspace', anna)!.criteria as object)[0]!;
    const bram = new Y.Doc({ gc: false });
    sync(anna, bram);
    attachUser(anna, { id: 'anna', name: 'Anna' });
    attachUser(bram, { id: 'bram', name: 'Bram' });
    const base = saveVersion(anna, { name: 'base', ...who('2026-02-01T00:00:00Z') });
    if (!base.ok) throw new Error('no base');
    sync(anna, bram);
    const b = workspaceIntents(bram, { origin: 'b', now: () => '2026-02-02T00:00:00Z' });
    a.scoreRelation('r1', criterion, 3);
    b.updateContact('c1', { strength: 5 });
    b.addRelation({ name: 'Jansen', id: 'r2' });
    await tick();
    sync(anna, bram);
    const changes = changesBetween('workspace', bram, base.value, null);
    if (!changes.ok) throw new Error('no changes');
    expect(Object.fromEntries(changes.value.map((c) => [summary(c), c.who.by]))).toEqual({
      'contacts changed c1': ['bram'],
      'relations added r2': ['bram'],
      [`score r1/${criterion}`]: ['anna'],
    });
  });
});

describe('relation notes in the history', () => {
  it('a notes edit by two people reads as a word diff of the notes, attributed to both', async () => {
    const anna = new Y.Doc({ gc: false });
    createWorkspaceDoc(anna, { id: 'ws', name: 'Firm', locale: 'en', now: '2026-01-01T00:00:00Z' });
    loadDocument('workspace', anna);
    const a = workspaceIntents(anna, { origin: 'a', now: () => '2026-02-01T00:00:00Z' });
    const long = 'Directeur Piet wil uitbreiden naar Utrecht. '.repeat(8);
    a.addRelation({ name: 'Smit', id: 'r1', notes: long });
    const bram = new Y.Doc({ gc: false });
    sync(anna, bram);
    attachUser(anna, { id: 'anna', name: 'Anna' });
    attachUser(bram, { id: 'bram', name: 'Bram' });
    const base = saveVersion(anna, { name: 'base', ...who('2026-02-01T00:00:00Z') });
    if (!base.ok) throw new Error('no base');
    sync(anna, bram);
    const b = workspaceIntents(bram, { origin: 'b', now: () => '2026-02-02T00:00:00Z' });
    a.updateRelation('r1', { notes: `Let op: ${long}` });
    b.updateRelation('r1', { notes: `${long}Offerte volgt.` });
    await tick();
    sync(anna, bram);
    const changes = changesBetween('workspace', bram, base.value, null);
    if (!changes.ok) throw new Error('no changes');
    const edit = changes.value.find((c) => c.type === 'changed');
    if (edit?.type !== 'changed') throw new Error('no relation edit');
    const notes = edit.fields.find((f) => f.field === 'notes')!;
    expect(notes.after).toBe(`Let op: ${long}Offerte volgt.`);
    expect(notes.parts?.filter((p) => p.op === 'ins').map((p) => p.text.trim())).toEqual([
      'Let op:',
      'Offerte volgt.',
    ]);
    // The unchanged middle is left out, not repeated.
    expect(notes.parts?.some((p) => p.op === 'gap')).toBe(true);
    expect([...notes.who.by].sort()).toEqual(['anna', 'bram']);
  });
});

describe('restore', () => {
  it('brings the old content back as new edits, in one undo step, received by a colleague', () => {
    const doc = planDoc();
    const intents = planIntents(doc, { origin: 'me', now: () => '2026-02-01T00:00:00Z' });
    intents.addGoal({ title: 'Grow', id: 'g1', target: '8' });
    intents.setText('strategy.text', 'Knowledge sessions.');
    const v = saveVersion(doc, { name: 'v', ...who('2026-02-01T00:00:00Z') });
    if (!v.ok) throw new Error('not saved');
    const old = readDocument('plan', doc)!;
    intents.updateGoal('g1', { target: '9' });
    intents.addAction({ what: 'Extra', id: 'a9' });
    intents.setText('strategy.text', 'Knowledge sessions and a golf day.');
    intents.setBudget(5000);
    const colleague = new Y.Doc({ gc: false });
    sync(doc, colleague);
    const undo = createUndo('plan', doc, 'me');
    const changed = readDocument('plan', doc)!;
    const restored = intents.restoreVersion(v.value.id);
    expect(restored.ok).toBe(true);
    const now = readDocument('plan', doc)!;
    const strip = (j: Record<string, unknown>) => ({ ...j, updatedAt: null });
    expect(strip(now)).toEqual(strip(old));
    sync(doc, colleague);
    expect(readDocument('plan', colleague)).toEqual(now);
    expect(readVersions(doc)).toHaveLength(1); // history is kept, never rewound
    expect(undo.undo()).toBe(true);
    expect(strip(readDocument('plan', doc)!)).toEqual(strip(changed));
    expect(undo.canUndo()).toBe(false);
  });

  it('refuses a version that does not exist, and writes nothing', () => {
    const doc = planDoc();
    const intents = planIntents(doc, { origin: 'me', now: () => '2026-02-01T00:00:00Z' });
    const before = Y.encodeStateVector(doc);
    expect(intents.restoreVersion('named:nope').ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

function summary(c: Change): string {
  switch (c.type) {
    case 'added':
    case 'removed':
    case 'changed':
      return `${c.section} ${c.type} ${c.id}`;
    case 'text':
    case 'field':
      return `${c.type} ${c.path}`;
    case 'score':
      return `score ${c.relationId}/${c.criterionId}`;
  }
}
