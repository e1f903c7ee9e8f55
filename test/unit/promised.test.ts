/**
 * core/promised: the open actions of every plan as the Keep warm screen lists them — which count, in which
 * order, overdue by the app's "today" (a parameter, as everywhere in core/), filtered by person — and the
 * contact moment a done action is logged as.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionContactId,
  comparePromised,
  contactFromAction,
  openActionsOf,
  promisedActions,
  promisedCounts,
  type PlanActions,
} from '../../core/promised.ts';
import { validatePlan } from '../../core/plan/index.ts';
import type { Action } from '../../core/model/index.ts';
import { action, context, validPlan } from './plan-fixtures.ts';

// The QA pass's browser clock: a meeting's actions were due 8 January – 10 February.
const TODAY = '2027-02-20';

const plan = (id: string, title: string, actions: Action[], relationIds = [`r-${id}`]): PlanActions => ({
  id,
  title,
  relationIds,
  actions: Object.fromEntries(actions.map((a) => [a.id, a])),
});

describe('openActionsOf', () => {
  it.each([
    // status, due, listed, overdue, daysLeft
    ['planned', '2027-01-08', true, true, -43],
    ['planned', '2027-02-19', true, true, -1],
    ['planned', '2027-02-20', true, false, 0], // due today is not overdue yet (plan rule action.overdue)
    ['planned', '2027-02-25', true, false, 5],
    ['planned', null, true, false, null],
    ['planned', '2027-02-30', true, false, null], // not a real date: as undated, never a crash
    ['done', '2027-01-08', false, false, null],
    ['cancelled', '2027-01-08', false, false, null],
  ] as const)('%s due %s → listed %s, overdue %s, days left %s', (status, due, listed, overdue, daysLeft) => {
    const got = openActionsOf(plan('p', 'P', [action('a', { status, due })]), TODAY);
    expect(got.length).toBe(listed ? 1 : 0);
    if (listed) expect(got[0]).toMatchObject({ overdue, daysLeft });
  });

  it('carries the plan, its relations, who, what and where a commitment came from', () => {
    const [a] = openActionsOf(
      plan(
        'p1',
        'Acme 2027',
        [
          action('a1', {
            what: 'Kennismakingslunch met de nieuwe CFO',
            ownerId: 'u2',
            due: '2027-02-10',
            source: { boardId: 'b1', commitmentId: 'c1', authorId: 'me' },
          }),
        ],
        ['r-acme', 'r-acme-nl'],
      ),
      TODAY,
    );
    expect(a).toEqual({
      planId: 'p1',
      planTitle: 'Acme 2027',
      actionId: 'a1',
      relationIds: ['r-acme', 'r-acme-nl'],
      what: 'Kennismakingslunch met de nieuwe CFO',
      ownerId: 'u2',
      due: '2027-02-10',
      daysLeft: -10,
      overdue: true,
      fromBoardId: 'b1',
    });
  });

  it('refuses a today that is not a date', () => {
    expect(() => openActionsOf(plan('p', 'P', []), '20-02-2027')).toThrow(RangeError);
  });

  it('agrees with the plan check on which actions are overdue (action.overdue)', () => {
    const p = validPlan();
    for (const [i, due] of ['2026-02-27', '2026-03-01', '2026-03-02', null].entries())
      p.actions[`x${i}`] = action(`x${i}`, { due, goalId: 'g1' });
    const today = context().today;
    const flagged = validatePlan(p, context())
      .filter((f) => f.id === 'action.overdue')
      .map((f) => f.path.split('.')[1])
      .sort();
    const listed = openActionsOf(p, today)
      .filter((a) => a.overdue)
      .map((a) => a.actionId)
      .sort();
    expect(listed).toEqual(flagged);
    expect(listed.length).toBeGreaterThan(0);
  });
});

describe('promisedActions', () => {
  // The QA scenario: seven open actions over three plans, six overdue, one without a date, plus a done and a
  // cancelled action that are not promised any more.
  const plans = [
    plan('p-acme', 'Acme 2027', [
      action('a1', { what: 'Kennismakingslunch met de nieuwe CFO', due: '2027-01-08', ownerId: 'u1' }),
      action('a2', { what: 'Offerte energiescan', due: '2027-02-10', ownerId: 'u2' }),
      action('a3', { what: 'Kerstkaart', due: '2026-12-20', status: 'done' }),
    ]),
    plan('p-zwolle', 'Gemeente Zwolle', [
      action('z1', { what: 'Rondleiding nieuwbouw', due: '2027-01-20', ownerId: 'u2' }),
      action('z2', { what: 'Klantpanel', due: '2027-03-01', ownerId: 'u1' }),
      action('z3', { what: 'Nieuwsbrief', due: null, ownerId: null }),
    ]),
    plan('p-delta', 'Delta Logistiek', [
      action('d1', { what: 'Evaluatie', due: '2027-01-20', ownerId: 'u1' }),
      action('d2', { what: 'Referentiebezoek', due: '2027-02-01', ownerId: 'u1' }),
      action('d3', { what: 'Sponsoring', due: '2027-01-15', status: 'cancelled' }),
      action('d4', { what: 'Bedrijfsbezoek', due: '2027-01-09', ownerId: null }),
    ]),
  ];

  it('lists the open actions, overdue first — longest overdue on top —, then by due date, undated last', () => {
    const list = promisedActions(plans, TODAY);
    expect(list.map((a) => [a.actionId, a.overdue])).toEqual([
      ['a1', true], // 8 Jan
      ['d4', true], // 9 Jan
      ['d1', true], // 20 Jan, Delta before Gemeente Zwolle (plan title)
      ['z1', true], // 20 Jan
      ['d2', true], // 1 Feb
      ['a2', true], // 10 Feb
      ['z2', false], // 1 Mar: in 9 days
      ['z3', false], // no date
    ]);
    expect(promisedCounts(list)).toMatchObject({ total: 8, overdue: 6 });
  });

  it('filters on who: one person, nobody named, everyone', () => {
    const ids = (who: Parameters<typeof promisedActions>[2]) =>
      promisedActions(plans, TODAY, who).map((a) => a.actionId);
    expect(ids({ who: 'person', id: 'u1' })).toEqual(['a1', 'd1', 'd2', 'z2']);
    expect(ids({ who: 'person', id: 'u2' })).toEqual(['z1', 'a2']);
    expect(ids({ who: 'nobody' })).toEqual(['d4', 'z3']);
    expect(ids({ who: 'person', id: 'someone-else' })).toEqual([]);
    expect(ids({ who: 'everyone' })).toHaveLength(8);
    expect(promisedCounts(promisedActions(plans, TODAY)).byOwner).toEqual(
      new Map([
        ['u1', 4],
        ['u2', 2],
        [null, 2],
      ]),
    );
  });

  it('moves an action from "in 2 days" to overdue as today passes its date', () => {
    const p = [plan('p', 'P', [action('a', { due: '2027-02-22' })])];
    expect(promisedActions(p, '2027-02-20')[0]).toMatchObject({ daysLeft: 2, overdue: false });
    expect(promisedActions(p, '2027-02-22')[0]).toMatchObject({ daysLeft: 0, overdue: false });
    expect(promisedActions(p, '2027-02-25')[0]).toMatchObject({ daysLeft: -3, overdue: true });
  });

  it('takes per-plan lists already extracted (a screen caches them per plan) with the same result', () => {
    expect(
      promisedActions(
        plans.map((p) => openActionsOf(p, TODAY)),
        TODAY,
      ),
    ).toEqual(promisedActions(plans, TODAY));
  });

  it('gives the same order whatever the order of plans and actions (property)', () => {
    const dues = fc.option(
      fc
        .integer({ min: -60, max: 60 })
        .map((d) => `2027-02-${String(1 + Math.abs(d % 28)).padStart(2, '0')}`),
      { nil: null },
    );
    const arbAction = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      what: fc.constantFrom('Lunch', 'Call', 'Visit'),
      due: dues,
      status: fc.constantFrom('planned', 'planned', 'done', 'cancelled') as fc.Arbitrary<Action['status']>,
    });
    const arbPlan = fc.record({
      id: fc.constantFrom('p1', 'p2', 'p3'),
      title: fc.constantFrom('Acme', 'Delta'),
      actions: fc.uniqueArray(arbAction, { selector: (a) => a.id, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbPlan, { selector: (p) => p.id, maxLength: 3 }), (raw) => {
        const plans = raw.map((p) =>
          plan(
            p.id,
            p.title,
            p.actions.map((a) => action(a.id, a)),
          ),
        );
        const reversed = [...plans].reverse().map((p) => ({
          ...p,
          actions: Object.fromEntries(Object.entries(p.actions).reverse()),
        }));
        const list = promisedActions(plans, TODAY);
        expect(promisedActions(reversed, TODAY)).toEqual(list);
        for (let i = 1; i < list.length; i++)
          expect(comparePromised(list[i - 1]!, list[i]!)).toBeLessThanOrEqual(0);
        const open = raw.flatMap((p) => p.actions).filter((a) => a.status === 'planned').length;
        expect(list).toHaveLength(open);
      }),
    );
  });
});

describe('contactFromAction', () => {
  it('is the contact moment of the done action: today, its owner, its text, one id per relation', () => {
    const a = { id: 'a1', what: ' Kennismakingslunch met de nieuwe CFO ', ownerId: 'p-anna' };
    expect(contactFromAction('p1', a, 'r-acme', TODAY, 'visit')).toEqual({
      id: 'action:p1:a1:r-acme',
      relationId: 'r-acme',
      date: TODAY,
      type: 'visit',
      professionalIds: ['p-anna'],
      note: 'Kennismakingslunch met de nieuwe CFO',
    });
    expect(contactFromAction('p1', { ...a, ownerId: null }, 'r-acme', TODAY, 'call').professionalIds).toEqual(
      [],
    );
    expect(actionContactId('p1', 'a1', 'r-acme')).not.toBe(actionContactId('p1', 'a1', 'r-other'));
    expect(actionContactId('p1', 'a1', 'r-acme')).not.toBe(actionContactId('p2', 'a1', 'r-acme'));
  });
});
