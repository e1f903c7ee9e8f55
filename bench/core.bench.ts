/**
 * Core benchmarks (npm run bench). Prints median figures; asserts nothing.
 * - classifying 10,000 relations × 8 criteria (distribution and thresholds mode)
 * - validating an account plan with 500 actions (and its completeness)
 * - Keep warm's promised actions of 200 plans × 50 actions (core/promised): the whole list, and the list after
 *   one plan changed (the screen caches each plan's open actions)
 * - the document view behind the Solid stores (client/src/doc/watch.ts) of a 2,000 × 8 workspace: opening
 *   it (read and check everything), and keeping it up to date after scoring one cell and after a peer
 *   renames a relation (the transaction included; the view is updated incrementally)
 * - migrating that workspace from schema 2 (2,000 relation notes as plain strings) to shared texts (schema 3)
 */
import * as Y from 'yjs';
import { mulberry32 } from '../test/helpers/rng.ts';
import { classify } from '../core/abc/index.ts';
import { planCompleteness, validatePlan } from '../core/plan/index.ts';
import { openActionsOf, promisedActions } from '../core/promised.ts';
import type { AccountPlanDoc, Criterion, Professional, ScoreSheet } from '../core/model/index.ts';
import {
  createWorkspaceDoc,
  loadDocument,
  viewDocument,
  watchDocument,
  workspaceIntents,
} from '../doc/index.ts';

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

// ------------------------------------------------------------------------------------------- promised actions
// 200 plans of 50 actions each (10,000), a third done or cancelled, due dates over a year around today.
const manyPlans: AccountPlanDoc[] = Array.from({ length: 200 }, (_, p) => ({
  ...plan,
  id: `plan${p}`,
  title: `Plan ${p}`,
  actions: Object.fromEntries(
    Array.from({ length: 50 }, (_, a) => {
      const due = new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 365))).toISOString().slice(0, 10);
      const status = (['planned', 'planned', 'done', 'cancelled'] as const)[Math.floor(random() * 4)]!;
      return [`a${a}`, { ...plan.actions.a0!, id: `a${a}`, what: `Action ${a}`, due, status, order: a }];
    }),
  ),
}));
const perPlan = manyPlans.map((p) => openActionsOf(p, '2026-06-01'));
console.log(`(200 plans × 50 actions → ${promisedActions(perPlan, '2026-06-01').length} open)`);
measure('promised actions of 200 plans × 50 actions', 101, () => promisedActions(manyPlans, '2026-06-01'));
measure('  … after one plan changed (per-plan lists cached)', 201, () => {
  perPlan[7] = openActionsOf(manyPlans[7]!, '2026-06-01');
  return promisedActions(perPlan, '2026-06-01');
});

// ---------------------------------------------------------------------------------------------- document view
// A 2,000 × 8 workspace, as bench/app.bench.ts seeds it, opened from its encoded state like IndexedDB does.
const must = <T>(r: { ok: true; value: T } | { ok: false; issues: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const seeded = new Y.Doc();
let nextId = 0;
const newId = () => `id-${++nextId}`;
const at = () => '2026-03-01T09:00:00.000Z';
must(createWorkspaceDoc(seeded, { id: 'ws', name: 'Bench', locale: 'nl', now: at(), newId }));
const seeder = workspaceIntents(seeded, { origin: 'bench', now: at, newId });
const docCriteria: string[] = [];
const docRelations: string[] = [];
seeded.transact(() => {
  for (const c of Object.keys(seeded.getMap('criteria').toJSON())) must(seeder.removeCriterion(c));
  for (let i = 0; i < 8; i++)
    docCriteria.push(
      must(
        seeder.addCriterion({
          name: `Criterium ${i + 1}`,
          category: categories[i % 3]!,
          weight: 1 + (i % 3),
        }),
      ),
    );
  for (let r = 0; r < 2_000; r++) {
    const id = must(
      seeder.addRelation({ name: `Relatie ${r}`, kind: 'client', revenue: (r * 7919) % 500_000 }),
    );
    docRelations.push(id);
    docCriteria.forEach((c, j) => must(seeder.scoreRelation(id, c, (((r + j) % 4) + 1) as 1 | 2 | 3 | 4)));
  }
}, 'bench');
const stored = Y.encodeStateAsUpdate(seeded);
const openDoc = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  return doc;
};

{
  const doc = openDoc();
  loadDocument('workspace', doc);
  measure('initial view of a 2,000 × 8 workspace', 21, () => {
    const watch = watchDocument('workspace', doc, () => {});
    watch.load();
    watch.destroy();
  });
  measure('  (full recompute: readDocument + checkDocument)', 21, () =>
    viewDocument('workspace', doc, 'ready', null),
  );
}
{
  const doc = openDoc();
  const watch = watchDocument('workspace', doc, () => {});
  watch.load();
  const intents = workspaceIntents(doc, { origin: 'me', now: at });
  const scores = doc.getMap('scores');
  let n = 0;
  measure('view update after scoring one cell (2,000 × 8)', 201, () => {
    const relation = docRelations[n % docRelations.length]!;
    const criterion = docCriteria[n++ % docCriteria.length]!;
    const current = (scores.get(relation) as Y.Map<number>).get(criterion) ?? 0;
    must(intents.scoreRelation(relation, criterion, ((current % 4) + 1) as 1 | 2 | 3 | 4));
  });
  if (watch.view().data!.scores[docRelations[0]!]![docCriteria[0]!] === undefined) throw new Error('no view');
  watch.destroy();
}
{
  const doc = openDoc();
  const peer = openDoc();
  const watch = watchDocument('workspace', doc, () => {});
  watch.load();
  loadDocument('workspace', peer);
  const theirs = workspaceIntents(peer, { origin: 'peer', now: at });
  let n = 0;
  measure("view update after a peer's rename of a relation", 201, () => {
    const before = Y.encodeStateVector(doc);
    must(theirs.updateRelation(docRelations[n % docRelations.length]!, { name: `Hernoemd ${n++}` }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), 'remote');
  });
  watch.destroy();
}
{
  // The same workspace as saved at schema 2 (relation notes a plain string each), opened by this version:
  // the migration to schema 3 turns 2,000 notes into shared texts (migrations/workspace.ts notesAsText).
  const v2 = openDoc();
  v2.transact(() => {
    v2.getMap('relations').forEach((r, i) =>
      (r as Y.Map<unknown>).set('notes', `Notities bij ${i}: `.repeat(4)),
    );
    v2.getMap('meta').set('schemaVersion', 2);
    v2.getMap('versions').delete('3');
  });
  const old = Y.encodeStateAsUpdate(v2);
  measure('open a schema-3 copy (baseline for the next line)', 21, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    loadDocument('workspace', doc);
  });
  measure('open a schema-2 copy + migrate 2,000 notes to texts', 21, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, old);
    const result = loadDocument('workspace', doc);
    if (result.status !== 'ready' || result.applied.length !== 1) throw new Error('not migrated');
  });
}
