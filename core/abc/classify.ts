/**
 * ABC classification (DOMAIN.md §2): totals per relation and the A/B/C class, in one pure pass.
 *
 * `classify({ criteria, relations, scores, settings })` returns plain data, relations in input order.
 * The rules, exactly as §2 "Exact tie and rounding rules" states them:
 * - T = Σ wᵢ·sᵢ / Σ wᵢ over the criteria; score100 = (T − 1) / 3 × 100 (unrounded here).
 * - A relation with any criterion unscored is incomplete: no total, no class, and `missing` lists the
 *   unscored criterion ids in criteria order. A score is one of 1, 2, 3, 4; anything else (a peer's bad
 *   data) counts as unscored, so a total is always in [1, 4].
 * - Two totals are equal when they differ by less than `TIE_EPSILON` (1e-9).
 * - `distribution`: the complete relations of the classified kinds, sorted by T high to low, at
 *   positions 1..N (only the totals are sorted, so the result cannot depend on input order); position i gets A when
 *   i ≤ round(N·pA), C when i > N − round(N·pC), else B. Consecutive totals that are equal form one
 *   group (ties chain), and every group takes the best class any member got: ties never split.
 * - `thresholds`: A when T ≥ tA, C when T < tC, else B — "≥" and "<" read with the same equality, so a
 *   total within 1e-9 of tA is A and one within 1e-9 of tC is not C.
 * - An override sets the effective `class`; it does not move the relation in the ranking.
 * - Relations of kinds that are not classified get `computedClass: null` (their total is still shown).
 * - An invalid criteria set (see criteria.ts) gives no computed class at all; totals are still computed,
 *   unless a weight is unusable (not finite or ≤ 0): then every total is null too.
 * - counts.A/B/C count the effective classes of relations of classified kinds; counts.incomplete counts
 *   the incomplete ones of classified kinds that have no override.
 */
import { DEFAULT_CLASSIFICATION } from '../model/index.ts';
import type { AbcClass, ClassificationSettings, Override, RelationKind, Score } from '../model/index.ts';
import { isValidWeight, validateCriteria } from './criteria.ts';
import type { CriteriaIssue, CriterionLike } from './criteria.ts';

/** Two totals closer than this are equal. */
export const TIE_EPSILON = 1e-9;

export const totalsEqual = (a: number, b: number): boolean => Math.abs(a - b) < TIE_EPSILON;

/** What the classification needs of a relation; a full `Relation` fits. */
export interface RelationLike {
  id: string;
  kind: RelationKind;
  override?: Override | null;
}

/** Scores per relation id, then per criterion id (the workspace's `ScoreSheet`). */
export type ScoreLookup = Readonly<Record<string, Readonly<Record<string, Score | undefined>> | undefined>>;

export interface ClassifyInput {
  criteria: readonly CriterionLike[];
  relations: readonly RelationLike[];
  scores: ScoreLookup;
  /** Defaults to `DEFAULT_CLASSIFICATION`. */
  settings?: ClassificationSettings;
}

export interface ClassifiedRelation {
  id: string;
  kind: RelationKind;
  /** Weighted mean in [1, 4]; null when incomplete (or when a weight is unusable). */
  total: number | null;
  /** The total on 0–100, unrounded; null when `total` is. */
  score100: number | null;
  /** The class the rules give; null when incomplete, of a kind that is not classified, or when the criteria set is invalid. */
  computedClass: AbcClass | null;
  /** The effective class: the override's class when there is one, else `computedClass`. */
  class: AbcClass | null;
  /** Criterion ids without a score, in criteria order; empty when complete. */
  missing: string[];
  override: Override | null;
}

export interface ClassCounts {
  A: number;
  B: number;
  C: number;
  incomplete: number;
}

export interface ClassifyResult {
  criteriaIssues: CriteriaIssue[];
  /** True when `criteriaIssues` is empty (classes are computed). */
  criteriaValid: boolean;
  relations: ClassifiedRelation[];
  counts: ClassCounts;
}

/** The criteria prepared once for many totals. */
export interface PreparedCriteria {
  ids: readonly string[];
  /** Weights scaled so their sum is finite; null when a weight is unusable. */
  weights: Float64Array | null;
  weightSum: number;
}

export function prepareCriteria(criteria: readonly CriterionLike[]): PreparedCriteria {
  const ids = criteria.map((c) => c.id);
  if (!criteria.every((c) => isValidWeight(c.weight))) return { ids, weights: null, weightSum: NaN };
  const weights = Float64Array.from(criteria, (c) => c.weight);
  let sum = 0;
  for (const w of weights) sum += w;
  if (!Number.isFinite(4 * sum)) {
    // Huge weights (Σ 4·wᵢ would overflow): only their ratios matter, so scale them down.
    const max = Math.max(...weights);
    sum = 0;
    for (let j = 0; j < weights.length; j++) sum += weights[j] = weights[j]! / max;
  }
  return { ids, weights, weightSum: sum };
}

