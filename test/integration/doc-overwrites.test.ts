/**
 * doc/overwrites.ts on real Y.Docs: a value one person set that a colleague's concurrent write replaced is
 * reported to that person (and only to them), with both values and the writer's name; an ordinary later edit,
 * a text edit and the winner's own view report nothing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlanDoc, loadDocument, planIntents, readDocument } from '../../doc/index.ts';
import type { AccountPlanDoc } from '../../core/model/index.ts';
import { attachUser } from '../../doc/history/index.ts';
import { putBackOverwrite, watchOverwrites, type Overwrite } from '../../doc/overwrites.ts';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
};

const plan = (doc: Y.Doc) => readDocument('plan', doc) as unknown as AccountPlanDoc;

/** Anna and Bram with one plan (one action), synced, each attributed; their reports collected. */
function twoPeople() {
  const anna = new Y.Doc();
  createPlanDoc(anna, {
    id: 'p1',
    workspaceId: 'ws',
    relationIds: ['r1'],
    title: 'Plan',
    now: '2026-01-01T00:00:00Z',
  });
  loadDocument('plan', anna);
  const bram = new Y.Doc();
  sync(anna, bram);
  loadDocument('plan', bram);
  attachUser(anna, { id: 'anna', name: 'Anna' });
  attachUser(bram, { id: 'bram', name: 'Bram' });
  const ia = planIntents(anna, { origin: 'anna', now: () => '2026-02-01T09:00:00Z' });
  const ib = planIntents(bram, { origin: 'bram', now: () => '2026-02-01T09:00:00Z' });
  const added = ia.addAction({ what: 'Lunch with the CFO' });
  if (!added.ok) throw new Error('addAction refused');
  sync(anna, bram);
  const actionId = Object.keys(plan(anna).actions)[0]!;
  const reports = { anna: [] as Overwrite[], bram: [] as Overwrite[] };
  watchOverwrites(
    'plan',
    anna,
    () => 'anna',
    (o) => reports.anna.push(...o),
  );
  watchOverwrites(
    'plan',
    bram,
    () => 'bram',
    (o) => reports.bram.push(...o),
  );
  return { anna, bram, ia, ib, actionId, reports };
}

describe('watchOverwrites', () => {
  it('tells the person whose concurrent value lost — both values, the field, the writer — and nobody else', () => {
    const { anna, bram, ia, ib, actionId, reports } = twoPeople();
    expect(ia.updateAction(actionId, { due: '2027-02-28' }).ok).toBe(true);
    expect(ib.updateAction(actionId, { due: '2027-04-01' }).ok).toBe(true); // Bram offline: has not seen it
    sync(anna, bram);
    const kept = plan(anna).actions[actionId]!.due;
    expect(plan(bram).actions[actionId]!.due).toBe(kept);
    const [loser, winner] = kept === '2027-04-01' ? (['anna', 'bram'] as const) : (['bram', 'anna'] as const);
    expect(reports[winner]).toEqual([]);
    expect(reports[loser]).toEqual([
      {
        path: ['actions', actionId, 'due'],
        mine: loser === 'anna' ? '2027-02-28' : '2027-04-01',
        theirs: kept,
        by: winner === 'anna' ? 'Anna' : 'Bram',
        record: 'Lunch with the CFO',
      },
    ]);

    // "Put mine back": a new edit, seen by the other as an ordinary later edit (nothing reported to them).
    const loserDoc = loser === 'anna' ? anna : bram;
    expect(putBackOverwrite('plan', loserDoc, reports[loser][0]!, loser)).toBe(true);
    sync(anna, bram);
    const mine = reports[loser][0]!.mine;
    expect(plan(anna).actions[actionId]!.due).toBe(mine);
    expect(plan(bram).actions[actionId]!.due).toBe(mine);
    expect(reports[winner]).toEqual([]);
  });

  it('puts nothing back into a record that was deleted since', () => {
    const { anna, ia, actionId } = twoPeople();
    const overwrite: Overwrite = {
      path: ['actions', actionId, 'due'],
      mine: '2027-02-28',
      theirs: null,
      by: null,
      record: null,
    };
    expect(ia.removeAction(actionId).ok).toBe(true);
    expect(putBackOverwrite('plan', anna, overwrite, 'anna')).toBe(false);
    expect(putBackOverwrite('plan', anna, { ...overwrite, path: ['title'], mine: 'Back' }, 'anna')).toBe(
      true,
    );
    expect(plan(anna).title).toBe('Back');
  });

  it('reports nothing for a later edit made after seeing the value, nor for texts, nor for one’s own edits', () => {
    const { anna, bram, ia, ib, actionId, reports } = twoPeople();
    expect(ia.updateAction(actionId, { due: '2027-02-28' }).ok).toBe(true);
    sync(anna, bram);
    expect(ib.updateAction(actionId, { due: '2027-03-15' }).ok).toBe(true); // Bram saw Anna's date
    ia.setText('summary', 'Anna types here. ');
    ib.setText('summary', 'Bram types there. ');
    sync(anna, bram);
    expect(plan(anna).actions[actionId]!.due).toBe('2027-03-15');
    expect(reports).toEqual({ anna: [], bram: [] });
  });

  it('tells about a plain field outside records too (the plan title)', () => {
    const { anna, bram, ia, ib, reports } = twoPeople();
    ia.setTitle('Anna’s title');
    ib.setTitle('Bram’s title');
    sync(anna, bram);
    const all = [...reports.anna, ...reports.bram];
    expect(all).toHaveLength(1);
    expect(all[0]!.path).toEqual(['title']);
  });
});
