import { describe, it, expect } from 'vitest';
import { runClassify } from '../../core/cli/classify.ts';
import type { ClassifyCliInput } from '../../core/cli/classify.ts';

/** The contract's example input, fresh for every use (tests mutate it). */
const example = (): ClassifyCliInput => ({
  settings: { mode: 'distribution', pA: 0.2, pC: 0.2, tA: 3.25, tC: 2.0, kinds: ['client'] },
  criteria: [
    { id: 'rev', name: 'Revenue', category: 'financial', weight: 2 },
    { id: 'fit', name: 'Fit with ideal profile', category: 'strategic' },
    { id: 'rel', name: 'Relationship quality', category: 'relational' },
  ],
  relations: [
    {
      id: 'r1',
      name: 'Acme',
      kind: 'client',
      revenue: 120000,
      scores: { rev: 4, fit: 3, rel: 3 },
      override: { class: 'A', reason: 'board member' },
    },
  ],
});

/** The example with relations r1, r2, r3 (r3 gets the mutations). */
const three = (): ClassifyCliInput => {
  const input = example();
  input.relations.push(
    { id: 'r2', name: 'Beta', scores: { rev: 2, fit: 2, rel: 2 } },
    { id: 'r3', name: 'Gamma', scores: { rev: 3, fit: 3, rel: 3 } },
  );
  return input;
};

type Loose = Record<string, unknown> & {
  settings: Record<string, unknown>;
  criteria: Record<string, unknown>[];
  relations: (Record<string, unknown> & { scores: Record<string, unknown> })[];
};

describe('runClassify: the contract example', () => {
  it('gives exactly the documented output', () => {
    expect(runClassify(JSON.parse(JSON.stringify(example())))).toEqual({
      exitCode: 0,
      output: {
        criteriaIssues: [],
        relations: [{ id: 'r1', total: 3.5, score100: 83.33, computedClass: 'B', class: 'A', missing: [] }],
        counts: { A: 1, B: 0, C: 0, incomplete: 0 },
        pareto: { top20Share: 1, shareFor80: 1 },
      },
    });
  });

  it('serialises to the documented JSON, keys in order', () => {
    expect(JSON.stringify(runClassify(example()).output)).toBe(
      '{"criteriaIssues":[],"relations":[{"id":"r1","total":3.5,"score100":83.33,"computedClass":"B","class":"A","missing":[]}],' +
        '"counts":{"A":1,"B":0,"C":0,"incomplete":0},"pareto":{"top20Share":1,"shareFor80":1}}',
    );
  });
});

