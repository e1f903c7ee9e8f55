/**
 * A meeting commitment touches two documents (doc/commitments.ts, design in client/src/app/meetings.ts). Its
 * failure paths on real Y.Docs, one replica per device, merged as the relay would: a retry never makes a
 * second action; a half-made commitment is completed by the next load; two devices completing the same one
 * at once end with one action; a plan that refuses is reported and the commitment kept; an action someone
 * deleted from the plan is not brought back.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionInPlan, landCommitment, pendingCommitments } from '../../doc/commitments.ts';
import {
  createPlanDoc,
  meetingIntents,
  planIntents,
  readMeeting,
  readPlan,
  META,
  VERSIONS,
} from '../../doc/index.ts';
import type { Commitment, MeetingBoardDoc } from '../../core/model/index.ts';
import { validatePlan } from '../../core/plan/validate.ts';
import { attachUser, changesBetween, saveVersion } from '../../doc/history/index.ts';
import { SAMPLES, assertOk, clock, opts, replica, seqIds, syncAll } from '../fixtures/docs/sample.ts';

interface Device {
  board: Y.Doc;
  plan: Y.Doc;
  meeting: ReturnType<typeof meetingIntents>;
  planIntents: ReturnType<typeof planIntents>;
}

/** A device with its own copy of the board and the plan, and its own ids and origin. */
function device(name: string, board: Y.Doc, plan: Y.Doc): Device {
  return {
    board,
    plan,
    meeting: meetingIntents(board, opts({ user: name }, clock(), seqIds(`${name}-id`))),
    planIntents: planIntents(plan, opts({ user: name }, clock(), seqIds(`${name}-act`))),
  };
}

/** The board and plan of the sample fixtures (agenda item m-1 presents plan-1) on a first device. */
function start(): Device {
  const board = new Y.Doc({ gc: false });
  SAMPLES.meeting(board);
  const plan = new Y.Doc({ gc: false });
  SAMPLES.plan(plan);
  const anna = device('anna', board, plan);
  // The sample board has a commitment of its own: start from a board where everything has landed.
  for (const c of pendingCommitments(readMeeting(board) as unknown as MeetingBoardDoc))
    assertOk(anna.meeting.removeCommitment(c.id));
  return anna;
}

const copyOf = (d: Device, name: string, id: number) =>
  device(name, replica(d.board, id), replica(d.plan, id + 1));
const actions = (plan: Y.Doc) => readPlan(plan)!.actions as Record<string, { what: string }>;
const commitmentsOf = (board: Y.Doc) => (readMeeting(board) as unknown as MeetingBoardDoc).commitments;
const target = (d: Device) => ({ doc: d.plan, intents: d.planIntents });

/** Step 1 only: the commitment is on the board, the tab closes before the plan gets the action. */
function halfMade(d: Device, what = 'Lunch met de CFO'): Commitment {
  return assertOk(d.meeting.addCommitment({ agendaItemId: 'm-1', what, ownerId: 'w-1', due: '2026-04-30' }))
    .commitment;
}

/** What a device does when it opens the board with the plan at hand (app/meetings.ts landPending). */
function landPending(d: Device) {
  const board = readMeeting(d.board) as unknown as MeetingBoardDoc;
  return pendingCommitments(board).map((c) => ({
    id: c.id,
    result: landCommitment(d.meeting, target(d), c),
  }));
}

