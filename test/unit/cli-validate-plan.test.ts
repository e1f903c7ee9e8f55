import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runValidatePlan } from '../../core/cli/validatePlan.ts';
import { AccountPlanDoc, parseWith } from '../../core/model/index.ts';
import { TODAY, contacts, pathsOf, professionals, setAt, validPlan, type Loose } from './plan-fixtures.ts';

const input = (change: (i: Loose) => void = () => {}): Loose => {
  const value: Loose = {
    plan: validPlan(),
    professionals: structuredClone(professionals),
    contacts: structuredClone(contacts),
  };
  change(value);
  return value;
};
const run = (value: unknown, lang: 'en' | 'nl' = 'en', today = TODAY) =>
  runValidatePlan(value, { today, lang });

describe('haard validate-plan: exit 2 with one line naming the field', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 42, 'the input must be a JSON object with "plan", "professionals" and "contacts"'],
    ['null', null, 'the input must be a JSON object with "plan", "professionals" and "contacts"'],
    [
      'an array',
      [validPlan()],
      'the input must be a JSON object with "plan", "professionals" and "contacts"',
    ],
    ['plan missing', input((i) => delete i.plan), 'plan is required'],
    ['plan not an object', input((i) => (i.plan = 'plan')), 'plan must be an object'],
    [
      'an action with cost -5',
      input((i) => (i.plan.actions.a1.cost = -5)),
      'plan.actions.a1.cost must be at least 0',
    ],
    [
      'a bad date',
      input((i) => (i.plan.actions.a1.due = '2026-13-01')),
      'plan.actions.a1.due is not a real date: there is no month 13',
    ],
    [
      'an unknown quadrant',
      input((i) => (i.plan.actions.a1.quadrant = 'pleasure')),
      'plan.actions.a1.quadrant must be one of "project", "person", "process", "partnership"',
    ],
    ['an id of the wrong type', input((i) => (i.plan.id = 5)), 'plan.id must be a string'],
    [
      'a newer schema version',
      input((i) => (i.plan.schemaVersion = 2)),
      'plan.schemaVersion must be one of 1',
    ],
    [
      'a professional without a name',
      input((i) => delete i.professionals[1].name),
      'professionals.1.name is required',
    ],
    [
      'a professional without a name, keyed by id',
      input((i) => {
        i.professionals = { u1: { ...professionals[0], name: undefined } };
      }),
      'professionals.u1.name is required',
    ],
    ['professionals missing', input((i) => delete i.professionals), 'professionals is required'],
    ['contacts missing', input((i) => delete i.contacts), 'contacts is required'],
    [
      'a contact with strength 6',
      input((i) => (i.contacts[0].strength = 6)),
      'contacts.0.strength must be at most 5',
    ],
    ['settings that are not an object', input((i) => (i.settings = 'x')), 'settings must be an object'],
    [
      'a negative acquisition cost',
      input((i) => (i.settings = { acquisitionCost: -1 })),
      'settings.acquisitionCost must be at least 0',
    ],
    [
      'two professionals with one id',
      input((i) => (i.professionals[1].id = 'u1')),
      'professionals.1.id "u1" is used more than once',
    ],
    [
      'several problems',
      input((i) => {
        i.plan.actions.a1.cost = -5;
        i.plan.actions.a2.cost = -5;
        i.plan.title = 3;
      }),
      'plan.title must be a string (and 2 more problems)',
    ],
  ])('%s', (_name, value, error) => {
    const result = run(value);
    expect(result).toEqual({ exitCode: 2, error });
  });

  it.each([['2026-02-30'], ['yesterday'], [''], ['2026-3-1']])('--today %j', (today) => {
    expect(run(input(), 'en', today)).toEqual({
      exitCode: 2,
      error: `--today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`,
    });
  });

  it('speaks Dutch with --lang nl', () => {
    expect(
      run(
        input((i) => (i.plan.actions.a1.cost = -5)),
        'nl',
      ).error,
    ).toBe('plan.actions.a1.cost moet minstens 0 zijn');
    expect(
      run(
        input((i) => delete i.plan),
        'nl',
      ).error,
    ).toBe('plan is verplicht');
    expect(run(7, 'nl').error).toBe(
      'de invoer moet een JSON-object zijn met "plan", "professionals" en "contacts"',
    );
    expect(run(input(), 'nl', 'morgen').error).toBe(
      '--today moet een datum als JJJJ-MM-DD zijn, niet "morgen"',
    );
  });
});

