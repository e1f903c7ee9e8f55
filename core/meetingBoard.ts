/**
 * The relationship-management meeting board (DOMAIN.md §7, seed 000) as the screens need it, derived from
 * the board document and the plans. Pure: dates, clocks and the plans are parameters.
 *
 * - `meetingCardOf`: the workspace's index card of a board.
 * - `previousBoard`: which earlier board a new one links to.
 * - `agendaTime`: the agenda's timeboxes against the meeting's length.
 * - `reviewCandidates`: the actions that came due since the previous meeting (and the ones still open
 *   from before), each once, presenter by presenter.
 * - `elapsedSeconds`: the presentation timer every participant sees the same.
 * - `firstMoveDay` / `movedToProblem`: the earliest new due date a review item can be moved to.
 * - `meetingDateProblem` / `meetingDateNotes`: which dates a board refuses, and which it takes with a warning.
 * - `commitmentWhy`: the goal a commitment serves, by its title.
 */
import { addDays, isIsoDate } from './dates.ts';
import type { AccountPlanDoc, Commitment, MeetingBoardDoc, MeetingCard, ReviewItem } from './model/index.ts';

/** A meeting's planned length when the board has none, minutes (doc/kinds/meeting.ts uses the same). */
export const DEFAULT_LENGTH_MINUTES = 90;

