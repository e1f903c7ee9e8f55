import { describe, it, expect } from 'vitest';
import { addDays } from '../../core/dates.ts';
import type { ActionStatus } from '../../core/model/index.ts';
import { RULES, validatePlan, type Finding, type PlanContext } from '../../core/plan/index.ts';
import {
  TODAY,
  action,
  context,
  contacts,
  emptyPlan,
  mutated,
  validPlan,
  type Loose,
} from './plan-fixtures.ts';

type Row = [severity: Finding['severity'], path: string, id: Finding['id']];
const rows = (findings: Finding[]): Row[] => findings.map((f) => [f.severity, f.path, f.id]);
const check = (plan: unknown, ctx: PlanContext = context()) => validatePlan(plan, ctx);

describe('the fixture', () => {
  it('a valid, complete plan has no findings', () => {
    expect(check(validPlan())).toEqual([]);
  });

  it('a new, empty plan has no goals, three empty sections and no decider', () => {
    expect(rows(check(emptyPlan()))).toEqual([
      ['error', 'goals', 'plan.noGoals'],
      ['warning', 'developments', 'section.empty'],
      ['warning', 'situation.text', 'section.empty'],
      ['warning', 'strategy.text', 'section.empty'],
    ]);
    expect(rows(check(emptyPlan(), context({ contacts: [] })))).toEqual([
      ['error', 'goals', 'plan.noGoals'],
      ['warning', 'developments', 'section.empty'],
      ['warning', 'relationIds', 'dmu.noDecider'],
      ['warning', 'situation.text', 'section.empty'],
      ['warning', 'strategy.text', 'section.empty'],
    ]);
  });
});

