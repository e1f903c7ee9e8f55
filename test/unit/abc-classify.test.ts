import { describe, it, expect } from 'vitest';
import {
  classify,
  distributionClasses,
  prepareCriteria,
  thresholdClass,
  toScore100,
  totalOf,
} from '../../core/abc/index.ts';
import type { ClassifyInput, CriterionLike, RelationLike } from '../../core/abc/index.ts';
import { DEFAULT_CLASSIFICATION } from '../../core/model/index.ts';
import type { AbcClass, ClassificationSettings, RelationKind, Score } from '../../core/model/index.ts';

/** Three criteria, one per category, weight 1: a relation's total is the mean of its three scores. */
const CRITERIA: CriterionLike[] = [
  { id: 'f', name: 'Revenue', category: 'financial', weight: 1 },
  { id: 's', name: 'Fit', category: 'strategic', weight: 1 },
  { id: 'r', name: 'Trust', category: 'relational', weight: 1 },
];

/**
 * One relation per spec, ids r0, r1, …: `'443'` = scores f=4 s=4 r=3 (`-` = null, `_` = absent);
 * further words: a kind (`prospect`) and/or an override (`!A`).
 */
function build(specs: readonly string[], settings?: Partial<ClassificationSettings>): ClassifyInput {
  const relations: RelationLike[] = [];
  const scores: Record<string, Record<string, Score>> = {};
  specs.forEach((spec, i) => {
    const [digits, ...words] = spec.split(' ') as [string, ...string[]];
    const id = `r${i}`;
    const sheet: Record<string, Score> = {};
    [...digits].forEach((ch, j) => {
      if (ch === '-') sheet[CRITERIA[j]!.id] = null;
      else if (ch !== '_') sheet[CRITERIA[j]!.id] = Number(ch) as Score;
    });
    scores[id] = sheet;
    const overrideWord = words.find((w) => w.startsWith('!'));
    const kind = (words.find((w) => !w.startsWith('!')) ?? 'client') as RelationKind;
    relations.push({
      id,
      kind,
      override: overrideWord ? { class: overrideWord.slice(1) as AbcClass, reason: 'by hand' } : null,
    });
  });
  return { criteria: CRITERIA, relations, scores, settings: { ...DEFAULT_CLASSIFICATION, ...settings } };
}

/** Classes as one string, `-` for null: `'ABBBC'`. */
const str = (classes: readonly (AbcClass | null)[]) => classes.map((c) => c ?? '-').join('');
const computed = (input: ClassifyInput) => str(classify(input).relations.map((r) => r.computedClass));
const effective = (input: ClassifyInput) => str(classify(input).relations.map((r) => r.class));

describe('totals: T = Σ wᵢ·sᵢ / Σ wᵢ, score100 = (T − 1) / 3 × 100', () => {
  it.each([
    // weights, scores, total, score100
    [[1, 1, 1], [1, 1, 1], 1, 0],
    [[1, 1, 1], [4, 4, 4], 4, 100],
    [[2, 1, 1], [4, 3, 3], 3.5, 250 / 3],
    [[1, 2, 3], [4, 1, 2], 2, 100 / 3],
    [[1, 1, 1], [4, 4, 3], 11 / 3, 800 / 9],
    [[0.5, 0.25, 0.25], [1, 4, 4], 2.5, 50],
    [[10, 1, 1], [4, 1, 1], 42 / 12, 250 / 3],
  ])('weights %j, scores %j → T %d', (weights, values, total, score100) => {
    const criteria = CRITERIA.map((c, j) => ({ ...c, weight: weights[j]! }));
    const sheet = Object.fromEntries(criteria.map((c, j) => [c.id, values[j] as Score]));
    const [r] = classify({
      criteria,
      relations: [{ id: 'x', kind: 'client' }],
      scores: { x: sheet },
    }).relations;
    expect(r!.total).toBeCloseTo(total, 12);
    expect(r!.score100).toBeCloseTo(score100, 10);
    expect(r!.missing).toEqual([]);
  });

  it.each([
    [[0.1, 0.2, 0.7], [4, 4, 4], 4],
    [[0.1, 0.2, 0.7], [1, 1, 1], 1],
    [[1e308, 1e308, 1e308], [4, 4, 4], 4],
    [[1e308, 1e308, 1], [1, 1, 4], 1],
    [[1.7e308, 1, 1], [4, 4, 4], 4],
  ])('stays exactly in [1, 4] at the ends: weights %j, scores %j → %d', (weights, values, total) => {
    const criteria = CRITERIA.map((c, j) => ({ ...c, weight: weights[j]! }));
    const sheet = Object.fromEntries(criteria.map((c, j) => [c.id, values[j] as Score]));
    expect(totalOf(prepareCriteria(criteria), sheet)).toBe(total);
  });

  it('toScore100 maps [1, 4] onto [0, 100]', () => {
    expect([1, 1.75, 2.5, 4].map(toScore100)).toEqual([0, 25, 50, 100]);
  });
});

