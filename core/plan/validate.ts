/**
 * Account-plan validation (DOMAIN.md §4): `(plan, context) → findings`, run in the browser on every
 * change and by `haard validate-plan`. Never throws, whatever the input.
 *
 * Decisions, so every screen agrees:
 * - **A plan that does not fit the schema is still checked.** Each schema issue becomes a
 *   `schema.invalid` error at its path, and every rule then runs on what is readable (see read.ts): a
 *   field of the wrong type is reported once, by the schema, not again as "missing".
 * - **Cancelled actions are out of the plan.** They serve no goal (`goal.noActions`), cost nothing
 *   (`budget.exceeded`), fill no quadrant (`p4.crowded`), and are not checked for owner, due date,
 *   goal or KPI — nobody has to fill in who does what for something that will not happen.
 * - **Blank is missing.** An empty or whitespace-only metric, target, KPI name or section counts as
 *   not filled in, as does `null`.
 * - **An action pointing to a goal that does not exist** is `action.goalUnknown` (error, path
 *   `actions.<id>.goalId`), apart from `action.noGoal` (no goal chosen), so the message can say which.
 * - **Dates.** `action.overdue`: status `planned` and `due < today` (due today is not overdue).
 *   `plan.stale`: the UTC calendar date of `updatedAt` is 180 days or more before today ("nothing changed
 *   for 180 days"; 179 is not stale). With an invalid `today` neither rule runs.
 * - **Budget.** Only when a budget is set; the sum of the costs of the non-cancelled actions must be
 *   more than the budget (equal is within budget).
 * - **`p4.crowded`**: one info finding per quadrant with more than 3 non-cancelled actions, path `actions`.
 * - **`dmu.noDecider`**: one warning (path `relationIds`) when none of the contacts of the plan's
 *   relations has the role `decider`; contacts of other relations are ignored. A group plan needs one
 *   decider across its relations. Its param `contacts` is how many contacts those relations have (0: none).
 * - **When the context cannot tell**, the rule does not run: no `action.ownerUnknown` when
 *   `professionals` is not a list or record, no `dmu.noDecider` when `contacts` is not.
 * - **Order**: severity (error, warning, info), then path, then id — the same on every client.
 */
import { dayNumber } from '../dates.ts';
import { AccountPlanDoc, QUADRANTS, type Contact, type Professional, type Quadrant } from '../model/index.ts';
import { parseWith } from '../model/issues.ts';
import { entriesOf, isRecord, readPlan, type ActionView, type PlanView } from './read.ts';
import {
  RULES,
  compareFindings,
  exceedsBudget,
  isActive,
  planRuleSettings,
  sumCosts,
  type Finding,
  type FindingParams,
  type PlanRuleSettings,
  type RuleId,
} from './rules.ts';

export interface PlanContext {
  /** The workspace's professionals: its collection keyed by id, a list of professionals, or their ids. */
  professionals: Readonly<Record<string, Professional>> | readonly Professional[] | readonly string[];
  /** The contacts of the plan's relation(s), as a list or keyed by id (others are ignored). */
  contacts: readonly Contact[] | Readonly<Record<string, Contact>>;
  /** `YYYY-MM-DD`. */
  today: string;
  /** Thresholds; DEFAULT_PLAN_RULES when left out. */
  settings?: Partial<PlanRuleSettings>;
}

const finding = (id: RuleId, path: string, params?: FindingParams): Finding =>
  params === undefined ? { id, severity: RULES[id], path } : { id, severity: RULES[id], path, params };

export function validatePlan(plan: unknown, ctx: PlanContext): Finding[] {
  try {
    const findings = [...schemaFindings(plan), ...ruleFindings(readPlan(plan), ctx)];
    return findings.sort(compareFindings);
  } catch {
    // Only hostile input gets here (a throwing getter, a revoked proxy): report it, never crash the view.
    return [finding('schema.invalid', '', { code: 'unreadable', en: 'cannot be read', nl: 'is onleesbaar' })];
  }
}

function schemaFindings(plan: unknown): Finding[] {
  const parsed = parseWith(AccountPlanDoc, plan);
  if (parsed.ok) return [];
  return parsed.issues.map((issue) =>
    finding('schema.invalid', issue.path, { code: issue.code, en: issue.text.en, nl: issue.text.nl }),
  );
}

function ruleFindings(view: PlanView, ctx: PlanContext): Finding[] {
  const context = isRecord(ctx) ? ctx : ({} as Partial<PlanContext>);
  const settings = planRuleSettings(isRecord(context.settings) ? context.settings : undefined);
  const today = typeof context.today === 'string' ? dayNumber(context.today) : null;
  const active = view.actions.filter((a) => isActive(a.status));
  return [
    ...goalFindings(view, active),
    ...actionFindings(view, active, idsOf(context.professionals), today),
    ...budgetFindings(view, active),
    ...view.emptySections.map((s) => finding('section.empty', s.path, { section: s.section })),
    ...staleFindings(view, today, settings.staleAfterDays),
    ...crowdedFindings(active, settings.maxActivitiesPerQuadrant),
    ...deciderFindings(view, context.contacts),
  ];
}

