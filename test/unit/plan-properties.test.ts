import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AccountPlanDoc, parseWith } from '../../core/model/index.ts';
import {
  RULES,
  compareFindings,
  planCompleteness,
  validatePlan,
  type Finding,
  type PlanContext,
} from '../../core/plan/index.ts';
import { context, pathsOf, setAt, validPlan, type Loose } from './plan-fixtures.ts';

const RUNS = Number(process.env.HAARD_FUZZ_RUNS ?? 200);

const adversarial = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withDate: true,
  withBigInt: true,
});

/** Values that tend to hit rule edges, beside arbitrary ones. */
const edgeValue = fc.oneof(
  adversarial,
  fc.constantFrom(
    undefined,
    null,
    '',
    '   ',
    -5,
    0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e308,
    '2026-02-30',
    '2026-02-28',
    '2019-01-01T00:00:00Z',
    'cancelled',
    'planned',
    'done',
    'person',
    'g1',
    'g9',
    'u9',
    {},
    [],
  ),
);

const PATHS = [
  ...pathsOf(validPlan()),
  [],
  ['actions', 'new'],
  ['goals', 'new'],
  ['actions', 'new', 'status'],
  ['goals', 'g1', 'extra'],
];

/** 1–5 random edits (set, replace or delete) of the valid plan. */
const mutatedPlan = fc
  .array(fc.record({ path: fc.constantFrom(...PATHS), value: edgeValue }), { minLength: 1, maxLength: 5 })
  .map((edits) => edits.reduce<unknown>((plan, { path, value }) => setAt(plan, path, value), validPlan()));

function expectWellFormed(findings: Finding[]) {
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings) {
    expect(Object.hasOwn(RULES, f.id)).toBe(true);
    expect(f.severity).toBe(RULES[f.id]);
    expect(typeof f.path).toBe('string');
    for (const v of Object.values(f.params ?? {})) expect(['string', 'number']).toContain(typeof v);
    // the last-resort catch in validatePlan is for hostile objects only, never for data
    expect(f.params?.code).not.toBe('unreadable');
  }
  for (let i = 1; i < findings.length; i++)
    expect(compareFindings(findings[i - 1]!, findings[i]!)).toBeLessThanOrEqual(0);
  const score = planCompleteness(findings);
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(100);
}

/** The same plan with its goals and actions in reverse key order. */
function reversed(plan: unknown): unknown {
  const plain = (v: unknown): v is object =>
    typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
  const flip = (v: unknown) => (plain(v) ? Object.fromEntries(Object.entries(v).reverse()) : v);
  if (!plan || typeof plan !== 'object' || Array.isArray(plan)) return plan;
  const p = plan as Loose;
  return { ...p, goals: flip(p.goals), actions: flip(p.actions) };
}

describe('validatePlan on any input', () => {
  it('never throws on anything, and gives well-formed, sorted findings', () => {
    fc.assert(
      fc.property(adversarial, (input) => {
        expectWellFormed(validatePlan(input, context()));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws whatever the context holds', () => {
    fc.assert(
      fc.property(
        mutatedPlan,
        fc.record({
          professionals: adversarial,
          contacts: adversarial,
          today: adversarial,
          settings: adversarial,
        }),
        (plan, ctx) => {
          expectWellFormed(validatePlan(plan, ctx as unknown as PlanContext));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('on random edits of a valid plan: schema.invalid exactly when the schema rejects it', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedPlan, (plan) => {
        const findings = validatePlan(plan, context());
        expectWellFormed(findings);
        const valid = parseWith(AccountPlanDoc, plan).ok;
        if (!valid) rejected++;
        expect(findings.some((f) => f.id === 'schema.invalid')).toBe(!valid);
      }),
      { numRuns: RUNS },
    );
    // the fuzzer did something: some edits broke the schema, others did not
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(RUNS);
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(mutatedPlan, (plan) => {
        expect(validatePlan(reversed(plan), context())).toEqual(validatePlan(plan, context()));
      }),
      { numRuns: RUNS },
    );
  });
});
