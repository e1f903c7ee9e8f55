/**
 * A plan's completeness, 0–100, derived from its findings only (DOMAIN.md §4), shown on every plan card.
 *
 * Formula: `100 − Σ over rule ids of min(cap, count × weight)`, clamped to [0, 100]. All weights are
 * whole numbers, so the result is an integer.
 *
 * | rule                                         | weight per finding | cap for the rule |
 * |----------------------------------------------|-------------------:|-----------------:|
 * | plan.noGoals                                 |                 40 |               40 |
 * | schema.invalid                               |                 10 |               30 |
 * | goal.notMeasurable                           |                 10 |               30 |
 * | section.empty                                |                 10 |               30 |
 * | plan.stale                                   |                 10 |               10 |
 * | action.noOwner / noDue / noGoal / goalUnknown / noKpi / ownerUnknown | 5 |       20 each |
 * | goal.noActions                               |                  5 |               15 |
 * | budget.exceeded, dmu.noDecider               |                  5 |                5 |
 * | action.overdue                               |                  2 |               10 |
 * | p4.crowded (info)                            |                  0 |                0 |
 * | an id not in this table (from a newer client) | error 10 · warning 4 · info 0 | 30 · 12 · 0 |
 *
 * Why: the heart of a plan is its measurable goals, so a plan without goals loses the most; the three
 * text sections weigh as much together as missing goals' measurability; action gaps are many and small,
 * and capped so that one sloppy action list cannot hide every other gap. Info findings are advice
 * ("keep it simple"), not gaps, so they cost nothing.
 *
 * Properties: no findings → 100; any error → below 100 (every error weighs > 0); a new, empty plan
 * (no goals, three empty sections, no decider) → 100 − 40 − 30 − 5 = 25; monotone — adding a finding
 * never raises the score, because every weight is ≥ 0 and `min(cap, n × w)` grows with n.
 */
import type { Finding, RuleId, Severity } from './rules.ts';

export interface Penalty {
  weight: number;
  cap: number;
}

export const COMPLETENESS_PENALTIES: Record<RuleId, Penalty> = {
  'plan.noGoals': { weight: 40, cap: 40 },
  'schema.invalid': { weight: 10, cap: 30 },
  'goal.notMeasurable': { weight: 10, cap: 30 },
  'section.empty': { weight: 10, cap: 30 },
  'plan.stale': { weight: 10, cap: 10 },
  'action.noOwner': { weight: 5, cap: 20 },
  'action.noDue': { weight: 5, cap: 20 },
  'action.noGoal': { weight: 5, cap: 20 },
  'action.goalUnknown': { weight: 5, cap: 20 },
  'action.noKpi': { weight: 5, cap: 20 },
  'action.ownerUnknown': { weight: 5, cap: 20 },
  'goal.noActions': { weight: 5, cap: 15 },
  'budget.exceeded': { weight: 5, cap: 5 },
  'dmu.noDecider': { weight: 5, cap: 5 },
  'action.overdue': { weight: 2, cap: 10 },
  'p4.crowded': { weight: 0, cap: 0 },
};

const FALLBACK: Record<Severity, Penalty> = {
  error: { weight: 10, cap: 30 },
  warning: { weight: 4, cap: 12 },
  info: { weight: 0, cap: 0 },
};

/** Known ids by id; an unknown id by id and severity, so that the order of findings never matters. */
function penaltyOf(f: Pick<Finding, 'id' | 'severity'>): { key: string; penalty: Penalty } {
  if (Object.hasOwn(COMPLETENESS_PENALTIES, f.id))
    return { key: f.id, penalty: COMPLETENESS_PENALTIES[f.id] };
  const severity: Severity = Object.hasOwn(FALLBACK, f.severity) ? f.severity : 'error';
  return { key: `${f.id} ${severity}`, penalty: FALLBACK[severity] };
}

export function planCompleteness(findings: readonly Pick<Finding, 'id' | 'severity'>[]): number {
  const counts = new Map<string, { penalty: Penalty; count: number }>();
  for (const f of findings) {
    const { key, penalty } = penaltyOf(f);
    const entry = counts.get(key) ?? { penalty, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  let lost = 0;
  for (const { penalty, count } of counts.values()) lost += Math.min(penalty.cap, count * penalty.weight);
  return Math.max(0, Math.min(100, 100 - lost));
}
