import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  INITIAL_LIVE,
  INTENT_META,
  meetingIntents,
  planIntents,
  readMeeting,
  readPlan,
  readTournament,
  readWorkspace,
  tournamentIntents,
  workspaceIntents,
  type Result,
} from '../../doc/index.ts';
import { SAMPLES, assertOk, clock, opts, seqIds } from '../fixtures/docs/sample.ts';
import { AccountPlanDoc, type MeetingBoardDoc, type WorkspaceDoc } from '../../core/model/index.ts';
import { elapsedSeconds, meetingCardOf } from '../../core/meetingBoard.ts';

/** Run `fn` and count the transactions it made, with their intent tags. */
function transactions(doc: Y.Doc, fn: () => unknown): { count: number; intents: unknown[]; result: unknown } {
  const intents: unknown[] = [];
  const listener = (tr: Y.Transaction) => intents.push(tr.meta.get(INTENT_META));
  doc.on('afterTransaction', listener);
  try {
    const result = fn();
    return { count: intents.length, intents, result };
  } finally {
    doc.off('afterTransaction', listener);
  }
}

const ORIGIN = { user: 'anna' };

function workspace() {
  const doc = new Y.Doc();
  SAMPLES.workspace(doc);
  return {
    doc,
    ws: workspaceIntents(
      doc,
      opts(
        ORIGIN,
        clock(),
        (() => {
          let n = 0;
          return () => `new-${++n}`;
        })(),
      ),
    ),
  };
}
function plan() {
  const doc = new Y.Doc();
  SAMPLES.plan(doc);
  const now = clock(Date.UTC(2026, 5, 1));
  return {
    doc,
    plan: planIntents(
      doc,
      opts(
        ORIGIN,
        now,
        (() => {
          let n = 0;
          return () => `new-${++n}`;
        })(),
      ),
    ),
  };
}
function meeting() {
  const doc = new Y.Doc();
  SAMPLES.meeting(doc);
  return {
    doc,
    m: meetingIntents(
      doc,
      opts(
        ORIGIN,
        clock(Date.UTC(2026, 2, 10, 14)),
        (() => {
          let n = 0;
          return () => `new-${++n}`;
        })(),
      ),
    ),
  };
}
function tournament() {
  const doc = new Y.Doc();
  SAMPLES.tournament(doc);
  return {
    doc,
    t: tournamentIntents(
      doc,
      opts(
        ORIGIN,
        clock(),
        (() => {
          let n = 0;
          return () => `new-${++n}`;
        })(),
      ),
    ),
  };
}

