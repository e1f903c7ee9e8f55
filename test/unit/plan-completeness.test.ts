import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  RULES,
  RULE_IDS,
  SEVERITIES,
  planCompleteness,
  validatePlan,
  type Finding,
  type RuleId,
} from '../../core/plan/index.ts';
import { context, emptyPlan, mutated, validPlan } from './plan-fixtures.ts';

const f = (id: RuleId, n = 1): Finding[] =>
  Array.from({ length: n }, (_, i) => ({ id, severity: RULES[id], path: `p${i}` }));

describe('planCompleteness', () => {
  it.each<[string, Finding[], number]>([
    ['no findings', [], 100],
    ['one action without owner', f('action.noOwner'), 95],
    ['five actions without owner (capped at 20)', f('action.noOwner', 5), 80],
    ['no goals', f('plan.noGoals'), 60],
    ['one empty section', f('section.empty'), 90],
    ['an overdue action', f('action.overdue'), 98],
    ['crowded quadrants only (advice, not a gap)', f('p4.crowded', 4), 100],
    ['two rules add up', [...f('goal.notMeasurable', 2), ...f('dmu.noDecider')], 75],
    ['everything wrong at once is 0, never negative', RULE_IDS.flatMap((id) => f(id, 10)), 0],
    [
      'an unknown error from a newer client',
      [{ id: 'plan.future' as RuleId, severity: 'error', path: '' }],
      90,
    ],
    ['an unknown warning', [{ id: 'plan.future' as RuleId, severity: 'warning', path: '' }], 96],
  ])('%s → %i', (_name, findings, expected) => {
    expect(planCompleteness(findings)).toBe(expected);
  });

  it('a complete plan is 100 and a new, empty one is low', () => {
    expect(planCompleteness(validatePlan(validPlan(), context()))).toBe(100);
    expect(planCompleteness(validatePlan(emptyPlan(), context({ contacts: [] })))).toBe(25);
  });

  it('any error takes it below 100', () => {
    for (const id of RULE_IDS.filter((id) => RULES[id] === 'error'))
      expect(planCompleteness(f(id))).toBeLessThan(100);
  });

  it('a real plan loses points as it breaks', () => {
    const one = validatePlan(
      mutated((p) => (p.actions.a1.ownerId = null)),
      context(),
    );
    const two = validatePlan(
      mutated((p) => {
        p.actions.a1.ownerId = null;
        p.goals.g1.target = '';
      }),
      context(),
    );
    expect(planCompleteness(one)).toBe(95);
    expect(planCompleteness(two)).toBe(85);
  });

  const finding = fc.record({
    id: fc.oneof(
      fc.constantFrom(...RULE_IDS),
      fc.constantFrom('x.unknown', 'y.newer'),
    ) as fc.Arbitrary<RuleId>,
    severity: fc.constantFrom(...SEVERITIES),
    path: fc.string({ maxLength: 5 }),
  });

  it('is monotone: adding a finding anywhere never raises it', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), finding, fc.nat(), (findings, extra, at) => {
        const more = [...findings];
        more.splice(at % (findings.length + 1), 0, extra);
        expect(planCompleteness(more)).toBeLessThanOrEqual(planCompleteness(findings));
      }),
    );
  });

  it('is an integer in [0, 100] that does not depend on the order of the findings', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (findings) => {
        const score = planCompleteness(findings);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(planCompleteness([...findings].reverse())).toBe(score);
      }),
    );
  });
});
