/**
 * What was promised (README: "sees at a glance … what was promised"; DOMAIN.md §4.5 and §7): the open actions
 * of every account plan of a workspace, for the Keep warm screen, and the contact moment a done action can be
 * logged as (DOMAIN.md §6). Pure functions of plan data and a `today` (`YYYY-MM-DD`).
 *
 * Decisions, so every screen agrees:
 * - **Open** is status `planned`: `done` and `cancelled` actions were kept or let go, not promised any more.
 *   A commitment made in a meeting is an action in its plan (doc/commitments.ts), so it is here once it landed.
 * - **Overdue** is the plan rule `action.overdue` (core/plan/rules.ts): planned and its due date is before
 *   `today`; due today is not overdue yet.
 * - **Order**: by due date, earliest first — which puts the overdue ones first, the longest overdue on top —
 *   then actions without a due date (seed 000: "the biggest pitfall is that it stays vague … when"); ties by
 *   plan title, then what, then plan id and action id (code-unit order), so the order never depends on the input.
 * - A deleted plan's actions are not promised any more (the caller passes the plans in use, as the review does).
 * - An action with a due date that is not a real date counts as one without a date (a peer's bad data never
 *   breaks the list).
 */
import { dayNumber } from './dates.ts';
import type { AccountPlanDoc, ContactType } from './model/index.ts';
import { todayNumber } from './fire.ts';

/** One open action as the Keep warm screen lists it. */
export interface PromisedAction {
  planId: string;
  planTitle: string;
  actionId: string;
  /** The relations of the plan (one, or a group), in the plan's order. */
  relationIds: string[];
  what: string;
  /** Who: a professional id; null when nobody was named. */
  ownerId: string | null;
  /** When, `YYYY-MM-DD`; null when no (real) date was set. */
  due: string | null;
  /** Days from `today` to the due date: negative when overdue, 0 due today, null without a date. */
  daysLeft: number | null;
  overdue: boolean;
  /** The meeting board a commitment came from; null when written in the plan. */
  fromBoardId: string | null;
}

/** The plan data this module reads (a whole `AccountPlanDoc` fits). */
export type PlanActions = Pick<AccountPlanDoc, 'id' | 'title' | 'relationIds' | 'actions'>;

/** The open actions of one plan, unordered. `today` must be a date (RangeError otherwise). */
export function openActionsOf(plan: PlanActions, today: string): PromisedAction[] {
  const now = todayNumber(today);
  const out: PromisedAction[] = [];
  for (const action of Object.values(plan.actions)) {
    if (action.status !== 'planned') continue;
    const day = action.due === null ? null : dayNumber(action.due);
    const daysLeft = day === null ? null : day - now;
    out.push({
      planId: plan.id,
      planTitle: plan.title,
      actionId: action.id,
      relationIds: [...plan.relationIds],
      what: action.what,
      ownerId: action.ownerId ?? null,
      due: day === null ? null : action.due,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
      fromBoardId: action.source?.boardId ?? null,
    });
  }
  return out;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of the promised list (see the module comment): due date, undated last, then stable ties. */
export function comparePromised(a: PromisedAction, b: PromisedAction): number {
  const da = a.daysLeft ?? Infinity;
  const db = b.daysLeft ?? Infinity;
  return (
    (da === db ? 0 : da < db ? -1 : 1) ||
    byString(a.planTitle, b.planTitle) ||
    byString(a.what, b.what) ||
    byString(a.planId, b.planId) ||
    byString(a.actionId, b.actionId)
  );
}

/** Who the list is filtered on: everyone, one professional, or the actions nobody was named for. */
export type PromisedFilter = { who: 'everyone' } | { who: 'person'; id: string } | { who: 'nobody' };

/**
 * The promised actions of `plans` on `today`, ordered (see the module comment), filtered by `filter`
 * (default everyone). In: the plans in use (deleted ones left out by the caller), already-extracted per-plan
 * lists are accepted too (`openActionsOf` results, so a screen can cache them per plan).
 */
export function promisedActions(
  plans: readonly (PlanActions | readonly PromisedAction[])[],
  today: string,
  filter: PromisedFilter = { who: 'everyone' },
): PromisedAction[] {
  const all: PromisedAction[] = [];
  for (const p of plans) {
    const list = Array.isArray(p) ? (p as readonly PromisedAction[]) : openActionsOf(p as PlanActions, today);
    for (const a of list) if (matches(a, filter)) all.push(a);
  }
  return all.sort(comparePromised);
}

const matches = (a: PromisedAction, filter: PromisedFilter) =>
  filter.who === 'everyone' || (filter.who === 'nobody' ? a.ownerId === null : a.ownerId === filter.id);

/** How many actions each professional holds in `list` (by owner id; `null` for nobody named), and overdue. */
export function promisedCounts(list: readonly PromisedAction[]): {
  total: number;
  overdue: number;
  byOwner: Map<string | null, number>;
} {
  const byOwner = new Map<string | null, number>();
  let overdue = 0;
  for (const a of list) {
    byOwner.set(a.ownerId, (byOwner.get(a.ownerId) ?? 0) + 1);
    if (a.overdue) overdue++;
  }
  return { total: list.length, overdue, byOwner };
}

/**
 * The id of the contact moment a done action is logged as, for one of its plan's relations. Deterministic, so
 * the offer can tell it was logged already (by anyone, on any device) and a second click never logs it twice.
 */
export const actionContactId = (planId: string, actionId: string, relationId: string): string =>
  `action:${planId}:${actionId}:${relationId}`;

/**
 * The contact-log entry for "log this done action as a contact moment" (DOMAIN.md §6: the contact log): dated
 * `date` (the day it was done: today), with the action's owner as who of us took part, and the action's text as
 * the note. `type` is the user's choice. In: the plan id, the action, one relation of its plan.
 */
export function contactFromAction(
  planId: string,
  action: { id: string; what: string; ownerId: string | null },
  relationId: string,
  date: string,
  type: ContactType,
): {
  id: string;
  relationId: string;
  date: string;
  type: ContactType;
  professionalIds: string[];
  note: string;
} {
  return {
    id: actionContactId(planId, action.id, relationId),
    relationId,
    date,
    type,
    professionalIds: action.ownerId ? [action.ownerId] : [],
    note: action.what.trim(),
  };
}
