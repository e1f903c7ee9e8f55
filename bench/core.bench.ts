/**
 * Core benchmarks (npm run bench). Prints median figures; asserts nothing.
 * - classifying 10,000 relations × 8 criteria (distribution and thresholds mode)
 * - validating an account plan with 500 actions (and its completeness)
 */
import { classify } from '../core/abc/index.ts';
import { planCompleteness, validatePlan } from '../core/plan/index.ts';
import type { AccountPlanDoc, Criterion, Professional, ScoreSheet } from '../core/model/index.ts';

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function measure(name: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 5; i++) fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.floor(times.length * 0.9)]!;
  console.log(
    `${name.padEnd(52)} median ${median.toFixed(2).padStart(7)} ms   p90 ${p90.toFixed(2).padStart(7)} ms   (${runs} runs)`,
  );
}

const random = mulberry32(42);
const categories = ['financial', 'strategic', 'relational'] as const;
const criteria: Criterion[] = Array.from({ length: 8 }, (_, i) => ({
  id: `c${i}`,
  name: `Criterion ${i}`,
  category: categories[i % 3]!,
  weight: 1 + (i % 3),
  order: i,
}));
const relations = Array.from({ length: 10_000 }, (_, i) => ({
  id: `r${i}`,
  name: `Relation ${i}`,
  kind: 'client' as const,
  revenue: Math.floor(random() * 1_000_000),
  override: null,
}));
const scores: ScoreSheet = {};
for (const r of relations) {
  const row: Record<string, 1 | 2 | 3 | 4> = {};
  for (const c of criteria) row[c.id] = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
  scores[r.id] = row;
}

measure('classify 10,000 relations × 8 criteria (distribution)', 51, () =>
  classify({ criteria, relations, scores }),
);
measure('classify 10,000 relations × 8 criteria (thresholds)', 51, () =>
  classify({
    criteria,
    relations,
    scores,
    settings: { mode: 'thresholds', pA: 0.2, pC: 0.2, tA: 3.25, tC: 2, kinds: ['client'] },
  }),
);

const professionals: Professional[] = [
  { id: 'u1', name: 'Anna', email: 'anna@example.nl', profile: 'relationshipManager', seniority: 'senior' },
  { id: 'u2', name: 'Bram', email: 'bram@example.nl', profile: 'specialist', seniority: 'medior' },
];
const quadrants = ['project', 'person', 'process', 'partnership'] as const;
const plan: AccountPlanDoc = {
  schemaVersion: 1,
  id: 'p1',
  workspaceId: 'ws1',
  relationIds: ['r1'],
  title: 'Bench plan',
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-02-01T09:00:00Z',
  keyPoints: ['Grow', 'Keep'],
  situation: { text: 'Situation', currentServices: 'Audit', relationshipForm: 'Retainer' },
  developments: 'Developments',
  goals: {},
  strategy: { text: 'Strategy', quadrants: ['project'], benefits: {} },
  actions: {},
  kpis: {},
  budget: 100_000,
  summary: '',
  closing: '',
};
for (let g = 0; g < 20; g++) {
  plan.goals[`g${g}`] = {
    id: `g${g}`,
    title: `Goal ${g}`,
    category: 'revenue',
    metric: 'revenue',
    baseline: '100',
    target: '120',
    deadline: '2026-12-31',
    order: g,
  };
}
for (let a = 0; a < 500; a++) {
  plan.actions[`a${a}`] = {
    id: `a${a}`,
    what: `Action ${a}`,
    ownerId: a % 50 === 0 ? 'ghost' : 'u1',
    due: a % 7 === 0 ? '2026-01-10' : '2026-09-01',
    goalId: `g${a % 20}`,
    kpi: a % 30 === 0 ? null : { name: 'meetings', target: '3' },
    quadrant: quadrants[a % 4]!,
    cost: 150,
    status: a % 11 === 0 ? 'done' : 'planned',
    result: '',
    order: a,
  };
}
const contacts = [
  {
    id: 'k1',
    relationId: 'r1',
    name: 'Carla',
    title: 'CFO',
    dmuRole: 'decider' as const,
    attitude: 'supporter' as const,
    strength: 4,
    knownBy: ['u1'],
  },
];
const ctx = { professionals, contacts, today: '2026-03-01' };
const findings = validatePlan(plan, ctx);
console.log(
  `(plan with 500 actions → ${findings.length} findings, completeness ${planCompleteness(findings)})`,
);
measure('validate a plan with 500 actions + completeness', 201, () =>
  planCompleteness(validatePlan(plan, ctx)),
);
