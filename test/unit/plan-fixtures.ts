/**
 * Fixtures for the account-plan tests: a valid, complete plan that yields zero findings, its workspace
 * context, and helpers to break it one field at a time.
 */
import type { AccountPlanDoc, Action, Contact, Goal, Professional } from '../../core/model/index.ts';
import type { PlanContext } from '../../core/plan/index.ts';

export const TODAY = '2026-03-01';

export const professionals: Professional[] = [
  {
    id: 'u1',
    name: 'Anna de Vries',
    email: 'anna@example.nl',
    profile: 'relationshipManager',
    seniority: 'senior',
  },
  { id: 'u2', name: 'Bram Jansen', email: 'bram@example.nl', profile: 'specialist', seniority: 'medior' },
];

export const contacts: Contact[] = [
  {
    id: 'c1',
    relationId: 'r1',
    name: 'Carla Smit',
    title: 'CFO',
    dmuRole: 'decider',
    attitude: 'supporter',
    strength: 4,
    knownBy: ['u1'],
  },
  {
    id: 'c2',
    relationId: 'r1',
    name: 'Dirk Bakker',
    title: 'Controller',
    dmuRole: 'influencer',
    attitude: 'neutral',
    strength: 2,
    knownBy: ['u2'],
  },
];

export const goal = (id: string, over: Partial<Goal> = {}): Goal => ({
  id,
  title: `Goal ${id}`,
  category: 'satisfaction',
  metric: 'satisfaction score',
  baseline: '7.5',
  target: '9',
  deadline: '2026-12-31',
  order: 0,
  ...over,
});

export const action = (id: string, over: Partial<Action> = {}): Action => ({
  id,
  what: `Action ${id}`,
  ownerId: 'u1',
  due: '2026-06-01',
  goalId: 'g1',
  kpi: { name: 'meetings held', target: '4' },
  quadrant: 'project',
  cost: 1000,
  status: 'planned',
  result: '',
  pyramidLayer: null,
  order: 0,
  ...over,
});

/**
 * A valid, complete plan: two measurable goals, each served by two active actions; one action per
 * quadrant plus a cancelled one; costs 1000+1500+2000+1500 = 6000 (cancelled 500 not counted) within a
 * budget of 10 000; updated two weeks before TODAY.
 */
export function validPlan(): AccountPlanDoc {
  return {
    schemaVersion: 1,
    id: 'plan1',
    workspaceId: 'ws1',
    relationIds: ['r1'],
    title: 'Accountplan Bakkerij Smit 2026',
    createdAt: '2026-01-10T09:00:00Z',
    updatedAt: '2026-02-15T10:00:00Z',
    keyPoints: ['Retain the audit', 'Grow advisory'],
    situation: {
      text: 'Family-owned bakery chain, 40 shops.',
      currentServices: 'Audit, tax',
      relationshipForm: 'Trusted adviser',
    },
    developments: 'Expansion to Belgium within 3 years.',
    goals: {
      g1: goal('g1', { title: 'Satisfaction to 9', order: 1 }),
      g2: goal('g2', {
        title: 'Sell advisory',
        category: 'crossSell',
        metric: 'advisory revenue',
        target: '50000',
        order: 2,
      }),
    },
    strategy: {
      text: 'Invest in the partnership: knowledge sessions for the management team.',
      quadrants: ['project', 'partnership'],
      benefits: {
        b1: { id: 'b1', level: 'organisation', description: 'Payment terms of 60 days' },
        b2: { id: 'b2', level: 'person', description: 'Invitation to the tax seminar' },
        b3: { id: 'b3', level: 'person', description: 'Birthday card' },
      },
    },
    actions: {
      a1: action('a1', { what: 'Sharp evaluation of the audit', quadrant: 'project', cost: 1000, order: 1 }),
      a2: action('a2', {
        what: 'Birthday card for the CFO',
        quadrant: 'person',
        cost: 1500,
        status: 'done',
        due: '2026-01-20',
        order: 2,
      }),
      a3: action('a3', {
        what: 'Easy billing',
        ownerId: 'u2',
        goalId: 'g2',
        quadrant: 'process',
        cost: 2000,
        order: 3,
      }),
      a4: action('a4', {
        what: 'Knowledge session on expansion',
        goalId: 'g2',
        quadrant: 'partnership',
        cost: 1500,
        due: '2026-04-15',
        order: 4,
      }),
      a5: action('a5', {
        what: 'Golf day',
        quadrant: 'person',
        cost: 500,
        status: 'cancelled',
        due: '2026-02-01',
        order: 5,
      }),
    },
    kpis: {},
    budget: 10_000,
    summary: 'Keep the audit, grow advisory.',
    closing: 'We ask for two specialists for the knowledge session.',
  };
}

/** A brand-new plan as the app creates it: nothing filled in yet. */
export function emptyPlan(): AccountPlanDoc {
  return {
    ...validPlan(),
    keyPoints: [],
    situation: { text: '', currentServices: '', relationshipForm: '' },
    developments: '',
    goals: {},
    strategy: { text: '', quadrants: [], benefits: {} },
    actions: {},
    budget: null,
    summary: '',
    closing: '',
  };
}

export const context = (over: Partial<PlanContext> = {}): PlanContext => ({
  professionals,
  contacts,
  today: TODAY,
  ...over,
});

/** A deep copy of the valid plan, changed by `change` (which may break the schema: it gets a loose view). */
export function mutated(change: (plan: Loose) => void): AccountPlanDoc {
  const plan = validPlan();
  change(plan as unknown as Loose);
  return plan;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the helpers break the schema on purpose
export type Loose = any;

/** Every dotted path to a value in `value` (objects and arrays), the root excluded. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  const out: string[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, key];
    out.push(path, ...pathsOf(child, path));
  }
  return out;
}

/** Set (or, with `undefined`, delete) the value at `path` in a deep copy of `root`. */
export function setAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Loose = Array.isArray(root)
    ? [...root]
    : typeof root === 'object' && root !== null
      ? { ...root }
      : {};
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = setAt(copy[head], rest, value);
  return copy;
}
