/**
 * A deleted plan is read-only for everyone (doc/intents/plan.ts `deletedPlanRefusal`): every plan intent but
 * deleting and restoring is refused with the reason and writes nothing — in the tab that deleted it, in a
 * colleague's copy that received the deletion, and when a meeting files a commitment into it (the commitment
 * stays pending on the board with the reason, and lands once the plan is restored).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { landCommitment, pendingCommitments } from '../../doc/commitments.ts';
import { createUndo, meetingIntents, planIntents, readMeeting, readPlan } from '../../doc/index.ts';
import { saveVersion } from '../../doc/history/index.ts';
import type { PlanIntents } from '../../doc/intents/plan.ts';
import type { MeetingBoardDoc } from '../../core/model/index.ts';
import { SAMPLES, assertOk, clock, opts, replica, seqIds, syncAll } from '../fixtures/docs/sample.ts';

/** The sample plan: goal p-1, action p-2, benefit p-3, KPI p-4. */
function samplePlan() {
  const doc = new Y.Doc({ gc: false });
  SAMPLES.plan(doc);
  return doc;
}

/** One call of every plan intent that writes, on the sample plan. */
const EDITS: [string, (p: PlanIntents) => { ok: boolean }][] = [
  ['setTitle', (p) => p.setTitle('Nieuwe titel')],
  ['setKeyPoints', (p) => p.setKeyPoints(['Eén'])],
  ['setOwner', (p) => p.setOwner('w-1')],
  ['setBudget', (p) => p.setBudget(100)],
  ['setStrategyQuadrants', (p) => p.setStrategyQuadrants(['project'])],
  ['setText', (p) => p.setText('summary', 'Samenvatting')],
  ['noteEdited', (p) => p.noteEdited()],
  ['addGoal', (p) => p.addGoal({ title: 'Nieuw doel' })],
  ['updateGoal', (p) => p.updateGoal('p-1', { title: 'Ander doel' })],
  ['moveGoal', (p) => p.moveGoal('p-1', 3)],
  ['removeGoal', (p) => p.removeGoal('p-1')],
  ['addAction', (p) => p.addAction({ what: 'Nieuwe actie' })],
  ['updateAction', (p) => p.updateAction('p-2', { what: 'Andere actie' })],
  ['moveAction', (p) => p.moveAction('p-2', 3)],
  ['setActionStatus', (p) => p.setActionStatus('p-2', 'done', 'Gedaan')],
  ['removeAction', (p) => p.removeAction('p-2')],
  ['addBenefit', (p) => p.addBenefit({ level: 'organisation', description: 'Lunch' })],
  ['removeBenefit', (p) => p.removeBenefit('p-3')],
  ['addKpi', (p) => p.addKpi({ kind: 'custom', name: 'Eigen KPI' })],
  ['updateKpi', (p) => p.updateKpi('p-4', { target: 10 })],
  ['addMeasurement', (p) => p.addMeasurement('p-4', { date: '2026-03-01', value: 8 })],
  ['removeKpi', (p) => p.removeKpi('p-4')],
];

describe('a deleted plan is read-only until it is restored', () => {
  it.each(EDITS)('%s is refused with the reason and writes nothing; after restoring it works', (_, edit) => {
    const doc = samplePlan();
    const plan = planIntents(doc, opts('anna', clock(Date.UTC(2026, 3, 1)), seqIds('n')));
    assertOk(plan.setDeleted(true));
    const before = Y.encodeStateVector(doc);
    const refused = edit(plan) as { ok: false; issues: { code: string; text: { en: string; nl: string } }[] };
    expect(refused.ok).toBe(false);
    expect(refused.issues[0]!.code).toBe('deleted');
    expect(refused.issues[0]!.text.en).toMatch(/deleted.*restores it/);
    expect(refused.issues[0]!.text.nl).toMatch(/verwijderd.*terugzet/);
    expect(Y.encodeStateVector(doc)).toEqual(before); // not a single item written
    assertOk(plan.setDeleted(false));
    expect(edit(plan).ok).toBe(true);
  });

  it('restoring a version of a deleted plan is refused too; restoring the plan itself is not', () => {
    const doc = samplePlan();
    const plan = planIntents(doc, opts('anna', clock(Date.UTC(2026, 3, 1))));
    const version = assertOk(
      saveVersion(doc, { name: 'Vóór', at: '2026-03-02T10:00:00.000Z', by: 'anna', byName: 'Anna' }),
    );
    assertOk(plan.setDeleted(true));
    const r = plan.restoreVersion(version.id);
    expect(!r.ok && r.issues[0]!.code).toBe('deleted');
    assertOk(plan.setDeleted(false));
    expect(readPlan(doc)!.deletedAt).toBeNull();
    assertOk(plan.restoreVersion(version.id));
  });

  it("a colleague's copy (a second browser, a stale tab) refuses once the deletion reaches it", () => {
    const anna = samplePlan();
    const bramDoc = replica(anna, 77);
    const bram = planIntents(bramDoc, opts('bram'));
    assertOk(bram.setTitle('Voor de deletion'));
    assertOk(planIntents(anna, opts('anna')).setDeleted(true));
    syncAll(anna, bramDoc);
    const r = bram.updateAction('p-2', { what: 'Toch nog even' });
    expect(!r.ok && r.issues[0]!.code).toBe('deleted');
    expect((readPlan(bramDoc)!.actions as Record<string, { what: string }>)['p-2']!.what).toBe(
      'Evaluatiegesprek',
    );
  });

  it('a commitment filed into a deleted plan is refused with the reason and stays pending on the board; it lands once the plan is restored', () => {
    const board = new Y.Doc({ gc: false });
    SAMPLES.meeting(board);
    const planDoc = samplePlan();
    const meeting = meetingIntents(board, opts('anna', clock(), seqIds('m')));
    const plan = planIntents(planDoc, opts('anna'));
    const target = { doc: planDoc, intents: plan };
    for (const c of pendingCommitments(readMeeting(board) as unknown as MeetingBoardDoc))
      assertOk(meeting.removeCommitment(c.id));
    const { commitment } = assertOk(
      meeting.addCommitment({
        agendaItemId: 'm-1',
        what: 'Lunch met de CFO',
        ownerId: 'w-1',
        due: '2026-04-30',
      }),
    );
    assertOk(plan.setDeleted(true));

    const r = landCommitment(meeting, target, commitment);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(['deleted']);
    expect(readPlan(planDoc)!.actions).not.toHaveProperty(commitment.actionId);
    const pending = pendingCommitments(readMeeting(board) as unknown as MeetingBoardDoc);
    expect(pending.map((c) => c.id)).toEqual([commitment.id]);

    assertOk(plan.setDeleted(false));
    expect(assertOk(landCommitment(meeting, target, commitment))).toBe('added');
    expect(readPlan(planDoc)!.actions).toHaveProperty(commitment.actionId);
  });
});