describe('every successful intent is exactly one transaction, with the user origin', () => {
  const w = workspace();
  const p = plan();
  const m = meeting();
  const t = tournament();
  const cases: [string, Y.Doc, () => Result<unknown>][] = [
    ['rename', w.doc, () => w.ws.rename('Nieuw')],
    ['setLocale', w.doc, () => w.ws.setLocale('en')],
    [
      'updateSettings',
      w.doc,
      () =>
        w.ws.updateSettings({
          classification: { mode: 'thresholds', pA: 0.2, pC: 0.2, tA: 3, tC: 2, kinds: ['client'] },
        }),
    ],
    ['addProfessional', w.doc, () => w.ws.addProfessional({ name: 'Bram' })],
    ['updateProfessional', w.doc, () => w.ws.updateProfessional('w-5', { seniority: 'medior' })],
    ['addRelation', w.doc, () => w.ws.addRelation({ name: 'Nieuwe klant' })],
    ['updateRelation', w.doc, () => w.ws.updateRelation('w-6', { revenue: 1, tags: ['x'] })],
    ['setOverride', w.doc, () => w.ws.setOverride('w-6', { class: 'A', reason: 'r' })],
    ['clearOverride', w.doc, () => w.ws.clearOverride('w-6')],
    ['answerSevenQuestion', w.doc, () => w.ws.answerSevenQuestion('w-6', 'helpSucceed', false)],
    ['addContact', w.doc, () => w.ws.addContact({ relationId: 'w-6', name: 'Kees' })],
    ['updateContact', w.doc, () => w.ws.updateContact('w-8', { strength: 5, email: 'p@x.nl' })],
    ['addCriterion', w.doc, () => w.ws.addCriterion({ name: 'Nieuw', category: 'relational' })],
    ['updateCriterion', w.doc, () => w.ws.updateCriterion('w-10', { weight: 3 })],
    ['moveCriterion', w.doc, () => w.ws.moveCriterion('w-10', 0)],
    ['scoreRelation', w.doc, () => w.ws.scoreRelation('w-6', 'w-1', 4)],
    [
      'addContactLogEntry',
      w.doc,
      () => w.ws.addContactLogEntry({ relationId: 'w-6', date: '2026-03-02', type: 'call' }),
    ],
    ['updateContactLogEntry', w.doc, () => w.ws.updateContactLogEntry('w-11', { note: 'Lang gesprek' })],
    ['addSignal', w.doc, () => w.ws.addSignal('w-11', { kind: 'complaint', note: 'Factuur te laat' })],
    ['markSignalHandled', w.doc, () => w.ws.markSignalHandled('w-11', 'w-12')],
    ['removeContactLogEntry', w.doc, () => w.ws.removeContactLogEntry('w-11')],
    ['removeCriterion', w.doc, () => w.ws.removeCriterion('w-2')],
    ['removeContact', w.doc, () => w.ws.removeContact('w-8')],
    ['removeRelation', w.doc, () => w.ws.removeRelation('w-7')],
    ['removeProfessional', w.doc, () => w.ws.removeProfessional('w-5')],
    ['setTitle', p.doc, () => p.plan.setTitle('Nieuw plan')],
    ['setKeyPoints', p.doc, () => p.plan.setKeyPoints(['a', 'b', 'c', 'd'])],
    ['setText', p.doc, () => p.plan.setText('summary', 'Samenvatting')],
    ['setBudget', p.doc, () => p.plan.setBudget(null)],
    ['setStrategyQuadrants', p.doc, () => p.plan.setStrategyQuadrants(['person'])],
    ['addGoal', p.doc, () => p.plan.addGoal({ title: 'Omzet +10%', category: 'revenue' })],
    ['updateGoal', p.doc, () => p.plan.updateGoal('p-1', { target: '9.5' })],
    ['addAction', p.doc, () => p.plan.addAction({ what: 'Lunch', quadrant: 'person' })],
    ['updateAction', p.doc, () => p.plan.updateAction('p-2', { cost: 300 })],
    ['setActionStatus', p.doc, () => p.plan.setActionStatus('p-2', 'done', 'Goed gesprek')],
    ['addBenefit', p.doc, () => p.plan.addBenefit({ level: 'order', description: 'No cure no pay' })],
    ['removeBenefit', p.doc, () => p.plan.removeBenefit('p-3')],
    ['addKpi', p.doc, () => p.plan.addKpi({ kind: 'contactMoments', target: 6 })],
    ['addMeasurement', p.doc, () => p.plan.addMeasurement('p-4', { date: '2026-03-01', value: 8 })],
    ['removeKpi', p.doc, () => p.plan.removeKpi('p-4')],
    ['removeAction', p.doc, () => p.plan.removeAction('p-2')],
    ['removeGoal', p.doc, () => p.plan.removeGoal('p-1')],
    // Last of the plan's: a deleted plan takes no other edit (doc-plan-deleted.test.ts).
    ['setDeleted', p.doc, () => p.plan.setDeleted(true)],
    ['addAgendaItem', m.doc, () => m.m.addAgendaItem({ planId: 'plan-2', presenterId: 'w-1' })],
    [
      'addReviewItem',
      m.doc,
      () => m.m.addReviewItem({ planId: 'plan-1', actionId: 'a-9', presenterId: 'w-1' }),
    ],
    ['reviewOutcome', m.doc, () => m.m.reviewOutcome('m-2', 'done')],
    [
      'addCard',
      m.doc,
      () => m.m.addCard({ agendaItemId: 'm-1', authorId: 'w-1', kind: 'feedback', text: 'Sterk plan' }),
    ],
    [
      'addCommitment',
      m.doc,
      () => m.m.addCommitment({ agendaItemId: 'm-1', what: 'Bellen', ownerId: 'w-1', due: '2026-04-01' }),
    ],
    ['addSuccess', m.doc, () => m.m.addSuccess({ text: 'Gewonnen' })],
    ['start', m.doc, () => m.m.start()],
    ['next', m.doc, () => m.m.next()],
    ['previous', m.doc, () => m.m.previous()],
    ['setStep', m.doc, () => m.m.setStep('m-1', 'plan', 'goals')],
    ['end', m.doc, () => m.m.end()],
    ['reopen', m.doc, () => m.m.reopen({ id: 'u-2', name: 'Bram' })],
    ['removeAgendaItem', m.doc, () => m.m.removeAgendaItem('m-1')],
    ['setDeleted', m.doc, () => m.m.setDeleted(true)], // last: a deleted board takes no other edit
    ['addEntry', t.doc, () => t.t.addEntry({ name: 'Nieuw' })],
    ['setRoundDates', t.doc, () => t.t.setRoundDates(1, '2026-03-01', '2026-04-20')],
    ['decide', t.doc, () => t.t.decide(1, 't-1', 'go')],
    ['updateEntry', t.doc, () => t.t.updateEntry('t-1', { note: 'n' })],
    ['removeEntry', t.doc, () => t.t.removeEntry('t-2')],
  ];
  it.each(cases)('%s', (name, doc, fn) => {
    const origins: unknown[] = [];
    const onTx = (tr: Y.Transaction) => origins.push(tr.origin);
    doc.on('afterTransaction', onTx);
    const { count, intents, result } = transactions(doc, fn);
    doc.off('afterTransaction', onTx);
    expect(result).toMatchObject({ ok: true });
    expect(count).toBe(1);
    expect(origins).toEqual([ORIGIN]);
    expect(String(intents[0])).toMatch(new RegExp(`^${name}`));
  });
});