describe('each rule, one mutation at a time', () => {
  it.each<[string, (p: Loose) => void, Row[]]>([
    ['no goals, no actions', (p) => ((p.goals = {}), (p.actions = {})), [['error', 'goals', 'plan.noGoals']]],
    ['goal without metric', (p) => (p.goals.g1.metric = ''), [['error', 'goals.g1', 'goal.notMeasurable']]],
    [
      'goal with a blank metric',
      (p) => (p.goals.g1.metric = '  \t'),
      [['error', 'goals.g1', 'goal.notMeasurable']],
    ],
    ['goal without target', (p) => (p.goals.g2.target = ''), [['error', 'goals.g2', 'goal.notMeasurable']]],
    [
      'goal without deadline',
      (p) => (p.goals.g2.deadline = null),
      [['error', 'goals.g2', 'goal.notMeasurable']],
    ],
    [
      'no action serves a goal',
      (p) => (p.actions.a3.goalId = p.actions.a4.goalId = 'g1'),
      [['warning', 'goals.g2', 'goal.noActions']],
    ],
    [
      'only cancelled actions serve a goal',
      (p) => (p.actions.a3.status = p.actions.a4.status = 'cancelled'),
      [['warning', 'goals.g2', 'goal.noActions']],
    ],
    [
      'action without owner',
      (p) => (p.actions.a1.ownerId = null),
      [['error', 'actions.a1.ownerId', 'action.noOwner']],
    ],
    [
      'action with an empty owner id (also a schema issue)',
      (p) => (p.actions.a1.ownerId = ''),
      [
        ['error', 'actions.a1.ownerId', 'action.noOwner'],
        ['error', 'actions.a1.ownerId', 'schema.invalid'],
      ],
    ],
    [
      'owner not on the team',
      (p) => (p.actions.a3.ownerId = 'u9'),
      [['error', 'actions.a3.ownerId', 'action.ownerUnknown']],
    ],
    [
      'action without due date',
      (p) => (p.actions.a1.due = null),
      [['error', 'actions.a1.due', 'action.noDue']],
    ],
    [
      'action without goal',
      (p) => (p.actions.a1.goalId = null),
      [['error', 'actions.a1.goalId', 'action.noGoal']],
    ],
    [
      'action for a goal that does not exist',
      (p) => (p.actions.a1.goalId = 'g9'),
      [['error', 'actions.a1.goalId', 'action.goalUnknown']],
    ],
    ['action without KPI', (p) => (p.actions.a4.kpi = null), [['error', 'actions.a4.kpi', 'action.noKpi']]],
    ['KPI without name', (p) => (p.actions.a4.kpi.name = ''), [['error', 'actions.a4.kpi', 'action.noKpi']]],
    [
      'KPI with a blank target',
      (p) => (p.actions.a4.kpi.target = ' '),
      [['error', 'actions.a4.kpi', 'action.noKpi']],
    ],
    [
      'planned action past its due date',
      (p) => (p.actions.a1.due = '2026-02-01'),
      [['warning', 'actions.a1.due', 'action.overdue']],
    ],
    [
      'done action past its due date',
      (p) => Object.assign(p.actions.a1, { status: 'done', due: '2026-02-01' }),
      [],
    ],
    ['costs over budget', (p) => (p.budget = 5999), [['warning', 'budget', 'budget.exceeded']]],
    ['no budget set', (p) => (p.budget = null), []],
    ['situation empty', (p) => (p.situation.text = ''), [['warning', 'situation.text', 'section.empty']]],
    ['developments blank', (p) => (p.developments = ' \n '), [['warning', 'developments', 'section.empty']]],
    ['strategy empty', (p) => (p.strategy.text = ''), [['warning', 'strategy.text', 'section.empty']]],
    [
      'not changed for a year',
      (p) => (p.updatedAt = '2025-03-01T12:00:00Z'),
      [['warning', 'updatedAt', 'plan.stale']],
    ],
    [
      'four activities in one quadrant',
      (p) => {
        for (const id of ['x1', 'x2', 'x3'])
          p.actions[id] = action(id, { quadrant: 'process', goalId: 'g2' });
      },
      [['info', 'actions', 'p4.crowded']],
    ],
    [
      'a cancelled action may lack everything',
      (p) => Object.assign(p.actions.a5, { ownerId: null, due: null, goalId: 'g9', kpi: null, cost: 99_999 }),
      [],
    ],
    ['a negative cost', (p) => (p.actions.a1.cost = -5), [['error', 'actions.a1.cost', 'schema.invalid']]],
    [
      'a date that does not exist',
      (p) => (p.actions.a1.due = '2026-02-30'),
      [['error', 'actions.a1.due', 'schema.invalid']],
    ],
    [
      'an unknown quadrant',
      (p) => (p.actions.a1.quadrant = 'pleasure'),
      [['error', 'actions.a1.quadrant', 'schema.invalid']],
    ],
    [
      'an owner id of the wrong type',
      (p) => (p.actions.a1.ownerId = 42),
      [['error', 'actions.a1.ownerId', 'schema.invalid']],
    ],
  ])('%s', (_name, change, expected) => {
    expect(rows(check(mutated(change)))).toEqual(expected);
  });

  it.each<[string, Partial<PlanContext>, Row[]]>([
    ['no contacts', { contacts: [] }, [['warning', 'relationIds', 'dmu.noDecider']]],
    [
      'no contact with the role decider',
      { contacts: contacts.map((c) => ({ ...c, dmuRole: c.dmuRole === 'decider' ? 'buyer' : c.dmuRole })) },
      [['warning', 'relationIds', 'dmu.noDecider']],
    ],
    [
      'the decider belongs to another relation',
      {
        contacts: contacts.map((c) => ({ ...c, relationId: c.dmuRole === 'decider' ? 'r2' : c.relationId })),
      },
      [['warning', 'relationIds', 'dmu.noDecider']],
    ],
    ['contacts keyed by id', { contacts: Object.fromEntries(contacts.map((c) => [c.id, c])) }, []],
    ['professionals as ids', { professionals: ['u1', 'u2'] }, []],
    ['professionals keyed by id', { professionals: { u1: {} as never, u2: {} as never } }, []],
    [
      'a professional left the team',
      { professionals: ['u1'] },
      [['error', 'actions.a3.ownerId', 'action.ownerUnknown']],
    ],
  ])('context: %s', (_name, over, expected) => {
    expect(rows(check(validPlan(), context(over)))).toEqual(expected);
  });
});

describe('dmu.noDecider counts the relation’s contacts (a relation with none is said as such)', () => {
  it.each<[string, Partial<PlanContext>, number]>([
    ['no contacts at all', { contacts: [] }, 0],
    ['only contacts of another relation', { contacts: contacts.map((c) => ({ ...c, relationId: 'r2' })) }, 0],
    [
      'contacts, none a decider',
      { contacts: contacts.map((c) => ({ ...c, dmuRole: c.dmuRole === 'decider' ? 'buyer' : c.dmuRole })) },
      contacts.length,
    ],
  ])('%s', (_name, over, count) => {
    const found = check(validPlan(), context(over)).find((f) => f.id === 'dmu.noDecider');
    expect(found?.params).toEqual({ contacts: count });
  });
});

