/**
 * The pure history diff (core/history): each kind of change to a plan and a workspace, one line per case;
 * text insertions and deletions; attribution passed through; grouping newest first.
 */
import { describe, expect, it } from 'vitest';
import {
  diffPlan,
  diffText,
  diffWorkspace,
  groupChanges,
  type Attribute,
  type Change,
  type ChangeRef,
} from '../../core/history/index.ts';
import { action, goal, mutated, validPlan, type Loose } from './plan-fixtures.ts';

const NOBODY = { by: [], since: null };
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
/** A one-line summary of a change, to compare tables of cases. */
function line(c: Change): string {
  switch (c.type) {
    case 'added':
    case 'removed':
      return `${c.section} ${c.type} ${c.id} "${c.label}"`;
    case 'changed':
      return `${c.section} changed ${c.id} ${c.fields.map((f) => `${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join('; ')}`;
    case 'field':
      return `field ${c.path}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
    case 'text':
      return `text ${c.path}: ${c.parts
        .filter((p) => p.op === 'ins' || p.op === 'del')
        .map((p) => `${p.op === 'ins' ? '+' : '-'}${p.text}`)
        .join(' ')}`;
    case 'score':
      return `score ${c.relationId}/${c.criterionId}: ${c.before} → ${c.after}`;
  }
}

describe('diffPlan: each kind of change', () => {
  const cases: [string, (p: Loose) => void, string[]][] = [
    ['nothing changed', () => {}, []],
    [
      'only updatedAt and order change: nothing to read',
      (p) => ((p.updatedAt = '2026-09-01T00:00:00Z'), (p.actions.a1.order = 9)),
      [],
    ],
    ['goal added', (p) => (p.goals.g3 = goal('g3', { title: 'NPS up' })), ['goals added g3 "NPS up"']],
    ['goal removed', (p) => delete p.goals.g2, ['goals removed g2 "Sell advisory"']],
    ['goal target 9 → 9.5', (p) => (p.goals.g1.target = '9.5'), ['goals changed g1 target: "9" → "9.5"']],
    [
      'goal deadline and metric',
      (p) => ((p.goals.g1.deadline = null), (p.goals.g1.metric = 'NPS')),
      ['goals changed g1 metric: "satisfaction score" → "NPS"; deadline: "2026-12-31" → null'],
    ],
    ['action added', (p) => (p.actions.a9 = action('a9', { what: 'Lunch' })), ['actions added a9 "Lunch"']],
    ['action removed', (p) => delete p.actions.a5, ['actions removed a5 "Golf day"']],
    [
      'action status done',
      (p) => (p.actions.a1.status = 'done'),
      ['actions changed a1 status: "planned" → "done"'],
    ],
    [
      'action KPI target 4 → 8 (nested field)',
      (p) => (p.actions.a1.kpi.target = '8'),
      ['actions changed a1 kpi.target: "4" → "8"'],
    ],
    [
      'action KPI set from none',
      (p) => ((p.actions.a1.kpi = null), 0),
      ['actions changed a1 kpi.name: "meetings held" → undefined; kpi.target: "4" → undefined'],
    ],
    [
      'action owner and cost',
      (p) => ((p.actions.a3.ownerId = 'u1'), (p.actions.a3.cost = 2500)),
      ['actions changed a3 ownerId: "u2" → "u1"; cost: 2000 → 2500'],
    ],
    [
      'action renamed: label is the new what',
      (p) => (p.actions.a1.what = 'Evaluation'),
      ['actions changed a1 what: "Sharp evaluation of the audit" → "Evaluation"'],
    ],
    [
      'KPI added',
      (p) => (p.kpis.k1 = { id: 'k1', kind: 'satisfaction', name: '', target: 8, measurements: [] }),
      ['kpis added k1 "satisfaction"'],
    ],
    ['benefit removed', (p) => delete p.strategy.benefits.b3, ['benefits removed b3 "Birthday card"']],
    [
      'title',
      (p) => (p.title = 'Plan 2027'),
      ['field title: "Accountplan Bakkerij Smit 2026" → "Plan 2027"'],
    ],
    ['budget', (p) => (p.budget = 12000), ['field budget: 10000 → 12000']],
    [
      'key points',
      (p) => p.keyPoints.push('Belgium'),
      [
        'field keyPoints: ["Retain the audit","Grow advisory"] → ["Retain the audit","Grow advisory","Belgium"]',
      ],
    ],
    [
      'quadrants',
      (p) => (p.strategy.quadrants = ['project']),
      ['field strategy.quadrants: ["project","partnership"] → ["project"]'],
    ],
    [
      'text: word inserted',
      (p) => (p.situation.text = 'Family-owned bakery chain, 45 shops.'),
      ['text situation.text: -40 +45'],
    ],
    [
      'text: emptied',
      (p) => (p.closing = ''),
      ['text closing: -We ask for two specialists for the knowledge session.'],
    ],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const before = plain(validPlan());
    const after = plain(mutated(change));
    expect(diffPlan(before, after).map(line)).toEqual(expected);
  });

  it('a plan from an older version that lacks fields is read without throwing', () => {
    const before = { id: 'p', title: 'Old' };
    const changes = diffPlan(before, plain(validPlan())).map(line);
    expect(changes).toContain('field title: "Old" → "Accountplan Bakkerij Smit 2026"');
    expect(changes).toContain('goals added g1 "Satisfaction to 9"');
  });
});