describe('incomplete relations: no total, no class, what is missing in criteria order', () => {
  it.each([
    ['433', [], false],
    ['-33', ['f'], true],
    ['4_3', ['s'], true],
    ['43-', ['r'], true],
    ['-_-', ['f', 's', 'r'], true],
    ['___', ['f', 's', 'r'], true],
  ])('%s → missing %j', (spec, missing, incomplete) => {
    const [r] = classify(build([spec, '444', '111'])).relations;
    expect(r!.missing).toEqual(missing);
    expect(r!.total === null).toBe(incomplete);
    expect(r!.score100 === null).toBe(incomplete);
    expect(r!.computedClass === null).toBe(incomplete);
  });

  it.each([[5], [0], [2.5], ['4'], [true], [{}]])(
    'a score of %j (bad peer data) counts as unscored',
    (bad) => {
      const input = build(['444']);
      const scores = { r0: { f: 4, s: bad, r: 4 } } as unknown as ClassifyInput['scores'];
      const [r] = classify({ ...input, scores }).relations;
      expect(r!.total).toBeNull();
      expect(r!.missing).toEqual(['s']);
    },
  );

  it('a relation with no score sheet misses every criterion', () => {
    const [r] = classify({ ...build([]), relations: [{ id: 'new', kind: 'client' }] }).relations;
    expect(r!.missing).toEqual(['f', 's', 'r']);
  });

  it('incomplete relations are left out of N', () => {
    // 5 complete clients: 1 A, 1 C. With the incomplete ones counted (N = 7), round(1.4) would still be 1,
    // so add enough to make a difference: N = 10 would give 2 A.
    const specs = ['444', '443', '333', '222', '111', '-44', '-44', '-44', '-44', '-44'];
    expect(computed(build(specs))).toBe('ABBBC-----');
  });
});

describe('distribution mode (pA = pC = 0.2 unless said)', () => {
  it.each([
    ['N = 0', [], {}, ''],
    ['N = 1: round(0.2) = 0 A and 0 C', ['333'], {}, 'B'],
    ['N = 2: round(0.4) = 0', ['444', '111'], {}, 'BB'],
    ['N = 3: round(0.6) = 1', ['444', '333', '111'], {}, 'ABC'],
    ['N = 5', ['444', '443', '333', '222', '111'], {}, 'ABBBC'],
    ['N = 5 in another input order', ['222', '111', '444', '333', '443'], {}, 'BCABB'],
    ['tie at the A boundary takes A', ['444', '444', '333', '222', '111'], {}, 'AABBC'],
    ['tie at the C boundary takes B', ['444', '333', '222', '111', '111'], {}, 'ABBBB'],
    ['equal totals from different scores tie', ['444', '443', '333', '441', '333'], {}, 'ABBBB'],
    ['all equal: all A', ['333', '333', '333', '333', '333'], {}, 'AAAAA'],
    ['a tie across A, B and C: all A', ['444', '333', '333', '333', '333'], { pA: 0.4, pC: 0.4 }, 'AAAAA'],
    ['pA = 0', ['444', '443', '333', '222', '111'], { pA: 0 }, 'BBBBC'],
    ['pC = 0', ['444', '443', '333', '222', '111'], { pC: 0 }, 'ABBBB'],
    ['pA = pC = 0', ['444', '443', '333', '222', '111'], { pA: 0, pC: 0 }, 'BBBBB'],
    ['pA + pC = 1', ['444', '443', '333', '222', '111'], { pA: 0.4, pC: 0.6 }, 'AACCC'],
    ['pA = 1', ['444', '443', '333', '222', '111'], { pA: 1, pC: 0 }, 'AAAAA'],
    ['pC = 1', ['444', '443', '333', '222', '111'], { pA: 0, pC: 1 }, 'CCCCC'],
    [
      'half-up overlap: round(2.5) = 3 both, A wins',
      ['444', '443', '333', '222', '111'],
      { pA: 0.5, pC: 0.5 },
      'AAACC',
    ],
    [
      'N = 10, pA = 0.25: round(2.5) = 3 A (half-up)',
      ['111', '112', '122', '222', '223', '233', '333', '334', '344', '444'],
      { pA: 0.25 },
      'CCBBBBBAAA',
    ],
  ])('%s', (_name, specs, settings, expected) => {
    expect(computed(build(specs, settings))).toBe(expected);
  });

  it.each([
    ['prospects are not ranked', ['444', '444 prospect', '333', '222', '111'], {}, 'A-BBC'],
    [
      'only the classified kinds count in N',
      ['444', '111 prospect', '111 partner', '333', '222'],
      {},
      'A--BC',
    ],
    [
      'several kinds classified',
      ['444', '443 prospect', '333', '222 supplier', '111'],
      { kinds: ['client', 'prospect'] as RelationKind[] },
      'ABB-C',
    ],
  ])('%s', (_name, specs, settings, expected) => {
    expect(computed(build(specs, settings))).toBe(expected);
  });
});