describe('commitments that land in a plan', () => {
  it('a retry never makes a second action: an action with the same id counts as landed', () => {
    const anna = start();
    const before = Object.keys(actions(anna.plan)).length;
    const c = halfMade(anna);
    expect(assertOk(landCommitment(anna.meeting, target(anna), c))).toBe('added');
    // The mark on the board was lost (a crash after the plan write): the retry finds the action there.
    expect(assertOk(landCommitment(anna.meeting, target(anna), { ...c, landed: false }))).toBe('present');
    // A plain second addAction with that id is refused as a duplicate, never written twice.
    const again = anna.planIntents.addAction({ id: c.actionId, what: c.what });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.issues[0]!.code).toBe('duplicate_id');
    expect(Object.keys(actions(anna.plan))).toHaveLength(before + 1);
    expect(actions(anna.plan)[c.actionId]!.what).toBe('Lunch met de CFO');
    expect(commitmentsOf(anna.board)[c.id]!.landed).toBe(true);
  });

  it('a half-made commitment (on the board, not in the plan) is completed by the next load elsewhere', () => {
    const anna = start();
    const bram = copyOf(anna, 'bram', 10);
    const c = halfMade(anna);
    syncAll(anna.board, bram.board); // Anna's tab closed after step 1; only the board reached the relay.
    expect(actionInPlan(bram.plan, c.actionId)).toBe('absent');

    const results = landPending(bram);
    expect(results).toEqual([{ id: c.id, result: { ok: true, value: 'added' } }]);
    expect(commitmentsOf(bram.board)[c.id]!.landed).toBe(true);
    syncAll(anna.board, bram.board);
    syncAll(anna.plan, bram.plan);
    expect(actions(anna.plan)[c.actionId]).toMatchObject({ what: 'Lunch met de CFO', ownerId: 'w-1' });
    expect(landPending(anna)).toEqual([]); // nothing left to do on Anna's next load
  });

  it('the goal and quadrant travel with the commitment: a completion elsewhere files the action the same', () => {
    const anna = start();
    const bram = copyOf(anna, 'bram', 10);
    const goalId = Object.keys(readPlan(anna.plan)!.goals as object)[0]!;
    const c = assertOk(
      anna.meeting.addCommitment({
        agendaItemId: 'm-1',
        what: 'Klantpanel organiseren',
        ownerId: 'w-1',
        due: '2026-05-15',
        goalId,
        quadrant: 'partnership',
      }),
    ).commitment;
    expect(c).toMatchObject({ goalId, quadrant: 'partnership', landed: false });
    syncAll(anna.board, bram.board); // only the board reached the relay
    expect(landPending(bram)).toEqual([{ id: c.id, result: { ok: true, value: 'added' } }]);
    expect(actions(bram.plan)[c.actionId]).toMatchObject({
      what: 'Klantpanel organiseren',
      goalId,
      quadrant: 'partnership',
    });
    // A commitment from a board made before goals and quadrants were kept lands as a project action.
    const old = halfMade(anna, 'Oude toezegging');
    const { goalId: _g, quadrant: _q, kpi: _k, ...before } = old;
    expect(assertOk(landCommitment(anna.meeting, target(anna), before))).toBe('added');
    expect(actions(anna.plan)[old.actionId]).toMatchObject({ goalId: null, quadrant: 'project', kpi: null });
  });

  it('the KPI travels with the commitment into the action (no action.noKpi for it); one without a KPI still files, with the finding', () => {
    const anna = start();
    const bram = copyOf(anna, 'bram', 10);
    const goalId = Object.keys(readPlan(anna.plan)!.goals as object)[0]!;
    const made = (what: string, kpi: { name: string; target: string } | undefined) =>
      assertOk(
        anna.meeting.addCommitment({
          agendaItemId: 'm-1',
          what,
          ownerId: 'w-1',
          due: '2026-05-15',
          goalId,
          kpi,
        }),
      ).commitment;
    const measured = made('Klanttevredenheid meten', { name: '  Tevredenheidscijfer ', target: '9 ' });
    const blank = made('Lunch met de CFO', { name: ' ', target: '' });
    const unstated = made('Rondleiding nieuwbouw', undefined);
    // Typed KPIs are stored trimmed; two blank fields are no KPI at all.
    expect(measured.kpi).toEqual({ name: 'Tevredenheidscijfer', target: '9' });
    expect([blank.kpi, unstated.kpi]).toEqual([null, null]);
    syncAll(anna.board, bram.board); // only the board reached the relay: Bram's device files all three
    expect(landPending(bram).map((l) => l.result)).toEqual(Array(3).fill({ ok: true, value: 'added' }));
    expect(actions(bram.plan)[measured.actionId]).toMatchObject({
      kpi: { name: 'Tevredenheidscijfer', target: '9' },
    });
    const findings = validatePlan(readPlan(bram.plan), {
      professionals: ['w-1'],
      contacts: [],
      today: '2026-03-10',
    });
    const about = (c: Commitment) => findings.filter((f) => f.path.startsWith(`actions.${c.actionId}.`));
    // With its KPI the filed action is complete: not one finding (who, when, why and KPI are all there).
    expect(about(measured)).toEqual([]);
    for (const c of [blank, unstated])
      expect(about(c).map((f) => [f.id, f.path])).toEqual([['action.noKpi', `actions.${c.actionId}.kpi`]]);
  });

  it('a KPI that is too long or not a name and a target is refused with its reason; nothing is written', () => {
    const anna = start();
    const before = Y.encodeStateAsUpdate(anna.board);
    const refused = (kpi: unknown) => {
      const r = anna.meeting.addCommitment({
        id: 'c-kpi',
        agendaItemId: 'm-1',
        what: 'Klantpanel',
        ownerId: 'w-1',
        due: '2026-05-15',
        kpi: kpi as never,
      });
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => [i.path, i.text.en]);
    };
    expect(refused({ name: 'x'.repeat(501), target: '9' })).toEqual([
      ['commitments.c-kpi.kpi.name', expect.stringMatching(/500/)],
    ]);
    expect(refused({ name: 'Tevredenheid', target: 'y'.repeat(501) })).toEqual([
      ['commitments.c-kpi.kpi.target', expect.stringMatching(/500/)],
    ]);
    expect(refused({ name: 'Tevredenheid', target: 9 })[0]?.[0]).toBe('commitments.c-kpi.kpi.target');
    expect(refused('Tevredenheid 9')[0]?.[0]).toBe('commitments.c-kpi.kpi');
    expect(Y.encodeStateAsUpdate(anna.board)).toEqual(before);
  });

  it('two devices completing the same half-made commitment at once end with exactly one action', () => {
    const anna = start();
    const c = halfMade(anna, 'Offerte energieadvies');
    const bram = copyOf(anna, 'bram', 10);
    const carla = copyOf(anna, 'carla', 20);
    const before = Object.keys(actions(anna.plan)).length;
    // Neither sees the other's write: both add the action under the same key.
    expect(landPending(bram)[0]!.result).toEqual({ ok: true, value: 'added' });
    expect(landPending(carla)[0]!.result).toEqual({ ok: true, value: 'added' });
    syncAll(anna.plan, bram.plan, carla.plan);
    syncAll(anna.board, bram.board, carla.board);
    for (const d of [anna, bram, carla]) {
      const all = Object.values(actions(d.plan));
      expect(all).toHaveLength(before + 1);
      expect(all.filter((a) => a.what === 'Offerte energieadvies')).toHaveLength(1);
      expect(commitmentsOf(d.board)[c.id]!.landed).toBe(true);
    }
    expect(Y.encodeStateAsUpdate(bram.plan)).toEqual(Y.encodeStateAsUpdate(carla.plan));
    // A third device opening afterwards finds it present: still one.
    const dirk = copyOf(bram, 'dirk', 30);
    expect(landCommitment(dirk.meeting, target(dirk), { ...c, landed: false })).toEqual({
      ok: true,
      value: 'present',
    });
    expect(Object.values(actions(dirk.plan))).toHaveLength(before + 1);
  });

  it('a plan that refuses the action (not here, another plan, unreadable, newer version) is reported; the commitment is kept', () => {
    const anna = start();
    const c = halfMade(anna);
    const missing = new Y.Doc(); // the plan is not on this device (or was never created)
    const future = replica(anna.plan, 40);
    future.getMap(VERSIONS).set('999', 'from-a-newer-app');
    const broken = replica(anna.plan, 50);
    broken.getMap(META).set('schemaVersion', 'garbage');
    broken.getMap(VERSIONS).forEach((_, key) => broken.getMap(VERSIONS).delete(key));
    const otherPlan = new Y.Doc();
    assertOk(
      createPlanDoc(otherPlan, {
        id: 'plan-2',
        workspaceId: 'ws-1',
        title: 'Another plan',
        relationIds: ['r-1'],
        now: '2026-03-01T09:00:00.000Z',
      }),
    );
    for (const [doc, code] of [
      [missing, 'not_ready'],
      [otherPlan, 'not_found'],
      [future, 'read_only'],
      [broken, 'not_ready'],
    ] as const) {
      const plan = { doc, intents: planIntents(doc, opts('anna')) };
      const r = landCommitment(anna.meeting, plan, c);
      expect(r.ok, code).toBe(false);
      expect(!r.ok && r.issues.map((i) => i.code)).toContain(code);
      expect(!r.ok && r.issues[0]!.text?.nl).toBeTruthy(); // a reason people can read, in both languages
      expect(actionInPlan(doc, c.actionId)).toBe('absent');
    }
    // Kept on the board, still pending, so the next load reports or completes it.
    expect(commitmentsOf(anna.board)[c.id]).toMatchObject({ what: 'Lunch met de CFO', landed: false });
    expect(landPending(anna)).toEqual([{ id: c.id, result: { ok: true, value: 'added' } }]);
  });

  it('an action that landed and was later deleted from the plan is not added again', () => {
    const anna = start();
    const c = halfMade(anna);
    // Bram's copy of the board is from before the "landed" mark (Anna went offline after her plan write had
    // reached the relay, before the board's mark did).
    const bramBoard = replica(anna.board, 60);
    assertOk(landCommitment(anna.meeting, target(anna), c));
    const bram = device('bram', bramBoard, replica(anna.plan, 61));
    // Carla deletes the action from the plan: she decided it is not to be done.
    const carlaPlan = replica(anna.plan, 62);
    assertOk(planIntents(carlaPlan, opts('carla')).removeAction(c.actionId));
    syncAll(bram.plan, carlaPlan);
    expect(commitmentsOf(bram.board)[c.id]!.landed).toBe(false);
    expect(actionInPlan(bram.plan, c.actionId)).toBe('removed');

    expect(landPending(bram)).toEqual([{ id: c.id, result: { ok: true, value: 'removed' } }]);
    expect(actions(bram.plan)[c.actionId]).toBeUndefined();
    expect(commitmentsOf(bram.board)[c.id]!.landed).toBe(true);
    // With the mark seen, nothing is pending on Anna's board either.
    syncAll(anna.plan, bram.plan);
    syncAll(anna.board, bram.board);
    expect(landPending(anna)).toEqual([]);
    expect(actions(anna.plan)[c.actionId]).toBeUndefined();
  });

  it.each([true, false])(
    'the deleted key is remembered after a round trip through an update (gc: %s)',
    (gc) => {
      const anna = start();
      const c = halfMade(anna);
      assertOk(landCommitment(anna.meeting, target(anna), c));
      assertOk(anna.planIntents.removeAction(c.actionId));
      // The relay's store keeps updates; a device that loads the plan fresh from them must still know.
      const fresh = new Y.Doc({ gc });
      Y.applyUpdate(fresh, Y.encodeStateAsUpdate(anna.plan));
      const merged = new Y.Doc({ gc });
      Y.applyUpdate(merged, Y.mergeUpdates([Y.encodeStateAsUpdate(fresh)]));
      expect(actionInPlan(fresh, c.actionId)).toBe('removed');
      expect(actionInPlan(merged, c.actionId)).toBe('removed');
      expect(actionInPlan(fresh, 'never-there')).toBe('absent');
    },
  );

  it("the history credits a filed action to the participant who made the commitment, not to the facilitator's browser that filed it — on every copy, after a reload too", () => {
    const anna = start(); // the facilitator's device
    const bram = copyOf(anna, 'bram', 10); // the participant's
    const v = assertOk(
      saveVersion(anna.plan, {
        name: 'Vóór het overleg',
        at: '2026-03-10T08:00:00.000Z',
        by: 'anna',
        byName: 'Anna',
      }),
    );
    syncAll(anna.plan, bram.plan);
    // Bram makes the commitment; only the board reaches the relay (his plan copy is not on his device).
    const c = assertOk(
      bram.meeting.addCommitment({
        agendaItemId: 'm-1',
        what: 'Lunch met de CFO',
        ownerId: 'w-1',
        due: '2026-04-30',
        authorId: 'person-bram',
        authorName: 'Bram',
      }),
    ).commitment;
    syncAll(anna.board, bram.board);
    // Anna's browser files it (app/meetings.ts landPending), as her PermanentUserData knows her.
    attachUser(anna.plan, { id: 'person-anna', name: 'Anna' });
    expect(landPending(anna)).toEqual([{ id: c.id, result: { ok: true, value: 'added' } }]);
    expect(actions(anna.plan)[c.actionId]).toMatchObject({
      source: { boardId: 'meet-1', commitmentId: c.id, authorId: 'person-bram', authorName: 'Bram' },
    });

    const credited = (doc: Y.Doc) => {
      const changes = assertOk(changesBetween('plan', doc, v, null));
      return changes.find((ch) => ch.type === 'added' && ch.id === c.actionId)!.who;
    };
    // A reload (the copy rebuilt from its stored update) and a colleague's copy that keeps its past.
    const reloaded = new Y.Doc({ gc: false });
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(anna.plan));
    const colleague = new Y.Doc({ gc: false });
    syncAll(bram.plan, anna.plan, colleague);
    for (const doc of [anna.plan, reloaded, colleague])
      expect(credited(doc)).toMatchObject({
        by: ['person-bram'],
        committed: { boardId: 'meet-1', filedBy: ['person-anna'], authorName: 'Bram' },
      });
  });
});