describe('runClassify: exit 2 for input that does not fit the schema', () => {
  it.each<[string, (input: Loose) => void, string]>([
    [
      'a score of 5',
      (i) => (i.relations[2]!.scores.rev = 5),
      'relations[2] (id "r3").scores.rev: must be at most 4',
    ],
    [
      'a score of 0',
      (i) => (i.relations[2]!.scores.fit = 0),
      'relations[2] (id "r3").scores.fit: must be at least 1',
    ],
    [
      'a score of 2.5',
      (i) => (i.relations[2]!.scores.rel = 2.5),
      'relations[2] (id "r3").scores.rel: must be a whole number',
    ],
    [
      'a score as text',
      (i) => (i.relations[2]!.scores.rel = '3'),
      'relations[2] (id "r3").scores.rel: must be a number',
    ],
    [
      'an unknown criterion',
      (i) => (i.relations[2]!.scores.xyz = 2),
      'relations[2] (id "r3").scores: unknown criterion "xyz"',
    ],
    [
      'a weight of 0',
      (i) => (i.criteria[1]!.weight = 0),
      'criteria[1] (id "fit").weight: must be greater than 0',
    ],
    [
      'a negative weight',
      (i) => (i.criteria[2]!.weight = -2),
      'criteria[2] (id "rel").weight: must be greater than 0',
    ],
    [
      'an infinite weight',
      (i) => (i.criteria[0]!.weight = Infinity),
      'criteria[0] (id "rev").weight: must be a finite number',
    ],
    [
      'a NaN weight',
      (i) => (i.criteria[0]!.weight = NaN),
      'criteria[0] (id "rev").weight: must be a finite number',
    ],
    [
      'a negative revenue',
      (i) => (i.relations[1]!.revenue = -1),
      'relations[1] (id "r2").revenue: must be at least 0',
    ],
    [
      'duplicate criterion ids',
      (i) => (i.criteria[2]!.id = 'fit'),
      'criteria[2] (id "fit").id: duplicate criterion id "fit" (also criteria[1]) (and 3 more problems)',
    ],
    [
      'duplicate relation ids',
      (i) => (i.relations[2]!.id = 'r1'),
      'relations[2] (id "r1").id: duplicate relation id "r1" (also relations[0])',
    ],
    ['pA + pC > 1', (i) => (i.settings.pA = 0.9), 'settings: pA + pC must be at most 1 (pA = 0.9, pC = 0.2)'],
    ['pA > 1', (i) => (i.settings.pA = 1.5), 'settings.pA: must be at most 1 (and 1 more problem)'],
    [
      'tC > tA',
      (i) => (i.settings.tC = 3.5),
      'settings: tC must not be greater than tA (tA = 3.25, tC = 3.5)',
    ],
    ['empty kinds', (i) => (i.settings.kinds = []), 'settings.kinds: must have at least 1 item(s)'],
    [
      'an unknown kind',
      (i) => (i.settings.kinds = ['client', 'friend']),
      'settings.kinds[1]: must be one of "client", "prospect", "supplier", "partner", "other"',
    ],
    [
      'an unknown mode',
      (i) => (i.settings.mode = 'random'),
      'settings.mode: must be one of "distribution", "thresholds"',
    ],
    ['a misspelt setting', (i) => (i.settings.pa = 0.3), 'settings: has unknown field(s) pa'],
    ['missing criteria', (i) => Reflect.deleteProperty(i, 'criteria'), 'criteria: is required'],
    ['missing relations', (i) => Reflect.deleteProperty(i, 'relations'), 'relations: is required'],
    [
      'relations not an array',
      (i) => ((i as Record<string, unknown>).relations = {}),
      'relations: must be an array',
    ],
    [
      'an override without reason',
      (i) => delete (i.relations[0]!.override as Loose).reason,
      'relations[0] (id "r1").override.reason: is required',
    ],
    [
      'an override with an empty reason',
      (i) => ((i.relations[0]!.override as Loose).reason = ''),
      'relations[0] (id "r1").override.reason: must not be empty',
    ],
    [
      'an override class D',
      (i) => ((i.relations[0]!.override as Loose).class = 'D'),
      'relations[0] (id "r1").override.class: must be one of "A", "B", "C"',
    ],
    [
      'an unknown category',
      (i) => (i.criteria[0]!.category = 'social'),
      'criteria[0] (id "rev").category: must be one of "financial", "strategic", "relational"',
    ],
    [
      'an unknown relation kind',
      (i) => (i.relations[1]!.kind = 'friend'),
      'relations[1] (id "r2").kind: must be one of "client", "prospect", "supplier", "partner", "other"',
    ],
    ['a relation without id', (i) => delete i.relations[1]!.id, 'relations[1].id: is required'],
    [
      'a relation without scores',
      (i) => Reflect.deleteProperty(i.relations[1]!, 'scores'),
      'relations[1] (id "r2").scores: is required',
    ],
    [
      'scores not an object',
      (i) => (i.relations[1]!.scores = [] as unknown as Record<string, unknown>),
      'relations[1] (id "r2").scores: must be an object',
    ],
    [
      'a criterion without name',
      (i) => delete i.criteria[1]!.name,
      'criteria[1] (id "fit").name: is required',
    ],
    [
      'an odd key is quoted',
      (i) => (i.relations[2]!.scores['a b\n'] = 1),
      'relations[2] (id "r3").scores: unknown criterion "a b\\n"',
    ],
  ])('%s', (_name, mutate, error) => {
    const input = three() as unknown as Loose;
    mutate(input);
    const run = runClassify(input);
    expect(run).toEqual({ exitCode: 2, error });
    expect(run.error).not.toContain('\n');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'classify'],
    ['a number', 42],
  ])('the whole input is %s', (_name, input) => {
    expect(runClassify(input)).toEqual({ exitCode: 2, error: 'input: must be an object' });
  });
});

