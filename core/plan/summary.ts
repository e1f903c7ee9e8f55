/**
 * Derived views of one account plan (DOMAIN.md §3, §4): the 4P quadrants, benefits per level, the
 * timeline and the budget. Pure functions of a plan that fits the schema; the same counting rules as
 * validation (rules.ts), so the plan view and the findings never disagree:
 * - an **activity** is a non-cancelled action; cancelled actions are counted by status only;
 * - **costs** add up the non-cancelled actions;
 * - a quadrant is **crowded** with more than 3 activities (the `p4.crowded` threshold).
 */
import {
  ACTION_STATUSES,
  BENEFIT_LEVELS,
  QUADRANTS,
  type AccountPlanDoc,
  type Action,
  type ActionStatus,
  type Benefit,
  type BenefitLevel,
  type Quadrant,
} from '../model/index.ts';
import { exceedsBudget, isActive, planRuleSettings, sumCosts, type PlanRuleSettings } from './rules.ts';

export interface QuadrantStats {
  quadrant: Quadrant;
  /** Non-cancelled actions in this quadrant. */
  activities: number;
  /** Their total cost. */
  cost: number;
  /** All actions in this quadrant by status, cancelled included. */
  byStatus: Record<ActionStatus, number>;
  /** More activities than the limit (default 3): "keep it simple". */
  crowded: boolean;
}

const zeroByStatus = () =>
  Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

export function quadrantSummary(
  plan: Pick<AccountPlanDoc, 'actions'>,
  settings?: Partial<PlanRuleSettings>,
): Record<Quadrant, QuadrantStats> {
  const { maxActivitiesPerQuadrant } = planRuleSettings(settings);
  const stats = Object.fromEntries(
    QUADRANTS.map((quadrant) => [
      quadrant,
      { quadrant, activities: 0, cost: 0, byStatus: zeroByStatus(), crowded: false },
    ]),
  ) as Record<Quadrant, QuadrantStats>;
  const costs = Object.fromEntries(QUADRANTS.map((q) => [q, [] as number[]])) as Record<Quadrant, number[]>;
  for (const action of Object.values(plan.actions)) {
    const s = stats[action.quadrant];
    s.byStatus[action.status] += 1;
    if (!isActive(action.status)) continue;
    s.activities += 1;
    costs[action.quadrant].push(action.cost);
  }
  for (const s of Object.values(stats)) {
    s.cost = sumCosts(costs[s.quadrant]);
    s.crowded = s.activities > maxActivitiesPerQuadrant;
  }
  return stats;
}

const byText = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The benefits granted (gunningen) per level, each list sorted by description (then id). */
export function benefitSummary(plan: Pick<AccountPlanDoc, 'strategy'>): Record<BenefitLevel, Benefit[]> {
  const levels = Object.fromEntries(BENEFIT_LEVELS.map((l) => [l, [] as Benefit[]])) as Record<
    BenefitLevel,
    Benefit[]
  >;
  for (const benefit of Object.values(plan.strategy.benefits)) levels[benefit.level].push(benefit);
  for (const list of Object.values(levels))
    list.sort((a, b) => byText(a.description, b.description) || byText(a.id, b.id));
  return levels;
}

export interface TimelineMonth {
  /** `YYYY-MM`, or `null` for the actions without a due date (always the last group). */
  month: string | null;
  actions: Action[];
}

/**
 * The tijdpad: actions by due date, grouped by month, months in order, undated actions last. Within a
 * month: by due date, then the plan's order, then id. Cancelled actions are left out unless asked for.
 */
export function timeline(
  plan: Pick<AccountPlanDoc, 'actions'>,
  options: { includeCancelled?: boolean } = {},
): TimelineMonth[] {
  const actions = Object.values(plan.actions).filter(
    (a) => options.includeCancelled === true || isActive(a.status),
  );
  actions.sort(
    (a, b) =>
      (a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1) ||
      a.order - b.order ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const months: TimelineMonth[] = [];
  for (const action of actions) {
    const month = action.due === null ? null : action.due.slice(0, 7);
    const last = months.at(-1);
    if (last && last.month === month) last.actions.push(action);
    else months.push({ month, actions: [action] });
  }
  return months;
}

export interface BudgetSummary {
  /** The plan's reserved budget; `null` when none is set. */
  budget: number | null;
  /** Sum of the costs of the non-cancelled actions. */
  actionCosts: number;
  /** That sum split by status. */
  byStatus: { planned: number; done: number };
  /** `budget − actionCosts` (negative when over budget); `null` without a budget. */
  remaining: number | null;
  /** The same test as `budget.exceeded`. */
  exceeded: boolean;
  /** What winning a new client costs the firm (workspace setting), shown beside the budget (seed 003). */
  acquisitionCost: number | null;
}

export function budgetSummary(
  plan: Pick<AccountPlanDoc, 'budget' | 'actions'>,
  acquisitionCost: number | null,
): BudgetSummary {
  const costs = { planned: [] as number[], done: [] as number[] };
  for (const action of Object.values(plan.actions))
    if (action.status !== 'cancelled') costs[action.status].push(action.cost);
  // Summed like the validator does, so `exceeded` always matches `budget.exceeded`.
  const actionCosts = sumCosts([...costs.planned, ...costs.done]);
  const byStatus = { planned: sumCosts(costs.planned), done: sumCosts(costs.done) };
  const { budget } = plan;
  return {
    budget,
    actionCosts,
    byStatus,
    remaining: budget === null ? null : budget - actionCosts,
    exceeded: budget !== null && exceedsBudget(actionCosts, budget),
    acquisitionCost,
  };
}
