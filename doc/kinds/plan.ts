/** The account plan (DOMAIN.md §3–§5, §9): one Yjs document per plan. */
import { SCHEMA_VERSION } from '../../core/model/common.ts';
import { AccountPlanDoc, Action, Benefit, Goal, Kpi, PLAN_TEXTS } from '../../core/model/plan.ts';
import type { DocJson } from '../layout.ts';
import { emptyText, type KindSpec } from './types.ts';

export { PLAN_TEXTS, type PlanTextPath } from '../../core/model/plan.ts';

export const planSpec: KindSpec<'plan'> = {
  kind: 'plan',
  name: { en: 'account plan', nl: 'accountplan' },
  schema: AccountPlanDoc,
  version: SCHEMA_VERSION.plan,
  metaKeys: ['schemaVersion', 'id', 'workspaceId', 'createdAt', 'updatedAt'],
  fields: [
    { root: 'plan', path: '', keys: ['title', 'relationIds', 'ownerId', 'keyPoints', 'budget', 'deletedAt'] },
    { root: 'situation', path: 'situation' },
    { root: 'strategy', path: 'strategy' },
  ],
  collections: [
    {
      path: 'goals',
      root: 'goals',
      nested: {},
      item: Goal,
      label: 'Goal',
      ordered: true,
      defaults: () => ({ category: 'other', metric: '', baseline: '', target: '', deadline: null }),
    },
    {
      path: 'strategy.benefits',
      root: 'benefits',
      nested: {},
      item: Benefit,
      label: 'Benefit',
    },
    {
      path: 'actions',
      root: 'actions',
      nested: {},
      item: Action,
      label: 'Action',
      ordered: true,
      defaults: () => ({
        ownerId: null,
        due: null,
        goalId: null,
        kpi: null,
        quadrant: 'project',
        cost: 0,
        status: 'planned',
        result: '',
      }),
    },
    {
      path: 'kpis',
      root: 'kpis',
      nested: { measurements: 'array' },
      item: Kpi,
      label: 'KPI',
      defaults: () => ({ name: '', target: null, measurements: [] }),
    },
  ],
  texts: PLAN_TEXTS,
  extra: [],
  fallbacks: {
    title: emptyText,
    updatedAt: (json) => json.createdAt,
    ownerId: () => null,
    keyPoints: () => [],
    situation: () => ({ text: '', currentServices: '', relationshipForm: '' }),
    'situation.text': emptyText,
    'situation.currentServices': emptyText,
    'situation.relationshipForm': emptyText,
    developments: emptyText,
    strategy: () => ({ text: '', quadrants: [], benefits: {} }),
    'strategy.text': emptyText,
    'strategy.quadrants': () => [],
    budget: () => null,
    deletedAt: () => null,
    summary: emptyText,
    closing: emptyText,
  },
  migrations: [],
};

export interface PlanSeed {
  id: string;
  workspaceId: string;
  relationIds: string[];
  title: string;
  /** The professional who owns (and presents) the plan; null for none yet. */
  ownerId?: string | null;
  now: string;
}

export function initialPlan(seed: PlanSeed): DocJson<'plan'> {
  return {
    schemaVersion: SCHEMA_VERSION.plan,
    id: seed.id,
    workspaceId: seed.workspaceId,
    relationIds: [...seed.relationIds],
    title: seed.title,
    ownerId: seed.ownerId ?? null,
    createdAt: seed.now,
    updatedAt: seed.now,
    keyPoints: [],
    situation: { text: '', currentServices: '', relationshipForm: '' },
    developments: '',
    goals: {},
    strategy: { text: '', quadrants: [], benefits: {} },
    actions: {},
    kpis: {},
    budget: null,
    summary: '',
    closing: '',
    deletedAt: null,
  };
}