describe('invalid data is refused as a value and writes nothing', () => {
  const w = workspace();
  const p = plan();
  const m = meeting();
  const t = tournament();
  const cases: [string, Y.Doc, () => Result<unknown>, string][] = [
    [
      'addRelation with a negative revenue',
      w.doc,
      () => w.ws.addRelation({ name: 'x', revenue: -1 }),
      'relations.new-1.revenue',
    ],
    [
      'updateRelation with an unknown kind',
      w.doc,
      () => w.ws.updateRelation('w-6', { kind: 'friend' as never }),
      'relations.w-6.kind',
    ],
    [
      'updateRelation of a removed relation',
      w.doc,
      () => w.ws.updateRelation('gone', { name: 'x' }),
      'relations.gone',
    ],
    [
      'setOverride without a reason',
      w.doc,
      () => w.ws.setOverride('w-6', { class: 'A', reason: '' }),
      'relations.w-6.override.reason',
    ],
    ['a score of 5', w.doc, () => w.ws.scoreRelation('w-6', 'w-1', 5 as never), 'scores.w-6.w-1'],
    [
      'a score for an unknown criterion',
      w.doc,
      () => w.ws.scoreRelation('w-6', 'nope', 2),
      'scores.w-6.nope',
    ],
    [
      'contact strength 6',
      w.doc,
      () => w.ws.addContact({ relationId: 'w-6', name: 'x', strength: 6 }),
      'contacts.new-2.strength',
    ],
    [
      'a contact of an unknown relation',
      w.doc,
      () => w.ws.addContact({ relationId: 'nope', name: 'x' }),
      'contacts.relationId',
    ],
    [
      'classification with pA + pC > 1',
      w.doc,
      () =>
        w.ws.updateSettings({
          classification: { mode: 'distribution', pA: 0.7, pC: 0.5, tA: 3, tC: 2, kinds: ['client'] },
        }),
      'settings.classification.pC',
    ],
    [
      'classification with tC above tA',
      w.doc,
      () =>
        w.ws.updateSettings({
          classification: { mode: 'thresholds', pA: 0.2, pC: 0.2, tA: 2, tC: 3, kinds: ['client'] },
        }),
      'settings.classification.tC',
    ],
    [
      'cadence of 0 days',
      w.doc,
      () => w.ws.updateSettings({ cadence: { A: 0, B: 90, C: 180, minContactsPerYearA: 6 } }),
      'settings.cadence.A',
    ],
    ['a locale we do not ship', w.doc, () => w.ws.setLocale('de' as never), 'settings.locale'],
    [
      'a contact-log date that is not a date',
      w.doc,
      () => w.ws.addContactLogEntry({ relationId: 'w-6', date: '2026-02-30x', type: 'call' }),
      'contactLog.new-3.date',
    ],
    [
      'a criterion with weight 0',
      w.doc,
      () => w.ws.addCriterion({ name: 'x', category: 'financial', weight: 0 }),
      'criteria.new-4.weight',
    ],
    ['five key points', p.doc, () => p.plan.setKeyPoints(['1', '2', '3', '4', '5']), 'keyPoints'],
    [
      'a goal with an invalid deadline',
      p.doc,
      () => p.plan.addGoal({ title: 'x', deadline: '31-12-2026' }),
      'goals.new-1.deadline',
    ],
    [
      'an action with a negative cost',
      p.doc,
      () => p.plan.addAction({ what: 'x', cost: -5 }),
      'actions.new-2.cost',
    ],
    [
      'an unknown action status',
      p.doc,
      () => p.plan.setActionStatus('p-2', 'maybe' as never),
      'actions.p-2.status',
    ],
    [
      'a text over 100,000 characters',
      p.doc,
      () => p.plan.setText('summary', 'x'.repeat(100_001)),
      'summary',
    ],
    ['a text path that does not exist', p.doc, () => p.plan.setText('title' as never, 'x'), 'title'],
    [
      'a measurement without a date',
      p.doc,
      () => p.plan.addMeasurement('p-4', { date: '', value: 1 }),
      'kpis.p-4.measurements.date',
    ],
    ['a budget of NaN', p.doc, () => p.plan.setBudget(Number.NaN), 'budget'],
    [
      'a timebox of 0 minutes',
      m.doc,
      () => m.m.addAgendaItem({ planId: 'p', presenterId: 'w', timeboxMinutes: 0 }),
      'agenda.new-1.timeboxMinutes',
    ],
    ['moved without a new date', m.doc, () => m.m.reviewOutcome('m-2', 'moved', null), 'review.m-2.movedTo'],
    [
      'moved to the meeting’s own day (the board is of 2026-03-10)',
      m.doc,
      () => m.m.reviewOutcome('m-2', 'moved', '2026-03-10'),
      'review.m-2.movedTo',
    ],
    [
      'moved into the past',
      m.doc,
      () => m.m.reviewOutcome('m-2', 'moved', '2020-01-01'),
      'review.m-2.movedTo',
    ],
    [
      'a card for an unknown agenda item',
      m.doc,
      () => m.m.addCard({ agendaItemId: 'x', authorId: 'w-1', kind: 'question', text: '?' }),
      'cards.agendaItemId',
    ],
    [
      'a commitment without a due date',
      m.doc,
      () => m.m.addCommitment({ agendaItemId: 'm-1', what: 'x', ownerId: 'w-1', due: '' }),
      'commitments.new-2.due',
    ],
    ['a step that does not exist', m.doc, () => m.m.setStep('m-1', 'dance' as never), 'live.step'],
    ['round 7', t.doc, () => t.t.setRoundDates(7, null, null), 'rounds'],
    [
      'a round ending before it starts',
      t.doc,
      () => t.t.setRoundDates(1, '2026-05-01', '2026-04-01'),
      'rounds.1.end',
    ],
    ['a decision "maybe"', t.doc, () => t.t.decide(0, 't-1', 'maybe' as never), 'rounds.0.decisions.t-1'],
    ['a decision for an unknown entry', t.doc, () => t.t.decide(0, 'nope', 'go'), 'entries.nope'],
  ];
  it.each(cases)('%s', (_name, doc, fn, path) => {
    const before = Y.encodeStateAsUpdate(doc);
    const { count, result } = transactions(doc, fn);
    expect(count).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    const r = result as Result<unknown>;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toContain(path);
      for (const i of r.issues) expect(i.text.nl.length * i.text.en.length).toBeGreaterThan(0);
    }
  });
});