describe('distributionClasses over sorted totals: ties chain within 1e-9', () => {
  it.each([
    ['distinct', [4, 3, 2.5, 2, 1], 'ABBBC'],
    ['differ by 5e-10: equal', [4, 4 - 5e-10, 3, 2, 1], 'AABBC'],
    ['differ by 2e-9: not equal', [4, 4 - 2e-9, 3, 2, 1], 'ABBBC'],
    ['a chain of small steps is one group', [3, 3 - 6e-10, 3 - 1.2e-9, 2, 1], 'AAABC'],
    ['chain at the C boundary', [4, 3, 2, 1 + 6e-10, 1], 'ABBBB'],
  ])('%s', (_name, totals, expected) => {
    expect(str(distributionClasses(totals, 0.2, 0.2))).toBe(expected);
  });
});

describe('thresholds mode: A when T ≥ tA, C when T < tC, else B', () => {
  it.each([
    [4, 'A'],
    [3.25, 'A'],
    [3.25 - 5e-10, 'A'],
    [3.2499, 'B'],
    [2.5, 'B'],
    [2, 'B'],
    [2 - 5e-10, 'B'],
    [1.9999, 'C'],
    [1, 'C'],
  ])('T = %d → %s (tA 3.25, tC 2)', (total, expected) => {
    expect(thresholdClass(total, 3.25, 2)).toBe(expected);
  });

  it.each([
    ['T = tA exactly', ['333'], 'A'],
    ['T = tC exactly', ['222'], 'B'],
    ['just below tA', ['332'], 'B'],
    ['just below tC', ['221'], 'C'],
    ['no ranking: all may be A', ['444', '443', '333'], 'AAA'],
    ['prospects stay unclassified', ['333 prospect'], '-'],
    ['incomplete stays unclassified', ['33-'], '-'],
  ])('%s', (_name, specs, expected) => {
    expect(computed(build(specs, { mode: 'thresholds', tA: 3, tC: 2 }))).toBe(expected);
  });

  it('tA = tC: nothing is B', () => {
    expect(computed(build(['444', '333', '332', '222'], { mode: 'thresholds', tA: 3, tC: 3 }))).toBe('AACC');
  });
});