describe('runClassify: exit 1 when the criteria set breaks a §2 rule', () => {
  it.each<[string, (input: Loose) => void, string[]]>([
    ['fewer than 3', (i) => i.criteria.pop(), ['criteria.tooFew', 'criteria.missingCategory']],
    [
      'a category without criterion',
      (i) => (i.criteria[2]!.category = 'strategic'),
      ['criteria.missingCategory'],
    ],
    ['duplicate names', (i) => (i.criteria[2]!.name = ' revenue '), ['criteria.duplicateName']],
  ])('%s', (_name, mutate, issueIds) => {
    const input = three() as unknown as Loose;
    mutate(input);
    for (const r of input.relations)
      r.scores = Object.fromEntries(
        Object.entries(r.scores).filter(([k]) => input.criteria.some((c) => c.id === k)),
      );
    const run = runClassify(input);
    expect(run.exitCode).toBe(1);
    expect(run.error).toBeUndefined();
    expect(run.output!.criteriaIssues.map((i) => i.id)).toEqual(issueIds);
    for (const issue of run.output!.criteriaIssues) expect(issue.message).toMatch(/^[A-Z].*\.$/);
    expect(run.output!.relations.map((r) => [r.id, r.computedClass, r.class])).toEqual([
      ['r1', null, 'A'],
      ['r2', null, null],
      ['r3', null, null],
    ]);
    expect(run.output!.relations.every((r) => r.total !== null)).toBe(true);
    expect(run.output!.counts).toEqual({ A: 1, B: 0, C: 0, incomplete: 0 });
  });

  it('speaks Dutch with lang nl: criteriaIssues and the exit-2 line', () => {
    const input = example();
    input.criteria[1]!.name = 'REVENUE';
    expect(runClassify(input, { lang: 'nl' }).output!.criteriaIssues).toEqual([
      {
        id: 'criteria.duplicateName',
        message:
          'De naam "Revenue" wordt door meer dan één criterium gebruikt ("rev", "fit"); namen moeten uniek zijn.',
      },
    ]);
    const bad = three() as unknown as Loose;
    bad.relations[2]!.scores.rev = 5;
    bad.relations[1]!.scores.xyz = 1;
    expect(runClassify(bad, { lang: 'nl' }).error).toBe(
      'relations[2] (id "r3").scores.rev: mag hoogstens 4 zijn (en nog 1 probleem)',
    );
    const shares = example() as unknown as Loose;
    shares.settings.pA = 0.9;
    expect(runClassify(shares, { lang: 'nl' }).error).toBe(
      'settings: pA + pC mag hoogstens 1 zijn (pA = 0.9, pC = 0.2)',
    );
  });

  it('explains the issue in English', () => {
    const input = example();
    input.criteria[1]!.name = 'REVENUE';
    expect(runClassify(input).output!.criteriaIssues).toEqual([
      {
        id: 'criteria.duplicateName',
        message:
          'The name "Revenue" is used by more than one criterion ("rev", "fit"); names must be unique.',
      },
    ]);
  });
});