describe('params', () => {
  const only = (change: (p: Loose) => void, ctx = context()) => {
    const findings = check(mutated(change), ctx);
    expect(findings).toHaveLength(1);
    return findings[0]!;
  };

  it('goal.notMeasurable says which fields are missing, in a fixed order', () => {
    expect(only((p) => Object.assign(p.goals.g1, { deadline: null, metric: '', target: '' })).params).toEqual(
      {
        goal: 'Satisfaction to 9',
        missing: 'metric,target,deadline',
      },
    );
  });

  it('action params name the action by its text, shortened, or by its id', () => {
    expect(only((p) => (p.actions.a1.ownerId = null)).params).toEqual({
      action: 'Sharp evaluation of the audit',
    });
    expect(only((p) => Object.assign(p.actions.a1, { ownerId: null, what: '  ' })).params).toEqual({
      action: 'a1',
    });
    const long = only((p) => Object.assign(p.actions.a1, { ownerId: null, what: 'x'.repeat(200) }));
    expect(String(long.params?.action)).toHaveLength(60);
    expect(String(long.params?.action).endsWith('…')).toBe(true);
  });

  it('action.noKpi says what of the KPI is missing', () => {
    expect(only((p) => (p.actions.a1.kpi = null)).params?.missing).toBe('kpi');
    expect(only((p) => (p.actions.a1.kpi = { name: '', target: '' })).params?.missing).toBe('name,target');
  });

  it('action.overdue gives the due date and the days since', () => {
    expect(only((p) => (p.actions.a1.due = '2026-02-19')).params).toEqual({
      action: 'Sharp evaluation of the audit',
      due: '2026-02-19',
      days: 10,
    });
  });

  it('budget.exceeded gives budget, total and the excess', () => {
    expect(only((p) => (p.budget = 5000)).params).toEqual({ budget: 5000, total: 6000, over: 1000 });
  });

  it('p4.crowded gives the quadrant, the count and the limit', () => {
    const f = only((p) => {
      for (const id of ['x1', 'x2', 'x3', 'x4']) p.actions[id] = action(id, { quadrant: 'person' });
    });
    expect(f.params).toEqual({ quadrant: 'person', count: 5, limit: 3 });
  });

  it('schema.invalid carries the issue in both languages', () => {
    expect(only((p) => (p.actions.a1.cost = -5)).params).toEqual({
      code: 'too_small',
      en: 'must be at least 0',
      nl: 'moet minstens 0 zijn',
    });
    expect(only((p) => (p.id = 5)).params?.en).toBe('must be a string');
  });
});