function goalFindings(view: PlanView, active: readonly ActionView[]): Finding[] {
  if (view.goals.length === 0) return [finding('plan.noGoals', 'goals')];
  const served = new Set<string>();
  for (const a of active) if (a.goal.kind === 'set') served.add(a.goal.id);
  const out: Finding[] = [];
  for (const g of view.goals) {
    if (!g.readable) continue;
    const path = `goals.${g.key}`;
    if (g.missing.length > 0)
      out.push(finding('goal.notMeasurable', path, { goal: g.label, missing: g.missing.join(',') }));
    if (!served.has(g.key)) out.push(finding('goal.noActions', path, { goal: g.label }));
  }
  return out;
}

function actionFindings(
  view: PlanView,
  active: readonly ActionView[],
  professionals: ReadonlySet<string> | null,
  today: number | null,
): Finding[] {
  const goalKeys = new Set(view.goals.map((g) => g.key));
  const out: Finding[] = [];
  for (const a of active) {
    const at = (field: string) => `actions.${a.key}.${field}`;
    const action = a.label;
    if (a.owner.kind === 'missing') out.push(finding('action.noOwner', at('ownerId'), { action }));
    else if (a.owner.kind === 'set' && professionals && !professionals.has(a.owner.id))
      out.push(finding('action.ownerUnknown', at('ownerId'), { action, ownerId: a.owner.id }));
    if (a.due.kind === 'missing') out.push(finding('action.noDue', at('due'), { action }));
    else if (a.due.kind === 'set' && a.status === 'planned' && today !== null && a.due.day < today)
      out.push(finding('action.overdue', at('due'), { action, due: a.due.date, days: today - a.due.day }));
    if (a.goal.kind === 'missing') out.push(finding('action.noGoal', at('goalId'), { action }));
    else if (a.goal.kind === 'set' && !goalKeys.has(a.goal.id))
      out.push(finding('action.goalUnknown', at('goalId'), { action, goalId: a.goal.id }));
    if (a.kpiGaps && a.kpiGaps.length > 0)
      out.push(finding('action.noKpi', at('kpi'), { action, missing: a.kpiGaps.join(',') }));
  }
  return out;
}

function budgetFindings(view: PlanView, active: readonly ActionView[]): Finding[] {
  if (view.budget === null) return [];
  const total = sumCosts(active.flatMap((a) => (a.cost === null ? [] : [a.cost])));
  return exceedsBudget(total, view.budget)
    ? [finding('budget.exceeded', 'budget', { budget: view.budget, total, over: total - view.budget })]
    : [];
}

function staleFindings(view: PlanView, today: number | null, staleAfterDays: number): Finding[] {
  if (today === null || view.updatedOn === null) return [];
  const updated = dayNumber(view.updatedOn);
  if (updated === null || today - updated < staleAfterDays) return [];
  return [finding('plan.stale', 'updatedAt', { updatedOn: view.updatedOn, days: today - updated })];
}

function crowdedFindings(active: readonly ActionView[], limit: number): Finding[] {
  const counts = new Map<Quadrant, number>();
  for (const a of active) if (a.quadrant) counts.set(a.quadrant, (counts.get(a.quadrant) ?? 0) + 1);
  return QUADRANTS.filter((q) => (counts.get(q) ?? 0) > limit).map((quadrant) =>
    finding('p4.crowded', 'actions', { quadrant, count: counts.get(quadrant) ?? 0, limit }),
  );
}

function deciderFindings(view: PlanView, contacts: unknown): Finding[] {
  const list = Array.isArray(contacts)
    ? (contacts as unknown[])
    : isRecord(contacts)
      ? Object.values(contacts)
      : null;
  if (list === null) return [];
  const relations = view.relationIds ? new Set(view.relationIds) : null;
  const own = list.filter(
    (c) =>
      isRecord(c) &&
      (relations === null || (typeof c.relationId === 'string' && relations.has(c.relationId))),
  ) as Record<string, unknown>[];
  const hasDecider = own.some((c) => c.dmuRole === 'decider');
  // `contacts`: how many contacts the plan's relations have — none at all is said as such, not as "none of them".
  return hasDecider ? [] : [finding('dmu.noDecider', 'relationIds', { contacts: own.length })];
}

/** Professional ids from a record (its keys), a list of professionals or a list of ids; null when unknown. */
function idsOf(professionals: unknown): Set<string> | null {
  if (Array.isArray(professionals)) {
    const ids = new Set<string>();
    for (const p of professionals as unknown[]) {
      if (typeof p === 'string') ids.add(p);
      else if (isRecord(p) && typeof p.id === 'string') ids.add(p.id);
    }
    return ids;
  }
  return isRecord(professionals) ? new Set(entriesOf(professionals).map(([key]) => key)) : null;
}