describe('runClassify: defaults and output fields', () => {
  const base = (relations: ClassifyCliInput['relations'], settings?: ClassifyCliInput['settings']) => ({
    ...(settings ? { settings } : {}),
    criteria: [
      { id: 'f', name: 'F', category: 'financial' as const },
      { id: 's', name: 'S', category: 'strategic' as const },
      { id: 'r', name: 'R', category: 'relational' as const },
    ],
    relations,
  });
  const rel = (id: string, f: number | null, s: number | null, r?: number | null, extra = {}) => ({
    id,
    name: id,
    scores: { f, s, ...(r === undefined ? {} : { r }) },
    ...extra,
  });

  it.each([
    // scores (equal weights by default), total, score100
    [[4, 4, 3], 11 / 3, 88.89],
    [[1, 1, 2], 4 / 3, 11.11],
    [[2, 2, 2], 2, 33.33],
    [[4, 4, 4], 4, 100],
    [[1, 1, 1], 1, 0],
  ])(
    'scores %j → total %d, score100 %d (weight defaults to 1, rounded to 2 decimals)',
    ([f, s, r], total, score100) => {
      const out = runClassify(base([rel('x', f!, s!, r!)])).output!;
      expect(out.relations[0]!.total).toBe(total);
      expect(out.relations[0]!.score100).toBe(score100);
    },
  );

  it('an incomplete relation: null total, score100 and classes; missing in criteria order', () => {
    const out = runClassify(base([rel('x', null, 3), rel('y', 4, 4, 4)])).output!;
    expect(out.relations[0]).toEqual({
      id: 'x',
      total: null,
      score100: null,
      computedClass: null,
      class: null,
      missing: ['f', 'r'],
    });
    expect(out.counts).toEqual({ A: 0, B: 1, C: 0, incomplete: 1 });
  });

  it('defaults: distribution 20/60/20 over clients; kind defaults to client', () => {
    const relations = [
      rel('a', 4, 4, 4),
      rel('b', 4, 4, 3),
      rel('c', 3, 3, 3),
      rel('p', 4, 4, 4, { kind: 'prospect' }),
      rel('d', 2, 2, 2),
      rel('e', 1, 1, 1),
    ];
    const out = runClassify(base(relations)).output!;
    expect(out.relations.map((r) => r.computedClass)).toEqual(['A', 'B', 'B', null, 'B', 'C']);
    expect(out.counts).toEqual({ A: 1, B: 3, C: 1, incomplete: 0 });
  });

  it('thresholds mode with partial settings: T = tA → A, T = tC → B', () => {
    const relations = [rel('a', 3, 3, 3), rel('b', 2, 2, 2), rel('c', 2, 2, 1), rel('d', 4, 3, 2)];
    const out = runClassify(base(relations, { mode: 'thresholds', tA: 3 })).output!;
    expect(out.relations.map((r) => r.computedClass)).toEqual(['A', 'B', 'C', 'A']);
  });

  it('pareto over clients with a revenue; null when none has one', () => {
    const withRevenue = [
      rel('a', 1, 1, 1, { revenue: 50 }),
      rel('b', 1, 1, 1, { revenue: 30 }),
      rel('c', 1, 1, 1, { revenue: 10 }),
      rel('d', 1, 1, 1, { revenue: 10 }),
      rel('e', 1, 1, 1, { revenue: null }),
      rel('p', 1, 1, 1, { revenue: 1000, kind: 'prospect' }),
    ];
    expect(runClassify(base(withRevenue)).output!.pareto).toEqual({ top20Share: 0.5, shareFor80: 0.5 });
    expect(runClassify(base([rel('a', 1, 1, 1)])).output!.pareto).toEqual({
      top20Share: null,
      shareFor80: null,
    });
  });

  it('ignores extra fields on criteria and relations (a workspace export fits)', () => {
    const input = base([rel('a', 1, 1, 1, { sector: 'retail', ownerId: 'p1', tags: [] })]);
    const criteria = input.criteria.map((c, order) => ({ ...c, order, levels: { '1': 'low' } }));
    expect(runClassify({ ...input, criteria }).exitCode).toBe(0);
  });
});