describe('boundaries', () => {
  const ids = (change: (p: Loose) => void) => check(mutated(change)).map((f) => f.id);

  it.each([
    ['due today is not overdue', TODAY, []],
    ['due yesterday is overdue', addDays(TODAY, -1), ['action.overdue']],
    ['due tomorrow is not overdue', addDays(TODAY, 1), []],
  ])('%s', (_name, due, expected) => {
    expect(ids((p) => (p.actions.a1.due = due))).toEqual(expected);
  });

  it.each([
    ['updated exactly 180 days ago is stale', 180, ['plan.stale']],
    ['updated 179 days ago is not', 179, []],
    ['updated 181 days ago is stale', 181, ['plan.stale']],
    ['updated in the future is not', -3, []],
  ])('%s', (_name, daysAgo, expected) => {
    expect(ids((p) => (p.updatedAt = `${addDays(TODAY, -daysAgo)}T23:59:59Z`))).toEqual(expected);
  });

  it('reports how long ago the plan changed, by its UTC date', () => {
    const [f] = check(mutated((p) => (p.updatedAt = '2025-09-01T23:30:00-02:00')));
    expect(f?.params).toEqual({ updatedOn: '2025-09-02', days: 180 });
  });

  it.each([
    ['budget equal to the costs is not exceeded', 6000, []],
    ['one cent less is exceeded', 5999.99, ['budget.exceeded']],
    ['a budget of 0 with costs is exceeded', 0, ['budget.exceeded']],
  ])('%s', (_name, budget, expected) => {
    expect(ids((p) => (p.budget = budget))).toEqual(expected);
  });

  it('rounding noise never exceeds a budget (0.1 + 0.2 vs 0.3)', () => {
    const plan = mutated((p) => {
      p.budget = 0.3;
      p.actions = {
        a1: action('a1', { cost: 0.1, goalId: 'g1' }),
        a2: action('a2', { cost: 0.2, goalId: 'g2' }),
      };
    });
    expect(check(plan).map((f) => f.id)).toEqual([]);
  });

  it('the total of the costs does not depend on the order of the actions', () => {
    const withCosts = (costs: number[]) =>
      mutated((p) => {
        p.budget = 0;
        p.actions = Object.fromEntries(
          costs.map((cost, i) => [`x${i}`, action(`x${i}`, { cost, quadrant: 'person' })]),
        );
      });
    const total = (costs: number[]) =>
      check(withCosts(costs)).find((f) => f.id === 'budget.exceeded')?.params?.total;
    expect(total([0.1, 0.2, 0.3])).toBe(total([0.3, 0.2, 0.1]));
  });

  it.each<[string, number, ActionStatus, string[]]>([
    ['3 activities in a quadrant is not crowded', 2, 'planned', []],
    ['4 activities is crowded', 3, 'planned', ['p4.crowded']],
    ['a 4th that is cancelled does not count', 3, 'cancelled', []],
    ['a 4th that is done counts', 3, 'done', ['p4.crowded']],
  ])('%s', (_name, extra, status, expected) => {
    const plan = mutated((p) => {
      // the fixture has a1 in `project`; the 4th action, when extra is 3, gets `status`.
      for (let i = 1; i <= extra; i++)
        p.actions[`x${i}`] = action(`x${i}`, { quadrant: 'project', status: i === 3 ? status : 'planned' });
    });
    expect(check(plan).map((f) => f.id)).toEqual(expected);
  });

  it('thresholds follow the settings', () => {
    const plan = mutated((p) => (p.updatedAt = `${addDays(TODAY, -30)}T12:00:00Z`));
    expect(check(plan, context({ settings: { staleAfterDays: 30 } })).map((f) => f.id)).toEqual([
      'plan.stale',
    ]);
    expect(
      check(validPlan(), context({ settings: { maxActivitiesPerQuadrant: 0 } })).map((f) => f.id),
    ).toEqual(['p4.crowded', 'p4.crowded', 'p4.crowded', 'p4.crowded']);
  });
});