/** Agenda items in presenting order (by `order`, ties by id so every client agrees). */
export function orderedAgenda(doc: Pick<MeetingBoardDoc, 'agenda'>): MeetingBoardDoc['agenda'][string][] {
  return Object.values(doc.agenda).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** The workspace's card of a board. `updatedAt`: the board's last change (ISO date-time). */
export function meetingCardOf(doc: MeetingBoardDoc, updatedAt: string): MeetingCard {
  return {
    id: doc.id,
    title: doc.title,
    date: doc.date,
    status: doc.live.status,
    facilitatorId: doc.facilitatorId,
    previousBoardId: doc.previousBoardId,
    presentations: Object.keys(doc.agenda).length,
    commitments: Object.keys(doc.commitments).length,
    updatedAt,
    deleted: Boolean(doc.deletedAt),
  };
}

/**
 * The board a new board on `date` (YYYY-MM-DD) follows: the latest board dated on or before `date` (ties: the
 * one made last, by `updatedAt`), excluding `exceptId` (the new board itself) and deleted boards. Null when
 * there is none.
 */
export function previousBoard(
  cards: readonly MeetingCard[],
  date: string,
  exceptId: string | null = null,
): MeetingCard | null {
  let best: MeetingCard | null = null;
  for (const card of cards) {
    if (card.id === exceptId || card.deleted === true || card.date > date) continue;
    if (
      !best ||
      card.date > best.date ||
      (card.date === best.date && (card.updatedAt > best.updatedAt || card.id > best.id))
    )
      best = card;
  }
  return best;
}

/** The agenda's planned minutes against the meeting's: `over` when the timeboxes do not fit. */
export interface AgendaTime {
  totalMinutes: number;
  lengthMinutes: number;
  /** lengthMinutes − totalMinutes (negative when over). */
  leftMinutes: number;
  over: boolean;
}

export function agendaTime(doc: Pick<MeetingBoardDoc, 'agenda' | 'lengthMinutes'>): AgendaTime {
  const totalMinutes = Object.values(doc.agenda).reduce((sum, item) => sum + item.timeboxMinutes, 0);
  const lengthMinutes = doc.lengthMinutes ?? DEFAULT_LENGTH_MINUTES;
  return {
    totalMinutes,
    lengthMinutes,
    leftMinutes: lengthMinutes - totalMinutes,
    over: totalMinutes > lengthMinutes,
  };
}

/** The id of the review item of one action: the same on every client, so collecting twice adds nothing. */
export const reviewItemId = (planId: string, actionId: string): string => `rv-${planId}-${actionId}`;

/** A review item to add: what `addReviewItem` takes, with its deterministic id. */
export type ReviewCandidate = Pick<ReviewItem, 'id' | 'planId' | 'actionId' | 'presenterId'>;

/**
 * The actions this meeting reviews (DOMAIN.md §7 "review of the actions that came due since the last meeting
 * … carried over from the previous board"): every action with a due date on or before `through` (the board's
 * date) that either came due after `after` (the previous board's date; null: no previous board, so every
 * action due so far) or is still open (`planned`) — what was not done last time comes back. Cancelled actions
 * are never reviewed. Sorted presenter by presenter (plan owner, else action owner), then by due date.
 * `plans`: the plan documents at hand. Actions already on the board (`existing` ids) are left out.
 */
export function reviewCandidates(
  plans: readonly AccountPlanDoc[],
  window: { after: string | null; through: string },
  existing: ReadonlySet<string> = new Set(),
): ReviewCandidate[] {
  const out: (ReviewCandidate & { due: string })[] = [];
  for (const plan of plans) {
    for (const action of Object.values(plan.actions)) {
      if (!action.due || action.due > window.through || action.status === 'cancelled') continue;
      const cameDue = window.after === null || action.due > window.after;
      if (!cameDue && action.status !== 'planned') continue;
      const id = reviewItemId(plan.id, action.id);
      if (existing.has(id)) continue;
      out.push({
        id,
        planId: plan.id,
        actionId: action.id,
        presenterId: plan.ownerId ?? action.ownerId ?? null,
        due: action.due,
      });
    }
  }
  out.sort(
    (a, b) =>
      (a.presenterId ?? '\uffff').localeCompare(b.presenterId ?? '\uffff') ||
      a.due.localeCompare(b.due) ||
      a.id.localeCompare(b.id),
  );
  return out.map(({ due: _due, ...candidate }) => candidate);
}

/**
 * Seconds the current presentation has run: `now` minus `timerStartedAt`, both on the same clock. Callers
 * pass the relay's clock (the client's clock corrected by its measured offset), so participants whose clocks
 * differ by minutes still see the same time. Never negative; null when no timer runs.
 */
export function elapsedSeconds(timerStartedAt: string | null, nowMs: number): number | null {
  if (!timerStartedAt) return null;
  const started = Date.parse(timerStartedAt);
  if (Number.isNaN(started)) return null;
  return Math.max(0, Math.floor((nowMs - started) / 1000));
}

/** The day after `date` (YYYY-MM-DD → YYYY-MM-DD, calendar days, no time zone involved). */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The earliest due date an action reviewed on the board of `boardDate` can be moved to: the day after the
 * meeting. Why the meeting's date and not "today": the review happens at the meeting, and an action moved to
 * a day on or before it would be overdue the moment it is moved (and come back to the next meeting as not
 * done); the board's date is also the same on every device, where "today" depends on each one's clock and
 * time zone, and a board filled in a day after the meeting still judges the dates as the meeting did.
 */
export const firstMoveDay = (boardDate: string): string => dayAfter(boardDate);

/**
 * Why `movedTo` cannot be the new due date of a review item on the board of `boardDate` (both YYYY-MM-DD):
 * `missing` (none given or not a date), `notAfterMeeting` (on or before the meeting, see firstMoveDay), or
 * null when it is fine.
 */
export function movedToProblem(
  boardDate: string,
  movedTo: string | null,
): 'missing' | 'notAfterMeeting' | null {
  if (!movedTo || !/^\d{4}-\d{2}-\d{2}$/.test(movedTo) || Number.isNaN(Date.parse(`${movedTo}T00:00:00Z`)))
    return 'missing';
  return movedTo < firstMoveDay(boardDate) ? 'notAfterMeeting' : null;
}

/**
 * The days a meeting board can be dated, inclusive (YYYY-MM-DD). A date outside them is a slip of the keyboard
 * (a date field fills the year digit by digit: "0002", "0020", "0202"; "20266"), not a meeting a firm held or
 * plans: Haard's records start in 2000 (the tournament's years too, core/model/workspace.ts).
 */
export const MEETING_DATES = { first: '2000-01-01', last: '2099-12-31' } as const;

/**
 * Why `date` cannot be a meeting board's date: `notADate` (empty, not `YYYY-MM-DD`, or no real day such as 31
 * February), `outOfRange` (outside MEETING_DATES), or null when it can. A date in the past is not a problem: a
 * firm may record a meeting after it was held (see meetingDateNotes for the warning it gets).
 */
export function meetingDateProblem(date: unknown): 'notADate' | 'outOfRange' | null {
  if (!isIsoDate(date)) return 'notADate';
  return date < MEETING_DATES.first || date > MEETING_DATES.last ? 'outOfRange' : null;
}

/** Days ahead of today after which a meeting's date is worth a second look (a year: is the year right?). */
export const FAR_AHEAD_DAYS = 366;

/**
 * What to say beside an accepted meeting date, for a meeting that has not started (once it runs or has ended,
 * its date is what it was): `past` — before `today` (fine for a meeting recorded afterwards; it lists under
 * the past meetings), `farAhead` — more than FAR_AHEAD_DAYS after today, `beforePrevious` — before the date of
 * the board it follows (its review then has no days to cover). All dates YYYY-MM-DD; none for a refused date.
 */
export function meetingDateNotes(
  date: string,
  context: { today: string; previousDate: string | null; status: MeetingBoardDoc['live']['status'] },
): ('past' | 'farAhead' | 'beforePrevious')[] {
  if (meetingDateProblem(date) !== null || context.status !== 'notStarted') return [];
  const notes: ('past' | 'farAhead' | 'beforePrevious')[] = [];
  if (date < context.today) notes.push('past');
  const farFrom = addDays(context.today, FAR_AHEAD_DAYS);
  if (farFrom !== null && date > farFrom) notes.push('farAhead');
  if (context.previousDate !== null && date < context.previousDate) notes.push('beforePrevious');
  return notes;
}

/**
 * Why a commitment was made — the title of the plan's goal it serves — for the summary and its CSV: the title
 * carried on the board when it was made (`goalTitle`); for a commitment made before the board carried it, the
 * goal's title in `plan` (the plan document when it is on this device, else null/undefined); '' when it serves
 * no goal or the goal cannot be named (the plan is not here, or the goal was removed since).
 */
export function commitmentWhy(
  commitment: Pick<Commitment, 'goalId' | 'goalTitle'>,
  plan: Pick<AccountPlanDoc, 'goals'> | null | undefined,
): string {
  if (!commitment.goalId) return '';
  if (commitment.goalTitle) return commitment.goalTitle;
  return plan?.goals[commitment.goalId]?.title ?? '';
}