describe('diffWorkspace: relations, contacts and scores', () => {
  const ws = () => ({
    settings: { name: 'Firm' },
    relations: {
      r1: {
        id: 'r1',
        name: 'Smit',
        kind: 'client',
        revenue: 100,
        tags: [],
        sevenQuestions: { current: true },
      },
      r2: { id: 'r2', name: 'Jansen', kind: 'prospect', revenue: null, tags: [], sevenQuestions: {} },
    },
    contacts: { c1: { id: 'c1', relationId: 'r1', name: 'Carla', strength: 3, knownBy: ['u1'] } },
    criteria: { k1: { id: 'k1', name: 'Revenue' }, k2: { id: 'k2', name: 'Fit' } },
    scores: { r1: { k1: 3, k2: null }, r2: { k1: 1, k2: 2 } },
  });
  const cases: [string, (w: Loose) => void, string[]][] = [
    ['nothing', () => {}, []],
    [
      'relation added (its score row is not reported again)',
      (w) => ((w.relations.r3 = { id: 'r3', name: 'Bakker' }), (w.scores.r3 = { k1: 2 })),
      ['relations added r3 "Bakker"'],
    ],
    [
      'relation removed',
      (w) => (delete w.relations.r2, delete w.scores.r2),
      ['relations removed r2 "Jansen"'],
    ],
    ['relation revenue', (w) => (w.relations.r1.revenue = 120), ['relations changed r1 revenue: 100 → 120']],
    [
      'seven questions (nested map)',
      (w) => (w.relations.r2.sevenQuestions.private = true),
      ['relations changed r2 sevenQuestions.private: undefined → true'],
    ],
    ['contact strength 3 → 5', (w) => (w.contacts.c1.strength = 5), ['contacts changed c1 strength: 3 → 5']],
    [
      'contact added',
      (w) => (w.contacts.c2 = { id: 'c2', relationId: 'r2', name: 'Dirk' }),
      ['contacts added c2 "Dirk"'],
    ],
    ['score changed', (w) => (w.scores.r1.k1 = 4), ['score r1/k1: 3 → 4']],
    ['score given', (w) => (w.scores.r1.k2 = 2), ['score r1/k2: null → 2']],
    ['score cleared', (w) => (w.scores.r2.k2 = null), ['score r2/k2: 2 → null']],
    ['workspace renamed', (w) => (w.settings.name = 'Firm BV'), ['field settings.name: "Firm" → "Firm BV"']],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const before = ws();
    const after = ws();
    change(after);
    expect(diffWorkspace(before, after).map(line)).toEqual(expected);
  });

  it('names a score by its relation and criterion', () => {
    const before = ws();
    const after = ws();
    after.scores.r1.k1 = 4;
    expect(diffWorkspace(before, after)[0]).toMatchObject({ label: 'Smit', criterion: 'Revenue' });
  });
});

describe('diffText', () => {
  it.each([
    ['equal', 'a b c', 'a b c', []],
    [
      'insert',
      'a c',
      'a b c',
      [
        ['same', 'a '],
        ['ins', 'b '],
        ['same', 'c'],
      ],
    ],
    [
      'delete',
      'a b c',
      'a c',
      [
        ['same', 'a '],
        ['del', 'b '],
        ['same', 'c'],
      ],
    ],
    [
      'replace',
      'the cat',
      'the dog',
      [
        ['same', 'the '],
        ['del', 'cat'],
        ['ins', 'dog'],
      ],
    ],
  ] as const)('%s', (_n, a, b, expected) => {
    expect(diffText(a, b).map((p) => [p.op, p.text])).toEqual(expected);
  });

  it('leaves long unchanged stretches out as a gap, keeping context around the change', () => {
    const long = 'word '.repeat(100);
    const parts = diffText(`${long}old ${long}`, `${long}new ${long}`, 20);
    expect(parts.map((p) => p.op)).toEqual(['gap', 'same', 'del', 'ins', 'same', 'gap']);
    expect(parts[1]!.text).toHaveLength(20);
    expect(parts.map((p) => p.text).join('').length).toBeGreaterThan(0);
  });
});

