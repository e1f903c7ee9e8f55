/**
 * The timeline strip of a plan (the tijdpad, DOMAIN.md §4.6): its actions by due date and its goals by
 * deadline, laid out month by month, with today's place marked. Pure (no clock, no DOM): `today` is passed in.
 *
 * Rules:
 * - Actions come from core's `timeline` (cancelled left out; order: due date, plan order, id). An action is
 *   **overdue** by the same test as the `action.overdue` finding: status `planned` and `due < today`.
 * - Goals appear on their deadline; a goal has no status, so a passed deadline is `past`, never overdue.
 * - On the same date actions come before goals; goals by plan order, then id.
 * - Months run from the earliest to the latest dated item, today's month always included, so distance on the
 *   strip reads as time — except that a run of `LONG_GAP` or more empty months is left out (nine empty months
 *   pushed a goal's deadline off a 1366 px screen). A strip longer than `maxMonths` keeps only the months with
 *   items and today's month. Each kept month says how many empty months were skipped before it.
 * - Actions without a due date are listed apart (`undated`); a strip with nothing dated has no months.
 */
import { timeline } from '../../../../../core/plan/index.ts';
import type { AccountPlanDoc, ActionStatus } from '../../../../../core/model/index.ts';

export interface StripItem {
  kind: 'action' | 'goal';
  id: string;
  /** The action's "what", or the goal's title. */
  label: string;
  /** `YYYY-MM-DD`; null only in `undated`. */
  date: string | null;
  /** The action's status; null for goals. */
  status: ActionStatus | null;
  /** Planned action whose due date has passed. */
  overdue: boolean;
  /** Dated before today (done actions and goals too). */
  past: boolean;
  /** The action's owner (a professional id); null for goals and unowned actions. */
  ownerId: string | null;
}

export interface StripMonth {
  /** `YYYY-MM`. */
  month: string;
  items: StripItem[];
  /** Today falls in this month. */
  current: boolean;
  /** Empty months left out just before this one (only on long strips). */
  skippedBefore: number;
}

export interface TimelineStripModel {
  months: StripMonth[];
  /** Where today falls inside its month, 0–1 (the middle of the day). */
  todayFraction: number;
  undated: StripItem[];
  /** Number of overdue actions. */
  overdue: number;
}

const monthIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const monthOf = (index: number): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const daysInMonth = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** Builds the strip; `today` is `YYYY-MM-DD`. `maxMonths` (default 36) bounds a strip without holes. */
export function timelineStrip(
  plan: Pick<AccountPlanDoc, 'actions' | 'goals'>,
  today: string,
  options: { maxMonths?: number } = {},
): TimelineStripModel {
  const maxMonths = options.maxMonths ?? 36;
  const dated: StripItem[] = [];
  const undated: StripItem[] = [];
  for (const group of timeline(plan)) {
    for (const a of group.actions) {
      const item: StripItem = {
        kind: 'action',
        id: a.id,
        label: a.what,
        date: a.due,
        status: a.status,
        overdue: a.status === 'planned' && a.due !== null && a.due < today,
        past: a.due !== null && a.due < today,
        ownerId: a.ownerId,
      };
      (a.due === null ? undated : dated).push(item);
    }
  }
  const goals = Object.values(plan.goals)
    .filter((g) => g.deadline !== null)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const g of goals) {
    dated.push({
      kind: 'goal',
      id: g.id,
      label: g.title,
      date: g.deadline,
      status: null,
      overdue: false,
      past: g.deadline! < today,
      ownerId: null,
    });
  }
  // Stable sort: by date only, so actions (pushed first, in timeline order) precede goals on a tie.
  dated.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));

  const todayMonth = today.slice(0, 7);
  const overdue = dated.filter((i) => i.overdue).length;
  const todayFraction = (Number(today.slice(8, 10)) - 0.5) / daysInMonth(todayMonth);
  if (dated.length === 0) return { months: [], todayFraction, undated, overdue };

  const byMonth = new Map<number, StripItem[]>();
  for (const item of dated) {
    const k = monthIndex(item.date!.slice(0, 7));
    const list = byMonth.get(k);
    if (list) list.push(item);
    else byMonth.set(k, [item]);
  }
  const now = monthIndex(todayMonth);
  const first = Math.min(now, ...byMonth.keys());
  const last = Math.max(now, ...byMonth.keys());
  const dense = last - first + 1 <= maxMonths;
  const keep = dense
    ? withoutLongGaps(first, last, (k) => byMonth.has(k) || k === now)
    : [...new Set([...byMonth.keys(), now])].sort((a, b) => a - b);
  const months: StripMonth[] = keep.map((k, i) => ({
    month: monthOf(k),
    items: byMonth.get(k) ?? [],
    current: k === now,
    skippedBefore: i === 0 ? 0 : k - keep[i - 1]! - 1,
  }));
  return { months, todayFraction, undated, overdue };
}

/** Empty months in a row from which a run is left out of a strip (shorter runs stay: they show time). */
export const LONG_GAP = 3;

/** Month indexes `first`..`last`, leaving out every run of `LONG_GAP` or more months that `kept` rejects. */
function withoutLongGaps(first: number, last: number, kept: (k: number) => boolean): number[] {
  const out: number[] = [];
  let run: number[] = [];
  for (let k = first; k <= last; k++) {
    if (!kept(k)) {
      run.push(k);
      continue;
    }
    if (run.length < LONG_GAP) out.push(...run);
    run = [];
    out.push(k);
  }
  return out;
}