describe('intent semantics', () => {
  it('removing a relation also removes its contacts, contact-log entries and scores; other relations stay', () => {
    const { doc, ws } = workspace();
    assertOk(ws.addContact({ relationId: 'w-7', name: 'Els 2' }));
    assertOk(ws.removeRelation('w-6'));
    const json = readWorkspace(doc)!;
    const contacts = Object.values(json.contacts as Record<string, { relationId: string }>);
    expect(contacts.map((c) => c.relationId)).toEqual(['w-7', 'w-7']);
    expect(Object.keys(json.contactLog as object)).toEqual([]);
    expect(Object.keys(json.scores as object)).toEqual(['w-7']);
    expect(Object.keys(json.relations as object)).toEqual(['w-7']);
  });

  it('removing a criterion removes its scores; removing a professional clears owner, team and knownBy', () => {
    const { doc, ws } = workspace();
    assertOk(ws.updateRelation('w-6', { teamIds: ['w-5'] }));
    assertOk(ws.removeCriterion('w-10'));
    assertOk(ws.removeProfessional('w-5'));
    const json = readWorkspace(doc)! as unknown as {
      scores: Record<string, Record<string, number>>;
      relations: Record<string, { ownerId: string | null; teamIds: string[] }>;
      contacts: Record<string, { knownBy: string[] }>;
    };
    expect(json.scores['w-6']).toEqual({});
    expect(json.relations['w-6']).toMatchObject({ ownerId: null, teamIds: [] });
    expect(json.contacts['w-8']!.knownBy).toEqual([]);
  });

  it('scoreRelation(null) removes the score; an optional field set to undefined is removed', () => {
    const { doc, ws } = workspace();
    assertOk(ws.scoreRelation('w-6', 'w-10', null));
    assertOk(ws.updateContact('w-8', { personal: undefined }));
    const json = readWorkspace(doc)! as unknown as {
      scores: Record<string, object>;
      contacts: Record<string, object>;
    };
    expect(json.scores['w-6']).toEqual({});
    expect(json.contacts['w-8']).not.toHaveProperty('personal');
  });

  it('moveCriterion gives a fractional order between its new neighbours', () => {
    const { doc, ws } = workspace();
    assertOk(ws.moveCriterion('w-10', 1));
    const crit = Object.values(readWorkspace(doc)!.criteria as Record<string, { id: string; order: number }>)
      .sort((a, b) => a.order - b.order)
      .map((c) => c.id);
    expect(crit).toEqual(['w-1', 'w-10', 'w-2', 'w-3', 'w-4']);
  });

  it('every plan intent sets updatedAt', () => {
    const { doc, plan: p } = plan();
    const before = readPlan(doc)!.updatedAt as string;
    assertOk(p.setText('closing', 'Wie heeft iets te vragen?'));
    const after = readPlan(doc)!.updatedAt as string;
    expect(after > before).toBe(true);
    expect(after.startsWith('2026-06-01')).toBe(true);
  });

  it('a plan is deleted with the time and restored to null; its content stays and the document checks', () => {
    const { doc, plan: p } = plan();
    assertOk(p.setDeleted(true));
    const deleted = readPlan(doc)!;
    expect(String(deleted.deletedAt).startsWith('2026-06-01')).toBe(true);
    expect(Object.keys(deleted.actions as object).length).toBeGreaterThan(0);
    expect(AccountPlanDoc.safeParse(deleted).success).toBe(true);
    assertOk(p.setDeleted(false));
    expect(readPlan(doc)!.deletedAt).toBeNull();
    expect(AccountPlanDoc.safeParse(readPlan(doc)).success).toBe(true);
  });

  it('removing a goal clears the goalId of the actions that served it', () => {
    const { doc, plan: p } = plan();
    assertOk(p.removeGoal('p-1'));
    expect((readPlan(doc)!.actions as Record<string, { goalId: unknown }>)['p-2']!.goalId).toBeNull();
  });

  it('setText edits by replace-range: the Y.Text keeps the untouched part', () => {
    const { doc, plan: p } = plan();
    const text = doc.getText('situation.text');
    const deltas: unknown[] = [];
    text.observe((e) => deltas.push(e.delta));
    assertOk(p.setText('situation.text', 'Familiebedrijf, 45 medewerkers.'));
    expect(deltas).toEqual([[{ retain: 17 }, { delete: 1 }, { insert: '5' }]]);
  });

  it('a commitment returns the action for the plan document, with the id the commitment refers to', () => {
    const { doc, m } = meeting();
    const r = assertOk(
      m.addCommitment({
        agendaItemId: 'm-1',
        what: 'Lunch met CFO',
        ownerId: 'w-1',
        due: '2026-04-30',
        quadrant: 'person',
        goalId: 'g-1',
        goalTitle: 'Tevredenheid naar een 9',
      }),
    );
    expect(r.commitment.planId).toBe('plan-1');
    // The goal's title goes with the commitment (the summary names it without the plan); not into the action.
    expect(r.commitment).toMatchObject({ goalId: 'g-1', goalTitle: 'Tevredenheid naar een 9' });
    expect(r.action).not.toHaveProperty('goalTitle');
    const planDoc = new Y.Doc();
    SAMPLES.plan(planDoc);
    assertOk(planIntents(planDoc, opts('anna')).addAction(r.action));
    const action = (readPlan(planDoc)!.actions as Record<string, Record<string, unknown>>)[
      r.commitment.actionId
    ];
    expect(action).toMatchObject({
      what: 'Lunch met CFO',
      ownerId: 'w-1',
      due: '2026-04-30',
      quadrant: 'person',
      status: 'planned',
    });
    expect((readMeeting(doc)!.commitments as Record<string, unknown>)[r.commitment.id]).toEqual(r.commitment);
  });

  it('facilitator controls walk opening → plan 1–4 → summary → closing, then the next presentation', () => {
    const { doc, m } = meeting();
    assertOk(m.addAgendaItem({ planId: 'plan-2', presenterId: 'w-2' }));
    assertOk(m.start());
    const seen: string[] = [];
    for (let i = 0; i < 16; i++) {
      const live = readMeeting(doc)!.live as {
        agendaItemId: string | null;
        step: string;
        planStep: string | null;
      };
      seen.push(`${live.agendaItemId}:${live.step}${live.planStep ? `/${live.planStep}` : ''}`);
      assertOk(m.next());
    }
    expect(seen.slice(0, 8)).toEqual([
      'm-1:opening',
      'm-1:plan/situation',
      'm-1:plan/goals',
      'm-1:plan/strategy',
      'm-1:plan/timeline',
      'm-1:summary',
      'm-1:closing',
      'new-1:opening',
    ]);
    expect(seen.slice(13)).toEqual(['new-1:closing', 'null:opening', 'null:opening']);
    assertOk(m.previous());
    expect(readMeeting(doc)!.live).toMatchObject({
      agendaItemId: 'new-1',
      step: 'closing',
      status: 'running',
    });
    assertOk(m.end());
    expect(readMeeting(doc)!.live).toMatchObject({
      status: 'ended',
      agendaItemId: null,
      timerStartedAt: null,
    });
    expect(m.next().ok).toBe(false);
    // Ended too early: the facilitator reopens it where it was ended (the last presentation's closing), and
    // drives it again.
    assertOk(m.reopen({ id: 'u-anna', name: 'Anna' }));
    expect(readMeeting(doc)!.live).toMatchObject({
      status: 'running',
      agendaItemId: 'new-1',
      step: 'closing',
      driverId: 'u-anna',
    });
    expect((readMeeting(doc)!.live as { timerStartedAt: string | null }).timerStartedAt).not.toBeNull();
    expect(m.reopen().ok).toBe(false); // only an ended meeting reopens
  });

  it.each([
    ['ended after the last presentation', 16, { agendaItemId: 'new-1', step: 'closing', planStep: null }],
    ['ended in the first presentation’s goals', 2, { agendaItemId: 'm-1', step: 'plan', planStep: 'goals' }],
    [
      'ended at the second presentation’s opening',
      7,
      { agendaItemId: 'new-1', step: 'opening', planStep: null },
    ],
  ])('reopening a meeting %s goes on there, not after the last presentation', (_case, nexts, expected) => {
    const { doc, m } = meeting();
    assertOk(m.addAgendaItem({ planId: 'plan-2', presenterId: 'w-2' }));
    assertOk(m.start({ id: 'u-anna', name: 'Anna' }));
    for (let i = 0; i < nexts; i++) assertOk(m.next());
    assertOk(m.end());
    assertOk(m.reopen({ id: 'u-anna', name: 'Anna' }));
    const live = readMeeting(doc)!.live;
    expect(live).toMatchObject({ status: 'running', ...expected });
    expect(live).not.toHaveProperty('resumeAt');
  });

  /** The sample meeting on a clock the test moves, at its second presentation (agenda item t-1), timer at 0:00. */
  function clockedMeeting() {
    const doc = new Y.Doc();
    SAMPLES.meeting(doc);
    const clock = { now: Date.UTC(2026, 2, 10, 14) };
    const m = meetingIntents(
      doc,
      opts(ORIGIN, () => new Date(clock.now).toISOString(), seqIds('t')),
    );
    assertOk(m.addAgendaItem({ planId: 'plan-2', presenterId: 'w-2' }));
    const live = () =>
      readMeeting(doc)!.live as {
        status: string;
        timerStartedAt: string | null;
        agendaItemId: string | null;
      };
    while (live().agendaItemId !== 't-1') assertOk(m.next()); // the second presentation: its timer starts
    const elapsed = () => elapsedSeconds(live().timerStartedAt, clock.now);
    return { doc, m, clock, live, elapsed };
  }

  it('a reopened meeting’s timer goes on from where it stood when it was ended, not from 0:00', () => {
    const { m, clock, live, elapsed } = clockedMeeting();
    expect(elapsed()).toBe(0);
    clock.now += 25_000; // 0:25
    assertOk(m.end());
    clock.now += 3_600_000; // an hour later
    assertOk(m.reopen({ id: 'u-anna', name: 'Anna' }));
    expect(live().agendaItemId).toBe('t-1');
    expect(elapsed()).toBe(25);
    clock.now += 5_000;
    expect(elapsed()).toBe(30);
  });

  it('deleting a running meeting ends it; restored, it reopens where it stood, the deleted hour not counted', () => {
    const { doc, m, clock, live, elapsed } = clockedMeeting();
    clock.now += 40_000; // 0:40 into the second presentation
    // One change (one transaction, one update): a colleague never sees it deleted yet running.
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    assertOk(m.setDeleted(true));
    expect(updates).toHaveLength(1);
    expect(live()).toMatchObject({ status: 'ended', agendaItemId: null, timerStartedAt: null });
    expect(readMeeting(doc)!.deletedAt).not.toBeNull();

    clock.now += 3_600_000; // restored an hour later
    assertOk(m.setDeleted(false));
    expect(live().status).toBe('ended');
    assertOk(m.reopen({ id: 'u-anna', name: 'Anna' }));
    expect(live()).toMatchObject({ status: 'running', agendaItemId: 't-1' });
    expect(elapsed()).toBe(40);
  });

  it.each(['not started', 'ended'])(
    'deleting a meeting that is %s leaves its live state as it was',
    (state) => {
      const { doc, m } = meeting();
      if (state === 'ended') assertOk(m.end());
      else doc.getMap('board').set('live', { ...INITIAL_LIVE });
      const before = readMeeting(doc)!.live;
      assertOk(m.setDeleted(true));
      expect(readMeeting(doc)!.live).toEqual(before);
    },
  );

  it('a board ended before `resumeAt` reopens at its last presentation; an empty agenda after it', () => {
    const { doc, m } = meeting();
    assertOk(m.addAgendaItem({ planId: 'plan-2', presenterId: 'w-2' }));
    assertOk(m.start());
    doc.getMap('board').set('live', { ...INITIAL_LIVE, status: 'ended' }); // as an older client ended it
    assertOk(m.reopen());
    expect(readMeeting(doc)!.live).toMatchObject({ agendaItemId: 'new-1', step: 'closing' });
  });

  it('a board date that cannot be a meeting’s is refused naming the field, nothing written; a past one is taken', () => {
    const { doc, m } = meeting();
    const before = readMeeting(doc)!.date;
    for (const date of ['0002-11-30', '2100-01-01', '2026-02-31', '']) {
      const r = m.updateBoard({ date, title: 'Overleg' });
      expect(r.ok, date).toBe(false);
      if (!r.ok) expect(r.issues[0]!.path).toBe('date');
    }
    expect(readMeeting(doc)!.date).toBe(before);
    expect(readMeeting(doc)!.title).not.toBe('Overleg');
    assertOk(m.updateBoard({ date: '2021-06-01' })); // recorded afterwards
    expect(readMeeting(doc)!.date).toBe('2021-06-01');
  });

  it('a board is deleted and restored as a plan is: deletedAt set then null, its content kept, its card marked', () => {
    const { doc, m } = meeting();
    const before = readMeeting(doc)!;
    expect(before.deletedAt ?? null).toBeNull();
    assertOk(m.setDeleted(true));
    const deleted = readMeeting(doc)! as unknown as MeetingBoardDoc;
    expect(deleted.deletedAt).toBe('2026-03-10T14:00:00.000Z');
    expect(deleted.commitments).toEqual(before.commitments);
    expect(meetingCardOf(deleted, deleted.createdAt).deleted).toBe(true);
    // As a deleted plan: no edit but restoring it — the board's fields, cards, the facilitator's keys, and
    // the review's check (the app asks it before changing the plan) — and nothing is written.
    const refusals = [
      m.updateBoard({ title: 'Nieuw' }),
      m.addCard({ agendaItemId: 'm-1', authorId: 'u-1', kind: 'question', text: 'Waarom?' }),
      m.addCommitment({ agendaItemId: 'm-1', what: 'Bellen', ownerId: 'w-1', due: '2026-04-01' }),
      m.start(),
      m.checkOutcome('x', 'done', null),
      m.addSuccess({ text: 'Gewonnen' }),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.code).toBe('deleted');
    }
    expect(readMeeting(doc)!.title).toBe(before.title);
    expect(readMeeting(doc)!.cards).toEqual(before.cards);
    assertOk(m.setDeleted(false));
    assertOk(m.updateBoard({ title: 'Nieuw' })); // restored: edits again
    const restored = readMeeting(doc)! as unknown as MeetingBoardDoc;
    expect(restored.deletedAt).toBeNull();
    expect(meetingCardOf(restored, restored.createdAt).deleted).toBe(false);
  });

  it('reopening is the facilitator’s, as ending is: someone else takes over facilitation first', () => {
    const { doc, m } = meeting();
    assertOk(m.start({ id: 'u-anna', name: 'Anna' }));
    assertOk(m.end());
    const refused = m.reopen({ id: 'u-bram', name: 'Bram' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0]!.message).toContain('only Anna, who facilitated the meeting');
    expect(readMeeting(doc)!.live).toMatchObject({ status: 'ended' }); // nothing written
    assertOk(m.handOver({ id: 'u-bram', name: 'Bram' }));
    assertOk(m.reopen({ id: 'u-bram', name: 'Bram' }));
    expect(readMeeting(doc)!.live).toMatchObject({
      status: 'running',
      agendaItemId: 'm-1',
      driverId: 'u-bram',
    });
  });

  it('the presentation timer restarts only when the presentation changes', () => {
    const { doc, m } = meeting();
    assertOk(m.addAgendaItem({ planId: 'plan-2', presenterId: 'w-2' }));
    assertOk(m.start());
    const t0 = (readMeeting(doc)!.live as { timerStartedAt: string }).timerStartedAt;
    assertOk(m.next());
    expect((readMeeting(doc)!.live as { timerStartedAt: string }).timerStartedAt).toBe(t0);
    assertOk(m.setStep('new-1', 'opening'));
    expect((readMeeting(doc)!.live as { timerStartedAt: string }).timerStartedAt > t0).toBe(true);
  });

  it('removing an entry removes its decisions in every round', () => {
    const { doc, t } = tournament();
    assertOk(t.removeEntry('t-1'));
    expect((readTournament(doc)!.rounds as Record<string, { decisions: object }>)['0']!.decisions).toEqual({
      't-2': 'noGo',
    });
  });

  it('concurrent answers to different seven questions and decisions on different entries both survive', () => {
    const a = new Y.Doc();
    SAMPLES.workspace(a);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    assertOk(workspaceIntents(a, opts('a')).answerSevenQuestion('w-6', 'privateSide', true));
    assertOk(workspaceIntents(b, opts('b')).answerSevenQuestion('w-6', 'forwardNews', false));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const answers = (readWorkspace(a)!.relations as Record<string, { sevenQuestions: object }>)['w-6']!
      .sevenQuestions;
    expect(answers).toEqual({ dataCurrent: true, privateSide: true, forwardNews: false });
    expect(readWorkspace(b)).toEqual(readWorkspace(a));
  });
});

