/**
 * The account-plan rule table (DOMAIN.md §4): stable rule ids, their severities, the shape of a finding,
 * the settings the rules read and the small predicates that validation and the summaries share, so the
 * plan card, the budget panel and the findings list always agree.
 */
import type { ActionStatus } from '../model/index.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every rule id with its severity. `schema.invalid` reports a field that does not fit AccountPlanDoc. */
export const RULES = {
  'schema.invalid': 'error',
  'plan.noGoals': 'error',
  'goal.notMeasurable': 'error',
  'goal.noActions': 'warning',
  'action.noOwner': 'error',
  'action.noDue': 'error',
  'action.noGoal': 'error',
  'action.goalUnknown': 'error',
  'action.noKpi': 'error',
  'action.ownerUnknown': 'error',
  'action.overdue': 'warning',
  'budget.exceeded': 'warning',
  'section.empty': 'warning',
  'plan.stale': 'warning',
  'p4.crowded': 'info',
  'dmu.noDecider': 'warning',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export type FindingParams = Readonly<Record<string, string | number>>;

/** One finding: plain data. The UI looks its message up by `id` (core/messages/findings.ts). */
export interface Finding {
  id: RuleId;
  severity: Severity;
  /** Dotted field path, records keyed by id: `actions.a1.ownerId`, `goals.g2`, `situation.text`, `budget`. */
  path: string;
  params?: FindingParams;
}

/** Workspace-tunable thresholds of the rules; DOMAIN.md gives the defaults. */
export interface PlanRuleSettings {
  /** `plan.stale` when the last change is this many days or more before today. */
  staleAfterDays: number;
  /** `p4.crowded` when a quadrant holds more than this many activities. */
  maxActivitiesPerQuadrant: number;
}

export const DEFAULT_PLAN_RULES: PlanRuleSettings = { staleAfterDays: 180, maxActivitiesPerQuadrant: 3 };

/** The settings to use: each given value when it is a finite number ≥ 0, else the default. */
export function planRuleSettings(given: Partial<PlanRuleSettings> | undefined): PlanRuleSettings {
  const pick = (v: unknown, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
  return {
    staleAfterDays: pick(given?.staleAfterDays, DEFAULT_PLAN_RULES.staleAfterDays),
    maxActivitiesPerQuadrant: pick(
      given?.maxActivitiesPerQuadrant,
      DEFAULT_PLAN_RULES.maxActivitiesPerQuadrant,
    ),
  };
}

/**
 * A cancelled action is out of the plan: it serves no goal, costs nothing, fills no quadrant and is not
 * checked for owner, date, goal or KPI. Any other status (even an unreadable one) counts as active.
 */
export const isActive = (status: ActionStatus | null | undefined): boolean => status !== 'cancelled';

/**
 * The total of some costs, independent of their order (sorted before adding), so that every client — and
 * the budget panel and `budget.exceeded` — gets the very same number for the same actions.
 */
export function sumCosts(costs: readonly number[]): number {
  let total = 0;
  for (const cost of [...costs].sort((a, b) => a - b)) total += cost;
  return total;
}

/**
 * Costs exceed the budget only by more than rounding noise (0.1 + 0.2 is not more than 0.3); a total
 * equal to the budget is within it.
 */
export const exceedsBudget = (total: number, budget: number): boolean =>
  total - budget > 1e-9 * Math.max(1, Math.abs(budget));

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The findings order: severity (errors first), then path, then id, by code unit (locale-independent).
 * Use with a stable sort: the only ties are findings of one rule at one path (`p4.crowded` per quadrant,
 * two schema issues of one field), which keep the order the rule gives them — quadrants in the order
 * project, person, process, partnership — whatever the order of the records in the plan.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    byCodeUnit(a.path, b.path) ||
    byCodeUnit(a.id, b.id)
  );
}