describe('attribution and grouping', () => {
  const who: Record<string, { by: string[]; since: string | null }> = {
    'field:actions.a1.status': { by: ['anna'], since: '2026-09-03T08:00:00Z' },
    'field:actions.a1.cost': { by: ['bram'], since: '2026-09-04T08:00:00Z' },
    'record:goals.g3': { by: ['bram'], since: '2026-09-04T09:00:00Z' },
    'docField:title': { by: ['anna'], since: null },
  };
  const key = (r: ChangeRef) =>
    r.at === 'field'
      ? `field:${r.collection}.${r.id}.${r.field}`
      : r.at === 'record'
        ? `record:${r.collection}.${r.id}`
        : r.at === 'docField' || r.at === 'text'
          ? `${r.at}:${r.path}`
          : `score:${r.relationId}.${r.criterionId}`;
  const attribute: Attribute = (r) => who[key(r)] ?? { by: [], since: null };

  it('a record changed by two people names both, with the newest since', () => {
    const after = plain(
      mutated((p) => {
        p.actions.a1.status = 'done';
        p.actions.a1.cost = 1200;
      }),
    );
    const [change] = diffPlan(plain(validPlan()), after, attribute);
    expect(change).toMatchObject({
      type: 'changed',
      who: { by: ['bram', 'anna'], since: '2026-09-04T08:00:00Z' },
    });
    if (change?.type !== 'changed') throw new Error('expected a changed record');
    expect(change.fields.map((f) => [f.field, f.who.by])).toEqual([
      ['cost', ['bram']],
      ['status', ['anna']],
    ]);
  });

  it('groups by day, newest first, unknown-time changes last; sections in reading order', () => {
    const after = plain(
      mutated((p) => {
        p.title = 'New';
        p.actions.a1.status = 'done';
        p.goals.g3 = goal('g3', { title: 'Third' });
        p.actions.a2.cost = 1;
      }),
    );
    const groups = groupChanges(diffPlan(plain(validPlan()), after, attribute));
    expect(groups.map((g) => [g.since, g.changes.map(line)])).toEqual([
      ['2026-09-04T09:00:00Z', ['goals added g3 "Third"']],
      ['2026-09-03T08:00:00Z', ['actions changed a1 status: "planned" → "done"']],
      [null, ['field title: "Accountplan Bakkerij Smit 2026" → "New"', 'actions changed a2 cost: 1500 → 1']],
    ]);
  });

  it.each([
    // [who made the commitment, whose edits wrote the action, → credited, → filed by]
    ['bram', ['anna'], ['bram'], ['anna']],
    ['bram', ['bram'], ['bram'], []],
    ['bram', ['anna', 'bram'], ['bram'], ['anna']],
    ['bram', [], ['bram'], []],
    [null, ['anna'], ['anna'], []],
  ] as const)(
    'an action filed from a commitment by %s, written by %j, is credited to %j (filed by %j)',
    (authorId, writers, by, filedBy) => {
      const after = plain(
        mutated((p) => {
          p.actions.a9 = action('a9', {
            what: 'Lunch met de CFO',
            source: { boardId: 'b-1', commitmentId: 'c-1', authorId, authorName: 'Bram' },
          });
        }),
      );
      const written: Attribute = (r) =>
        r.at === 'record' && r.id === 'a9' ? { by: [...writers], since: '2026-12-03T08:00:00Z' } : NOBODY;
      const [change] = diffPlan(plain(validPlan()), after, written);
      expect(change).toMatchObject({ type: 'added', id: 'a9' });
      expect(change!.who).toEqual({
        by,
        since: '2026-12-03T08:00:00Z',
        // The board's name for the author, when there is an author.
        committed: { boardId: 'b-1', filedBy, authorName: authorId ? 'Bram' : null },
      });
    },
  );

  it('an action written on the plan page (no source) keeps the writer as its author', () => {
    const after = plain(mutated((p) => (p.actions.a9 = action('a9', { what: 'Eigen actie' }))));
    const written: Attribute = () => ({ by: ['anna'], since: null });
    const [change] = diffPlan(plain(validPlan()), after, written);
    expect(change!.who).toEqual({ by: ['anna'], since: null });
  });
});