describe('reading what it can', () => {
  it('still runs the rules when the plan does not fit the schema', () => {
    const plan = mutated((p) => {
      p.title = 7; // schema only
      p.actions.a1.ownerId = null; // rule
      p.actions.a2.cost = 'lots'; // schema only: not counted in the budget
      p.budget = 3000; // 1000 + 2000 + 1500 > 3000
      delete p.developments; // schema (required) and section.empty
    });
    expect(rows(check(plan))).toEqual([
      ['error', 'actions.a1.ownerId', 'action.noOwner'],
      ['error', 'actions.a2.cost', 'schema.invalid'],
      ['error', 'developments', 'schema.invalid'],
      ['error', 'title', 'schema.invalid'],
      ['warning', 'budget', 'budget.exceeded'],
      ['warning', 'developments', 'section.empty'],
    ]);
    expect(check(plan).find((f) => f.id === 'budget.exceeded')?.params?.total).toBe(4500);
  });

  it('an action that is not an object is reported once and otherwise ignored', () => {
    expect(rows(check(mutated((p) => (p.actions.a1 = 'oops'))))).toEqual([
      ['error', 'actions.a1', 'schema.invalid'],
    ]);
  });

  it('a goal that is not an object still exists for the actions that serve it', () => {
    expect(rows(check(mutated((p) => (p.goals.g2 = 42))))).toEqual([['error', 'goals.g2', 'schema.invalid']]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 3],
    ['an array', [validPlan()]],
    ['an empty object', {}],
  ])('%s gives schema findings and the rules that apply to nothing', (_name, input) => {
    const findings = check(input);
    expect(findings.some((f) => f.id === 'schema.invalid')).toBe(true);
    expect(findings.map((f) => f.id)).toContain('plan.noGoals');
  });

  it('an invalid today switches off the date rules only', () => {
    const plan = mutated((p) => {
      p.actions.a1.due = '2020-01-01';
      p.updatedAt = '2020-01-01T00:00:00Z';
      p.actions.a1.ownerId = null;
    });
    expect(check(plan, context({ today: 'yesterday' })).map((f) => f.id)).toEqual(['action.noOwner']);
  });

  it('a context that cannot tell switches off the rules that need it', () => {
    const plan = mutated((p) => (p.actions.a1.ownerId = 'u9'));
    const ctx = { today: TODAY } as unknown as PlanContext;
    expect(check(plan, ctx)).toEqual([]);
    expect(() => check(plan, null as unknown as PlanContext)).not.toThrow();
  });

  it('reports a hostile input instead of throwing', () => {
    const plan = validPlan() as Loose;
    Object.defineProperty(plan.actions, 'a1', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const findings = check(plan);
    expect(findings).toEqual([
      {
        id: 'schema.invalid',
        severity: 'error',
        path: '',
        params: { code: 'unreadable', en: 'cannot be read', nl: 'is onleesbaar' },
      },
    ]);
  });
});

describe('order and severities', () => {
  it('every finding has the severity of its rule and findings come sorted', () => {
    const plan = mutated((p) => {
      p.goals.g1.metric = '';
      p.actions.a1.ownerId = null;
      p.actions.a3.due = '2026-01-01';
      p.developments = '';
      p.budget = 100;
      for (const id of ['x1', 'x2', 'x3']) p.actions[id] = action(id, { quadrant: 'project' });
    });
    const findings = check(plan, context({ contacts: [] }));
    expect(rows(findings)).toEqual([
      ['error', 'actions.a1.ownerId', 'action.noOwner'],
      ['error', 'goals.g1', 'goal.notMeasurable'],
      ['warning', 'actions.a3.due', 'action.overdue'],
      ['warning', 'budget', 'budget.exceeded'],
      ['warning', 'developments', 'section.empty'],
      ['warning', 'relationIds', 'dmu.noDecider'],
      ['info', 'actions', 'p4.crowded'],
    ]);
    for (const f of findings) expect(f.severity).toBe(RULES[f.id]);
  });

  it('the rule table has exactly the ids and severities of DOMAIN.md §4', () => {
    expect(RULES).toEqual({
      'schema.invalid': 'error',
      'plan.noGoals': 'error',
      'goal.notMeasurable': 'error',
      'goal.noActions': 'warning',
      'action.noOwner': 'error',
      'action.noDue': 'error',
      'action.noGoal': 'error',
      'action.goalUnknown': 'error',
      'action.noKpi': 'error',
      'action.ownerUnknown': 'error',
      'action.overdue': 'warning',
      'budget.exceeded': 'warning',
      'section.empty': 'warning',
      'plan.stale': 'warning',
      'p4.crowded': 'info',
      'dmu.noDecider': 'warning',
    });
  });

  it('crowded quadrants come in the order project, person, process, partnership', () => {
    const plan = mutated((p) => {
      for (let i = 0; i < 4; i++) {
        p.actions[`pa${i}`] = action(`pa${i}`, { quadrant: 'partnership' });
        p.actions[`pe${i}`] = action(`pe${i}`, { quadrant: 'person' });
      }
    });
    const crowded = check(plan).filter((f) => f.id === 'p4.crowded');
    expect(crowded.map((f) => f.params?.quadrant)).toEqual(['person', 'partnership']);
  });
});

describe('large plans', () => {
  // Speed is measured by `npm run bench`, not asserted here; this checks that a large plan is handled.
  it('validates 20 000 actions and 20 000 goals, reporting each overdue action', () => {
    const plan = validPlan() as Loose;
    for (let i = 0; i < 20_000; i++) {
      plan.goals[`G${i}`] = { ...plan.goals.g1, id: `G${i}` };
      plan.actions[`A${i}`] = action(`A${i}`, { goalId: `G${i}`, due: i % 2 ? null : '2025-01-01' });
    }
    const findings = check(plan);
    expect(findings.filter((f) => f.id === 'action.overdue' && f.path.startsWith('actions.A'))).toHaveLength(
      10_000,
    );
    expect(findings.length).toBeGreaterThan(20_000);
  });
});