describe('undo on a deleted plan takes back only the deletion', () => {
  it("a colleague's undo of an earlier edit is refused while the plan is deleted; the deleter's undo restores it", () => {
    const anna = samplePlan();
    const bram = replica(anna, 78);
    const annaOrigin = { user: 'anna' };
    const bramOrigin = { user: 'bram' };
    const annaUndo = createUndo('plan', anna, annaOrigin, { captureTimeout: 0 });
    const bramUndo = createUndo('plan', bram, bramOrigin, { captureTimeout: 0 });
    assertOk(planIntents(bram, opts(bramOrigin)).setTitle('Bram zijn titel'));
    syncAll(anna, bram);
    assertOk(planIntents(anna, opts(annaOrigin)).setDeleted(true));
    syncAll(anna, bram);

    // Bram's stale step would write into the deleted plan: refused, nothing written.
    const before = Y.encodeStateVector(bram);
    expect(bramUndo.canUndo()).toBe(false);
    expect(bramUndo.undo()).toBe(false);
    expect(Y.encodeStateVector(bram)).toEqual(before);
    expect(readPlan(bram)!.title).toBe('Bram zijn titel');

    // Anna's undo is the deletion itself: it restores the plan (and redo deletes it again).
    expect(annaUndo.canUndo()).toBe(true);
    expect(annaUndo.undo()).toBe(true);
    expect(readPlan(anna)!.deletedAt).toBeNull();
    expect(annaUndo.redo()).toBe(true);
    expect(readPlan(anna)!.deletedAt).not.toBeNull();
    // Restored by someone, Bram's undo works again.
    syncAll(anna, bram);
    assertOk(planIntents(anna, opts(annaOrigin)).setDeleted(false));
    syncAll(anna, bram);
    expect(bramUndo.undo()).toBe(true);
    expect(readPlan(bram)!.title).toBe('Accountplan Bakkerij Jansen');
  });
});

describe('deleting again keeps the day it was first deleted', () => {
  it('a plan deleted twice (two colleagues, a double click) keeps its first deletedAt; restoring clears it', () => {
    const doc = samplePlan();
    const plan = planIntents(doc, opts('anna', clock(Date.UTC(2026, 3, 1)), seqIds('n')));
    assertOk(plan.setDeleted(true));
    const first = (readPlan(doc) as { deletedAt: string | null }).deletedAt;
    assertOk(plan.setDeleted(true));
    expect((readPlan(doc) as { deletedAt: string | null }).deletedAt).toBe(first);
    assertOk(plan.setDeleted(false));
    expect((readPlan(doc) as { deletedAt: string | null }).deletedAt).toBeNull();
  });

  it('a meeting board deleted twice keeps its first deletedAt', () => {
    const board = new Y.Doc({ gc: false });
    SAMPLES.meeting(board);
    const meeting = meetingIntents(board, opts('anna', clock(Date.UTC(2026, 3, 1)), seqIds('m')));
    assertOk(meeting.setDeleted(true));
    const first = (readMeeting(board) as { deletedAt: string | null }).deletedAt;
    expect(first).toBeTruthy();
    assertOk(meeting.setDeleted(true));
    expect((readMeeting(board) as { deletedAt: string | null }).deletedAt).toBe(first);
  });
});