describe('overrides set the effective class and do not move the ranking', () => {
  it.each([
    ['top overridden to C', ['444 !C', '443', '333', '222', '111'], 'ABBBC', 'CBBBC'],
    ['bottom overridden to A', ['444', '443', '333', '222', '111 !A'], 'ABBBC', 'ABBBA'],
    ['override equal to computed', ['444 !A', '443', '333', '222', '111'], 'ABBBC', 'ABBBC'],
    ['incomplete with override', ['444', '443', '333', '222', '111', '44- !A'], 'ABBBC-', 'ABBBCA'],
    ['prospect with override', ['444', '443', '333', '222', '111', '111 prospect !B'], 'ABBBC-', 'ABBBCB'],
  ])('%s', (_name, specs, computedClasses, effectiveClasses) => {
    const input = build(specs);
    expect(computed(input)).toBe(computedClasses);
    expect(effective(input)).toBe(effectiveClasses);
  });

  it('keeps the override on the result', () => {
    const [r] = classify(build(['444 !C'])).relations;
    expect(r!.override).toEqual({ class: 'C', reason: 'by hand' });
  });
});

describe('counts: effective classes and incomplete relations of the classified kinds', () => {
  it.each([
    ['plain', ['444', '443', '333', '222', '111'], { A: 1, B: 3, C: 1, incomplete: 0 }],
    [
      'overrides count as effective',
      ['444 !C', '443', '333', '222', '111'],
      { A: 0, B: 3, C: 2, incomplete: 0 },
    ],
    ['incomplete', ['444', '443', '333', '222', '111', '4-4'], { A: 1, B: 3, C: 1, incomplete: 1 }],
    [
      'incomplete with override',
      ['444', '443', '333', '222', '111', '4-4 !A'],
      { A: 2, B: 3, C: 1, incomplete: 0 },
    ],
    [
      'other kinds are not counted',
      ['444', '443', '333', '222', '111', '444 prospect !A', '--- partner'],
      { A: 1, B: 3, C: 1, incomplete: 0 },
    ],
    ['nothing', [], { A: 0, B: 0, C: 0, incomplete: 0 }],
  ])('%s', (_name, specs, counts) => {
    expect(classify(build(specs)).counts).toEqual(counts);
  });
});

describe('an invalid criteria set gives no computed class', () => {
  const twoCriteria = CRITERIA.slice(0, 2);

  it('keeps totals, drops computed classes, keeps overrides', () => {
    const input = { ...build(['444', '333 !A', '111', '4-']), criteria: twoCriteria };
    const result = classify(input);
    expect(result.criteriaValid).toBe(false);
    expect(result.criteriaIssues.map((i) => i.id)).toEqual(['criteria.tooFew', 'criteria.missingCategory']);
    expect(result.relations.map((r) => r.total)).toEqual([4, 3, 1, null]);
    expect(str(result.relations.map((r) => r.computedClass))).toBe('----');
    expect(str(result.relations.map((r) => r.class))).toBe('-A--');
    expect(result.counts).toEqual({ A: 1, B: 0, C: 0, incomplete: 1 });
  });

  it.each([
    ['duplicate names', CRITERIA.map((c) => ({ ...c, name: 'Same' }))],
    ['a missing category', CRITERIA.map((c) => ({ ...c, category: 'financial' as const }))],
  ])('%s', (_name, criteria) => {
    const result = classify({ ...build(['444', '333', '111'], { mode: 'thresholds' }), criteria });
    expect(result.relations.map((r) => r.total)).toEqual([4, 3, 1]);
    expect(str(result.relations.map((r) => r.computedClass))).toBe('---');
  });

  it('an unusable weight also drops the totals', () => {
    const criteria = CRITERIA.map((c, j) => ({ ...c, weight: j === 0 ? 0 : 1 }));
    const result = classify({ ...build(['444']), criteria });
    expect(result.criteriaIssues.map((i) => i.id)).toEqual(['criteria.invalidWeight']);
    expect(result.relations[0]).toMatchObject({
      total: null,
      score100: null,
      computedClass: null,
      missing: [],
    });
  });
});

describe('result shape', () => {
  it('lists relations in input order with id and kind', () => {
    const result = classify(build(['111', '444 prospect', '333']));
    expect(result.relations.map((r) => [r.id, r.kind])).toEqual([
      ['r0', 'client'],
      ['r1', 'prospect'],
      ['r2', 'client'],
    ]);
  });

  it('uses DEFAULT_CLASSIFICATION without settings', () => {
    const { settings: _settings, ...input } = build(['444', '443', '333', '222', '111', '444 prospect']);
    expect(computed(input)).toBe('ABBBC-');
  });
});
