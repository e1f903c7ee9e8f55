import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  benefitSummary,
  budgetSummary,
  quadrantSummary,
  timeline,
  validatePlan,
} from '../../core/plan/index.ts';
import { QUADRANTS } from '../../core/model/index.ts';
import { action, context, emptyPlan, mutated, validPlan } from './plan-fixtures.ts';

describe('quadrantSummary', () => {
  it('counts activities, their cost and status per quadrant; cancelled ones only by status', () => {
    const s = quadrantSummary(validPlan());
    expect(s.project).toEqual({
      quadrant: 'project',
      activities: 1,
      cost: 1000,
      byStatus: { planned: 1, done: 0, cancelled: 0 },
      crowded: false,
    });
    expect(s.person).toEqual({
      quadrant: 'person',
      activities: 1,
      cost: 1500,
      byStatus: { planned: 0, done: 1, cancelled: 1 },
      crowded: false,
    });
    expect(Object.keys(s)).toEqual([...QUADRANTS]);
  });

  it.each([
    [3, false],
    [4, true],
  ])('%i activities in a quadrant: crowded is %s', (n, crowded) => {
    const plan = mutated((p) => {
      for (let i = 1; i < n; i++) p.actions[`x${i}`] = action(`x${i}`, { quadrant: 'project' });
    });
    expect(quadrantSummary(plan).project).toMatchObject({ activities: n, crowded });
  });

  it('an empty plan has four empty quadrants', () => {
    const s = quadrantSummary(emptyPlan());
    for (const q of QUADRANTS) expect(s[q]).toMatchObject({ activities: 0, cost: 0, crowded: false });
  });

  it('agrees with p4.crowded for any mix of actions', () => {
    const mix = fc.array(
      fc.record({
        quadrant: fc.constantFrom(...QUADRANTS),
        status: fc.constantFrom('planned' as const, 'done' as const, 'cancelled' as const),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(mix, (actions) => {
        const plan = mutated((p) => {
          p.actions = Object.fromEntries(
            actions.map((a, i) => [`x${i}`, action(`x${i}`, { ...a, cost: 0 })]),
          );
        });
        const crowded = QUADRANTS.filter((q) => quadrantSummary(plan)[q].crowded);
        const findings = validatePlan(plan, context()).filter((f) => f.id === 'p4.crowded');
        expect(findings.map((f) => f.params?.quadrant)).toEqual(crowded);
      }),
    );
  });
});

describe('benefitSummary', () => {
  it('lists the benefits per level, sorted by description', () => {
    const s = benefitSummary(validPlan());
    expect(s.organisation.map((b) => b.id)).toEqual(['b1']);
    expect(s.order).toEqual([]);
    expect(s.person.map((b) => b.description)).toEqual(['Birthday card', 'Invitation to the tax seminar']);
  });
});

describe('timeline', () => {
  const plan = mutated((p) => {
    p.actions.u1 = action('u1', { due: null, order: 9 });
    p.actions.u0 = action('u0', { due: null, order: 1 });
    p.actions.x1 = action('x1', { due: '2026-06-01', order: 0 });
  });

  it('groups actions by month, in date order, undated last; cancelled left out', () => {
    expect(timeline(plan).map((m) => [m.month, m.actions.map((a) => a.id)])).toEqual([
      ['2026-01', ['a2']],
      ['2026-04', ['a4']],
      ['2026-06', ['x1', 'a1', 'a3']],
      [null, ['u0', 'u1']],
    ]);
  });

  it('includes cancelled actions when asked', () => {
    expect(timeline(plan, { includeCancelled: true })[1]).toEqual({
      month: '2026-02',
      actions: [plan.actions.a5],
    });
  });

  it('an empty plan has an empty timeline', () => {
    expect(timeline(emptyPlan())).toEqual([]);
  });
});

describe('budgetSummary', () => {
  it('sets the budget against the costs of the non-cancelled actions, beside the acquisition cost', () => {
    expect(budgetSummary(validPlan(), 25_000)).toEqual({
      budget: 10_000,
      actionCosts: 6000,
      byStatus: { planned: 4500, done: 1500 },
      remaining: 4000,
      exceeded: false,
      acquisitionCost: 25_000,
    });
  });

  it.each<[number | null, number | null, boolean]>([
    [6000, 0, false],
    [5000, -1000, true],
    [null, null, false],
  ])('budget %s: remaining %s, exceeded %s', (budget, remaining, exceeded) => {
    const s = budgetSummary(
      mutated((p) => (p.budget = budget)),
      null,
    );
    expect(s).toMatchObject({ budget, remaining, exceeded, acquisitionCost: null });
  });

  it('agrees with budget.exceeded for any costs and budget', () => {
    const money = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(money, { maxLength: 12 }), money, (costs, budget) => {
        const plan = mutated((p) => {
          p.budget = budget;
          p.actions = Object.fromEntries(
            costs.map((cost, i) => [`x${i}`, action(`x${i}`, { cost, quadrant: QUADRANTS[i % 4] })]),
          );
        });
        const reported = validatePlan(plan, context()).some((f) => f.id === 'budget.exceeded');
        expect(budgetSummary(plan, null).exceeded).toBe(reported);
      }),
    );
  });
});