describe('haard validate-plan: exit 0 and 1', () => {
  it('a complete plan: exit 0, no findings, completeness 100', () => {
    expect(run(input())).toEqual({ exitCode: 0, output: { findings: [], completeness: 100 } });
  });

  it('warnings only: exit 0', () => {
    const result = run(input((i) => (i.plan.actions.a1.due = '2026-02-01')));
    expect(result.exitCode).toBe(0);
    expect(result.output).toEqual({
      findings: [
        {
          id: 'action.overdue',
          severity: 'warning',
          path: 'actions.a1.due',
          message:
            'Action “Sharp evaluation of the audit” was due on 1 February 2026 (28 days ago) and is still planned.',
        },
      ],
      completeness: 98,
    });
  });

  it('an error: exit 1, messages in the chosen language', () => {
    const result = run(
      input((i) => (i.plan.actions.a1.ownerId = null)),
      'nl',
    );
    expect(result.exitCode).toBe(1);
    expect(result.output?.findings).toEqual([
      {
        id: 'action.noOwner',
        severity: 'error',
        path: 'actions.a1.ownerId',
        message: 'Actie ‘Sharp evaluation of the audit’ heeft geen eigenaar: wie gaat het doen?',
      },
    ]);
    expect(result.output?.completeness).toBe(95);
  });

  it('an owner who is not among the professionals: exit 1', () => {
    const result = run(input((i) => i.professionals.pop()));
    expect(result.exitCode).toBe(1);
    expect(result.output?.findings.map((f) => f.id)).toEqual(['action.ownerUnknown']);
  });

  it('accepts professionals and contacts keyed by id', () => {
    const keyed = input((i) => {
      i.professionals = Object.fromEntries(professionals.map((p) => [p.id, p]));
      i.contacts = Object.fromEntries(contacts.map((c) => [c.id, c]));
      i.settings = { acquisitionCost: 25_000, currency: 'EUR' };
      i.exportedAt = '2026-03-01';
    });
    expect(run(keyed)).toEqual(run(input()));
    expect(run(input((i) => (i.contacts = {}))).output?.findings.map((f) => f.id)).toEqual(['dmu.noDecider']);
  });

  it('output is plain JSON', () => {
    const result = run(input((i) => (i.plan.budget = 1)));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('haard validate-plan on any input', () => {
  const PATHS = pathsOf(input()).filter((p) => p[0] !== 'professionals' || p.length < 4);
  const value = fc.oneof(
    fc.anything(),
    fc.constantFrom(undefined, null, '', -5, '2026-02-30', 'cancelled', 'decider', 'u9'),
  );
  const edited = fc
    .array(fc.record({ path: fc.constantFrom(...PATHS), value }), { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce<unknown>((v, e) => setAt(v, e.path, e.value), input()));

  it('always returns exit 0, 1 or 2; 2 with one line and no output, else output and no error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), edited),
        fc.constantFrom('en' as const, 'nl' as const),
        (v, lang) => {
          const result = run(v, lang);
          expect([0, 1, 2]).toContain(result.exitCode);
          if (result.exitCode === 2) {
            expect(result.output).toBeUndefined();
            expect(result.error).toMatch(/^[^\n]+$/);
            expect(result.error).not.toMatch(/ at .*\.ts:\d+/);
          } else {
            expect(result.error).toBeUndefined();
            const errors = result.output!.findings.filter((f) => f.severity === 'error');
            expect(result.exitCode).toBe(errors.length > 0 ? 1 : 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('exit 2 exactly when the plan breaks the schema (context left valid)', () => {
    let broken = 0;
    const planEdits = fc
      .array(fc.record({ path: fc.constantFrom(...pathsOf(validPlan())), value }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((edits) => edits.reduce<unknown>((v, e) => setAt(v, e.path, e.value), validPlan()));
    fc.assert(
      fc.property(planEdits, (plan) => {
        const valid = parseWith(AccountPlanDoc, plan).ok;
        if (!valid) broken++;
        expect(run(input((i) => (i.plan = plan))).exitCode === 2).toBe(!valid);
      }),
      { numRuns: 200 },
    );
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(200);
  });
});