describe('addContactLogEntry with signals', () => {
  it('writes the entry and its signals in one transaction', () => {
    const w = workspace();
    const t = transactions(w.doc, () =>
      w.ws.addContactLogEntry({
        relationId: 'w-6',
        date: '2026-03-02',
        type: 'visit',
        signals: [
          { kind: 'buyingSignal', note: 'Vraagt naar advies over fusie' },
          { kind: 'complaint', followUp: { what: 'Bellen', ownerId: null, due: '2026-03-09' } },
        ],
      }),
    );
    expect(t.count).toBe(1);
    const id = assertOk(t.result as Result<string>);
    const entry = (readWorkspace(w.doc) as WorkspaceDoc).contactLog[id] as unknown as {
      signals: Record<string, { kind: string; handled: boolean }>;
    };
    expect(Object.values(entry.signals).map((s) => [s.kind, s.handled])).toEqual(
      expect.arrayContaining([
        ['buyingSignal', false],
        ['complaint', false],
      ]),
    );
  });

  it('writes nothing when one signal is invalid, so a retry cannot log the moment twice', () => {
    const w = workspace();
    const before = Object.keys((readWorkspace(w.doc) as WorkspaceDoc).contactLog).length;
    const t = transactions(w.doc, () =>
      w.ws.addContactLogEntry({
        relationId: 'w-6',
        date: '2026-03-02',
        type: 'visit',
        signals: [{ kind: 'buyingSignal' }, { kind: 'rumour' as 'complaint' }],
      }),
    );
    expect(t.count).toBe(0);
    expect((t.result as Result<string>).ok).toBe(false);
    expect(Object.keys((readWorkspace(w.doc) as WorkspaceDoc).contactLog)).toHaveLength(before);
  });
});
