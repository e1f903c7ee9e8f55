import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classify, distributionClasses, totalsEqual } from '../../core/abc/index.ts';
import type { ClassifyInput, CriterionLike, RelationLike } from '../../core/abc/index.ts';
import { runClassify } from '../../core/cli/classify.ts';
import { CRITERION_CATEGORIES, RELATION_KINDS } from '../../core/model/index.ts';
import type { AbcClass, ClassificationSettings, RelationKind, Score } from '../../core/model/index.ts';

const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

// ---- arbitraries ------------------------------------------------------------------------------------

/** A valid criteria set: one per category plus 0–3 more, with the given weights. */
const criteriaArb = (weight: fc.Arbitrary<number>): fc.Arbitrary<CriterionLike[]> =>
  fc.array(fc.constantFrom(...CRITERION_CATEGORIES), { maxLength: 3 }).chain((extra) =>
    fc.array(weight, { minLength: 3 + extra.length, maxLength: 3 + extra.length }).map((weights) =>
      [...CRITERION_CATEGORIES, ...extra].map((category, j) => ({
        id: `c${j}`,
        name: `Criterion ${j}`,
        category,
        weight: weights[j]!,
      })),
    ),
  );

const settingsArb: fc.Arbitrary<ClassificationSettings> = fc
  .record({
    mode: fc.constantFrom('distribution' as const, 'thresholds' as const),
    pA: fc.double({ min: 0, max: 1, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    tC: fc.double({ min: 1, max: 4, noNaN: true }),
    above: fc.double({ min: 0, max: 1, noNaN: true }),
    kinds: fc.constantFrom<RelationKind[]>(['client'], ['client', 'prospect']),
  })
  .map(({ mode, pA, share, tC, above, kinds }) => ({
    mode,
    pA,
    pC: (1 - pA) * share,
    tC,
    tA: tC + (4 - tC) * above,
    kinds,
  }));

/** Few score values and small integer weights: many equal totals, so ties are common. */
const scenarioArb = (weight: fc.Arbitrary<number> = fc.integer({ min: 1, max: 3 })) =>
  fc
    .record({
      criteria: criteriaArb(weight),
      settings: settingsArb,
      rows: fc.array(
        fc.record({
          kind: fc.constantFrom<RelationKind>('client', 'client', 'client', 'prospect'),
          scores: fc.array(fc.constantFrom<Score | undefined>(1, 2, 3, 4, 1, 2, 3, 4, null, undefined), {
            minLength: 6,
            maxLength: 6,
          }),
          override: fc.option(fc.constantFrom<AbcClass>('A', 'B', 'C'), { freq: 5 }),
        }),
        { maxLength: 40 },
      ),
    })
    .map(({ criteria, settings, rows }): ClassifyInput => {
      const relations: RelationLike[] = rows.map((row, i) => ({
        id: `r${i}`,
        kind: row.kind,
        override: row.override === null ? null : { class: row.override, reason: 'test' },
      }));
      const scores = Object.fromEntries(
        rows.map((row, i) => [
          `r${i}`,
          Object.fromEntries(
            criteria.flatMap((c, j) => (row.scores[j] === undefined ? [] : [[c.id, row.scores[j]]])),
          ),
        ]),
      );
      return { criteria, relations, scores, settings };
    });

const distribution = (input: ClassifyInput): ClassifyInput => ({
  ...input,
  settings: { ...input.settings!, mode: 'distribution' },
});

// ---- properties -------------------------------------------------------------------------------------

describe('classify: properties', () => {
  it('does not depend on the input order of relations', () => {
    fc.assert(
      fc.property(
        scenarioArb().chain((input) =>
          fc
            .shuffledSubarray([...input.relations], {
              minLength: input.relations.length,
              maxLength: input.relations.length,
            })
            .map((shuffled) => [input, shuffled] as const),
        ),
        ([input, shuffled]) => {
          const a = classify(input);
          const b = classify({ ...input, relations: shuffled });
          const byId = new Map(b.relations.map((r) => [r.id, r]));
          for (const r of a.relations) expect(byId.get(r.id)).toEqual(r);
          expect(b.counts).toEqual(a.counts);
        },
      ),
    );
  });

  it('never splits ties, and a higher total never gets a worse class', () => {
    let tiesSeen = 0;
    fc.assert(
      fc.property(scenarioArb().map(distribution), (input) => {
        const ranked = classify(input).relations.filter((r) => r.computedClass !== null);
        for (const a of ranked)
          for (const b of ranked) {
            if (a === b) continue;
            if (totalsEqual(a.total!, b.total!)) {
              tiesSeen++;
              expect(a.computedClass).toBe(b.computedClass);
            } else if (a.total! > b.total!) {
              expect(RANK[a.computedClass!]).toBeLessThanOrEqual(RANK[b.computedClass!]);
            }
          }
      }),
    );
    expect(tiesSeen).toBeGreaterThan(0);
  });

  it('ties take the higher class: a tie group gets the class of its best position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (steps, pA, pC) => {
          const totals = steps.map((s) => 1 + s / 4).sort((x, y) => y - x);
          const n = totals.length;
          const classes = distributionClasses(totals, pA, pC);
          const byPosition = (i: number): AbcClass =>
            i + 1 <= Math.round(n * pA) ? 'A' : i + 1 > n - Math.round(n * pC) ? 'C' : 'B';
          totals.forEach((t, i) => {
            const first = totals.findIndex((u) => totalsEqual(u, t));
            expect(classes[i]).toBe(byPosition(first));
          });
        },
      ),
    );
  });

  it('with all totals distinct gives exactly round(N·pA) A and round(N·pC) C', () => {
    // Weights 1, 5, 25 encode the three scores like digits, so distinct score triples have distinct totals.
    const criteria: CriterionLike[] = CRITERION_CATEGORIES.map((category, j) => ({
      id: `c${j}`,
      name: `C${j}`,
      category,
      weight: 5 ** j,
    }));
    const score = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(score, score, score), { selector: (t) => t.join(''), maxLength: 64 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (triples, pA, share) => {
          const pC = (1 - pA) * share;
          const relations = triples.map((_, i) => ({ id: `r${i}`, kind: 'client' as const }));
          const scores = Object.fromEntries(
            triples.map((t, i) => [`r${i}`, { c0: t[0], c1: t[1], c2: t[2] }] as const),
          );
          const settings = {
            mode: 'distribution' as const,
            pA,
            pC,
            tA: 3.25,
            tC: 2,
            kinds: ['client' as const],
          };
          const { counts, relations: out } = classify({ criteria, relations, scores, settings });
          const totals = out.map((r) => r.total!);
          expect(new Set(totals).size).toBe(totals.length);
          const n = triples.length;
          const nA = Math.round(n * pA);
          // Half-up rounding can give round(N·pA) + round(N·pC) = N + 1 (N = 1, pA = pC = 0.5): A wins.
          const nC = Math.min(Math.round(n * pC), n - nA);
          expect([counts.A, counts.C, counts.B]).toEqual([nA, nC, n - nA - nC]);
        },
      ),
    );
  });

  it('keeps every total in [1, 4] and score100 in [0, 100], whatever the weights and scores', () => {
    const weight = fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
      fc.double({ min: 0.001, max: 1000, noNaN: true }),
    );
    fc.assert(
      fc.property(scenarioArb(weight), (input) => {
        for (const r of classify(input).relations) {
          if (r.total === null) {
            expect(r.missing.length).toBeGreaterThan(0);
            continue;
          }
          expect(r.total).toBeGreaterThanOrEqual(1);
          expect(r.total).toBeLessThanOrEqual(4);
          expect(r.score100!).toBeGreaterThanOrEqual(0);
          expect(r.score100!).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

// ---- runClassify never throws -----------------------------------------------------------------------

function checkRun(input: unknown, seen?: Set<number>) {
  const run = runClassify(input);
  seen?.add(run.exitCode);
  expect([0, 1, 2]).toContain(run.exitCode);
  if (run.exitCode === 2) {
    expect(run.output).toBeUndefined();
    expect(typeof run.error).toBe('string');
    expect(run.error!.length).toBeGreaterThan(0);
    expect(run.error).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(run.error).not.toMatch(/^internal error/);
  } else {
    expect(run.error).toBeUndefined();
    const relations = (input as { relations: unknown[] }).relations;
    expect(run.output!.relations).toHaveLength(relations.length);
    expect(run.output!.criteriaIssues.length === 0).toBe(run.exitCode === 0);
    if (run.exitCode === 1) expect(run.output!.relations.every((r) => r.computedClass === null)).toBe(true);
  }
}

const junk = fc.constantFrom<unknown>(0, 5, 2.5, -1, null, '', 'x', true, {}, [], undefined, NaN, Infinity);
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: junk });

/** Inputs that fit the schema: exit 0 or 1, depending on the criteria set drawn. */
const schemaValidArb = fc
  .record({
    categories: fc.array(fc.constantFrom(...CRITERION_CATEGORIES), { minLength: 1, maxLength: 5 }),
    names: fc.array(fc.constantFrom('Revenue', ' revenue', 'Fit', 'Trust', 'Access', 'Growth'), {
      minLength: 5,
      maxLength: 5,
    }),
    weights: fc.array(fc.option(fc.constantFrom(1, 2, 0.5), { nil: undefined }), {
      minLength: 5,
      maxLength: 5,
    }),
    settings: settingsArb,
    rows: fc.array(
      fc.record({
        kind: fc.constantFrom(...RELATION_KINDS),
        revenue: fc.option(fc.nat()),
        scores: fc.array(fc.constantFrom(1, 2, 3, 4, null), { minLength: 5, maxLength: 5 }),
        override: fc.option(fc.constantFrom('A', 'B', 'C')),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ categories, names, weights, settings, rows }) => ({
    settings,
    criteria: categories.map((category, j) => ({
      id: `c${j}`,
      name: names[j],
      category,
      weight: weights[j],
    })),
    relations: rows.map((row, i) => ({
      id: `r${i}`,
      name: `Relation ${i}`,
      kind: row.kind,
      revenue: row.revenue,
      scores: Object.fromEntries(categories.map((_, j) => [`c${j}`, row.scores[j]])),
      override: row.override === null ? null : { class: row.override, reason: 'why' },
    })),
  }));

/** Inputs close to valid, with junk here and there: mostly exit 2. */
const nearValidArb = fc.record(
  {
    settings: sometimes(
      fc.record(
        {
          mode: sometimes(fc.constantFrom('distribution', 'thresholds')),
          pA: sometimes(fc.double({ min: 0, max: 1, noNaN: true })),
          pC: sometimes(fc.double({ min: 0, max: 0.6, noNaN: true })),
          tA: sometimes(fc.double({ min: 1, max: 4, noNaN: true })),
          tC: sometimes(fc.double({ min: 1, max: 3, noNaN: true })),
          kinds: sometimes(fc.subarray([...RELATION_KINDS])),
        },
        { requiredKeys: [] },
      ),
    ),
    criteria: sometimes(
      fc.array(
        fc.record(
          {
            id: sometimes(fc.constantFrom('a', 'b', 'c', 'd', 'e')),
            name: sometimes(fc.constantFrom('Revenue', ' revenue', 'Fit', 'Trust', 'Access')),
            category: sometimes(fc.constantFrom(...CRITERION_CATEGORIES)),
            weight: sometimes(fc.constantFrom(1, 2, 0.5)),
          },
          { requiredKeys: ['id', 'name', 'category'] },
        ),
        { maxLength: 5 },
      ),
    ),
    relations: sometimes(
      fc.array(
        fc.record(
          {
            id: sometimes(fc.string({ maxLength: 3 })),
            name: sometimes(fc.constant('Acme')),
            kind: sometimes(fc.constantFrom(...RELATION_KINDS)),
            revenue: sometimes(fc.nat()),
            scores: sometimes(
              fc.dictionary(
                fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz'),
                sometimes(fc.constantFrom(1, 2, 3, 4, null)),
              ),
            ),
            override: sometimes(
              fc.record({
                class: sometimes(fc.constantFrom('A', 'B', 'C')),
                reason: sometimes(fc.constant('why')),
              }),
            ),
          },
          { requiredKeys: ['id', 'name', 'scores'] },
        ),
        { maxLength: 8 },
      ),
    ),
  },
  { requiredKeys: ['criteria', 'relations'] },
);

describe('runClassify: never throws', () => {
  it('on anything at all', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.record({ settings: anything, criteria: anything, relations: anything }, { requiredKeys: [] }),
        ),
        (input) => checkRun(input),
      ),
      { numRuns: 300 },
    );
  });

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => checkRun(input)),
      { numRuns: 300 },
    );
  });

  it('on near-valid input, reaching exit 0, 1 and 2', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.oneof(schemaValidArb, nearValidArb), (input) => checkRun(input, seen)),
      {
        numRuns: 500,
      },
    );
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});