const isScore = (s: unknown): s is 1 | 2 | 3 | 4 => s === 1 || s === 2 || s === 3 || s === 4;

/**
 * The total of one relation's scores, or null when a criterion is unscored (then pushed onto `missing`
 * when given) or the weights are unusable. With no criteria at all, the total is null.
 */
export function totalOf(
  prepared: PreparedCriteria,
  sheet: Readonly<Record<string, Score | undefined>> | undefined,
  missing?: string[],
): number | null {
  const { ids, weights } = prepared;
  let sum = 0;
  let complete = ids.length > 0;
  for (let j = 0; j < ids.length; j++) {
    const s = sheet === undefined || sheet === null ? undefined : sheet[ids[j]!];
    if (isScore(s)) {
      if (weights !== null) sum += weights[j]! * s;
    } else {
      complete = false;
      if (missing === undefined) break;
      missing.push(ids[j]!);
    }
  }
  return complete && weights !== null ? sum / prepared.weightSum : null;
}

/** A total on 0–100: (T − 1) / 3 × 100. */
export const toScore100 = (total: number): number => ((total - 1) / 3) * 100;

/** The thresholds rule: A when T ≥ tA, C when T < tC, else B (with the 1e-9 equality). */
export function thresholdClass(total: number, tA: number, tC: number): AbcClass {
  if (total > tA || totalsEqual(total, tA)) return 'A';
  if (total < tC && !totalsEqual(total, tC)) return 'C';
  return 'B';
}

/**
 * The distribution rule over totals already sorted high to low: the class of each position, with ties
 * (chained within 1e-9) taking the class of their first — best — position.
 */
export function distributionClasses(sortedTotals: ArrayLike<number>, pA: number, pC: number): AbcClass[] {
  const n = sortedTotals.length;
  const nA = Math.round(n * pA);
  const nC = Math.round(n * pC);
  const out = new Array<AbcClass>(n);
  let groupClass: AbcClass = 'A';
  for (let i = 0; i < n; i++) {
    if (i === 0 || !totalsEqual(sortedTotals[i - 1]!, sortedTotals[i]!)) {
      const position = i + 1;
      groupClass = position <= nA ? 'A' : position > n - nC ? 'C' : 'B';
    }
    out[i] = groupClass;
  }
  return out;
}

export function classify(input: ClassifyInput): ClassifyResult {
  const settings = input.settings ?? DEFAULT_CLASSIFICATION;
  const { relations, scores } = input;
  const criteriaIssues = validateCriteria(input.criteria);
  const criteriaValid = criteriaIssues.length === 0;
  const prepared = prepareCriteria(input.criteria);
  const classifiedKinds = new Set<string>(settings.kinds);

  const n = relations.length;
  const out = new Array<ClassifiedRelation>(n);
  const totals = new Float64Array(n);
  const ranked: number[] = [];

  for (let i = 0; i < n; i++) {
    const rel = relations[i]!;
    const missing: string[] = [];
    const total = totalOf(prepared, scores[rel.id], missing);
    const override = rel.override ?? null;
    out[i] = {
      id: rel.id,
      kind: rel.kind,
      total,
      score100: total === null ? null : toScore100(total),
      computedClass: null,
      class: override === null ? null : override.class,
      missing,
      override,
    };
    if (total !== null) {
      totals[i] = total;
      if (criteriaValid && classifiedKinds.has(rel.kind)) ranked.push(i);
    }
  }

  if (settings.mode === 'thresholds') {
    for (const i of ranked) setComputed(out[i]!, thresholdClass(totals[i]!, settings.tA, settings.tC));
  } else {
    // Sort the totals alone (a typed-array sort, no comparator), then find each relation's place by
    // binary search: every position holding the same total is in the same group, so has the same class.
    const sorted = Float64Array.from(ranked, (i) => totals[i]!)
      .sort()
      .reverse();
    const classes = distributionClasses(sorted, settings.pA, settings.pC);
    for (const i of ranked) setComputed(out[i]!, classes[positionOf(sorted, totals[i]!)]!);
  }

  const counts: ClassCounts = { A: 0, B: 0, C: 0, incomplete: 0 };
  for (const r of out) {
    if (!classifiedKinds.has(r.kind)) continue;
    if (r.class !== null) counts[r.class]++;
    else if (r.missing.length > 0) counts.incomplete++;
  }
  return { criteriaIssues, criteriaValid, relations: out, counts };
}

function setComputed(r: ClassifiedRelation, c: AbcClass): void {
  r.computedClass = c;
  if (r.override === null) r.class = c;
}

/** A position of `total` in `sorted` (high to low), which holds it. */
function positionOf(sorted: Float64Array, total: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > total) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
