/**
 * Keep the fire burning (DOMAIN.md §6): how warm each relation is, what needs attention this week, and
 * the open after-care signals. Pure functions of the workspace data and a `today` (`YYYY-MM-DD`).
 *
 * Decisions, so every screen agrees:
 * - **Planned contact does not count.** A contact log entry dated after `today` is a plan, not a contact:
 *   it is ignored for the last contact, the days since and the yearly count — and its after-care signals
 *   (DOMAIN.md §6: signals come *from* after-care, so from a contact that took place) are not open yet:
 *   `openSignals` lists them from the entry's date on. Planned entries are kept, not refused: the relation
 *   page shows them as planned, and they start counting on their day without anyone editing them.
 * - **Every entry type counts** as a contact moment, newsletters included (seed 004: "let them hear
 *   something useful at least six times a year; a newsletter by e-mail is the most practical").
 *   One log entry is one contact moment, however many of their contacts took part.
 * - **No class, no fire.** A relation without an effective class (a kind that is not classified, or an
 *   incomplete score) has no cadence target: its `target` and `fire` are `null`, and it never shows
 *   in the attention list. Its last contact and yearly count are still reported.
 * - **"The last year"** is the 365 calendar days ending with `today`, both ends included:
 *   `0 ≤ today − date ≤ 364`.
 * - Entries whose date is not a real date are skipped (a peer's bad data never breaks the dashboard).
 */
import { dayNumber, fromDayNumber } from './dates.ts';
import type {
  AbcClass,
  CadenceSettings,
  ContactLogEntry,
  FollowUp,
  Relation,
  SignalKind,
} from './model/index.ts';

export type Fire = 'burning' | 'smouldering' | 'out';

/** A collection as stored (keyed by id) or as a plain list. */
export type Many<T> = Readonly<Record<string, T>> | readonly T[];

export const listOf = <T>(many: Many<T>): readonly T[] =>
  Array.isArray(many) ? (many as readonly T[]) : Object.values(many as Readonly<Record<string, T>>);

/** Length of "the last year" in days, `today` included. */
export const YEAR_DAYS = 365;
/** How far ahead the attention list looks: "this week". */
export const ATTENTION_HORIZON_DAYS = 7;

/** The day number of `today`; throws a RangeError when the caller passes something that is not a date. */
export function todayNumber(today: string): number {
  const n = dayNumber(today);
  if (n === null) throw new RangeError(`today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  return n;
}

/**
 * The fire for `daysSinceLast` days without contact against a target of `target` days:
 * `burning` when d ≤ t, `smouldering` when t < d ≤ 2t, `out` when d > 2t or never (`null`).
 */
export function fireOf(daysSinceLast: number | null, target: number): Fire {
  if (daysSinceLast === null || Number.isNaN(daysSinceLast)) return 'out';
  if (daysSinceLast <= target) return 'burning';
  if (daysSinceLast <= 2 * target) return 'smouldering';
  return 'out';
}

/** The cadence target in days for an effective class; `null` for a relation without a class. */
export function cadenceTarget(cls: AbcClass | null | undefined, cadence: CadenceSettings): number | null {
  return cls === 'A' || cls === 'B' || cls === 'C' ? cadence[cls] : null;
}

/**
 * The date of the latest contact with `relationId`, or `null` when there was none.
 * With `today`, entries dated after it (planned contact) are ignored — always pass it for anything shown
 * as "last contact"; without it every entry counts.
 */
export function lastContact(relationId: string, log: Many<ContactLogEntry>, today?: string): string | null {
  const limit = today === undefined ? Infinity : todayNumber(today);
  let best: number | null = null;
  for (const entry of listOf(log)) {
    if (entry.relationId !== relationId) continue;
    const day = dayNumber(entry.date);
    if (day === null || day > limit) continue;
    if (best === null || day > best) best = day;
  }
  return best === null ? null : fromDayNumber(best);
}

/** The `classes` input from a classification result (`classify(...).relations` of core/abc fits). */
export function classesOf(
  classified: readonly { id: string; class: AbcClass | null }[],
): Record<string, AbcClass | null> {
  return Object.fromEntries(classified.map((r) => [r.id, r.class]));
}

export interface FireRow {
  relationId: string;
  name: string;
  /** The effective class (override or computed); `null` when the relation has none. */
  class: AbcClass | null;
  /** Latest contact on or before today; `null` when never. */
  lastContact: string | null;
  /** Days from the last contact to today; `null` when never. */
  daysSince: number | null;
  /** Cadence target in days; `null` without a class. */
  target: number | null;
  /** `null` without a class (no target, no fire shown). */
  fire: Fire | null;
  /** Days past the target (negative: days left; `null` when never contacted or without target). */
  overdueBy: number | null;
  /** Contact moments in the 365 days up to and including today. */
  contactsLastYear: number;
  /** An A relation with fewer than `cadence.minContactsPerYearA` contact moments in the last year. */
  belowYearlyMinimum: boolean;
}

export interface FireReportInput {
  relations: Many<Relation>;
  /** Effective class per relation id; a missing id means no class. */
  classes: Readonly<Record<string, AbcClass | null>>;
  log: Many<ContactLogEntry>;
  cadence: CadenceSettings;
  today: string;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One row per relation, ordered by relation id (so the result does not depend on input order). */
export function fireReport(input: FireReportInput): FireRow[] {
  const today = todayNumber(input.today);
  const last = new Map<string, number>();
  const yearCount = new Map<string, number>();
  for (const entry of listOf(input.log)) {
    const day = dayNumber(entry.date);
    if (day === null || day > today) continue;
    const prev = last.get(entry.relationId);
    if (prev === undefined || day > prev) last.set(entry.relationId, day);
    if (today - day < YEAR_DAYS) yearCount.set(entry.relationId, (yearCount.get(entry.relationId) ?? 0) + 1);
  }
  const rows = listOf(input.relations).map((relation): FireRow => {
    const cls = Object.hasOwn(input.classes, relation.id) ? (input.classes[relation.id] ?? null) : null;
    const target = cadenceTarget(cls, input.cadence);
    const lastDay = last.get(relation.id);
    const daysSince = lastDay === undefined ? null : today - lastDay;
    const contactsLastYear = yearCount.get(relation.id) ?? 0;
    return {
      relationId: relation.id,
      name: relation.name,
      class: cls,
      lastContact: lastDay === undefined ? null : fromDayNumber(lastDay),
      daysSince,
      target,
      fire: target === null ? null : fireOf(daysSince, target),
      overdueBy: target === null || daysSince === null ? null : daysSince - target,
      contactsLastYear,
      belowYearlyMinimum: cls === 'A' && contactsLastYear < input.cadence.minContactsPerYearA,
    };
  });
  return rows.sort((a, b) => byString(a.relationId, b.relationId));
}

export type AttentionReason = 'out' | 'smouldering' | 'dueSoon';

export interface AttentionItem extends FireRow {
  /** Why it is on the list: its fire, or `dueSoon` when it is burning but passes its target this week. */
  reason: AttentionReason;
  /** The last day the fire still burns (last contact + target); `null` when never contacted. */
  dueBy: string | null;
}

const CLASS_RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };
const REASON_RANK: Record<AttentionReason, number> = { out: 0, smouldering: 1, dueSoon: 2 };

/**
 * The A relations below their yearly minimum of contact moments (DOMAIN.md §6, `cadence.minContactsPerYearA`),
 * those furthest below first: fewest contact moments in the last year, then by name, then by relation id
 * (code-unit order, as `attentionList`). In: `fireReport` rows; out: the rows with `belowYearlyMinimum`.
 */
export function belowMinimumList(report: readonly FireRow[]): FireRow[] {
  return report
    .filter((r) => r.belowYearlyMinimum)
    .sort(
      (a, b) =>
        a.contactsLastYear - b.contactsLastYear ||
        byString(a.name, b.name) ||
        byString(a.relationId, b.relationId),
    );
}

/**
 * What needs attention this week, most important first. The rows are re-evaluated at `today` from their
 * last contact and target (so a cached report stays right on the next day). A relation is on the list
 * when it has a target and its fire is not burning, or it will pass its target within the next 7 days
 * (`daysSince + 7 > target`). Relations without a class are never on it.
 *
 * Order: class A, B, C; then `out`, `smouldering`, `dueSoon`; then most days beyond the target first
 * (never contacted counts as the most overdue); then by name, then by relation id (code-unit order, so the
 * order is the same in every locale and independent of the input order).
 */
export function attentionList(report: readonly FireRow[], today: string): AttentionItem[] {
  const now = todayNumber(today);
  const items: AttentionItem[] = [];
  for (const row of report) {
    if (row.target === null || row.class === null) continue;
    const lastDay = row.lastContact === null ? null : dayNumber(row.lastContact);
    const daysSince = lastDay === null || lastDay > now ? null : now - lastDay;
    const fire = fireOf(daysSince, row.target);
    const dueSoon = daysSince !== null && daysSince + ATTENTION_HORIZON_DAYS > row.target;
    if (fire === 'burning' && !dueSoon) continue;
    items.push({
      ...row,
      lastContact: lastDay === null || daysSince === null ? null : row.lastContact,
      daysSince,
      fire,
      overdueBy: daysSince === null ? null : daysSince - row.target,
      reason: fire === 'burning' ? 'dueSoon' : fire,
      dueBy: lastDay === null || daysSince === null ? null : fromDayNumber(lastDay + row.target),
    });
  }
  const overdue = (item: AttentionItem) => item.overdueBy ?? Infinity;
  return items.sort(
    (a, b) =>
      CLASS_RANK[a.class ?? 'C'] - CLASS_RANK[b.class ?? 'C'] ||
      REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
      (overdue(a) === overdue(b) ? 0 : overdue(a) > overdue(b) ? -1 : 1) ||
      byString(a.name, b.name) ||
      byString(a.relationId, b.relationId),
  );
}

export interface OpenSignal {
  relationId: string;
  entryId: string;
  signalId: string;
  /** The date of the log entry the signal came with. */
  date: string;
  kind: SignalKind;
  note: string;
  followUp: FollowUp | null;
}

/**
 * The signals not yet handled on `today` (`YYYY-MM-DD`), newest first (then by entry id and signal id, for
 * a stable order). An entry dated after `today` is a planned contact: its signals are not open yet (they
 * appear on the entry's date). An entry whose date is not a real date is skipped, like everywhere in this
 * module. Throws a RangeError when `today` is not a date.
 */
export function openSignals(log: Many<ContactLogEntry>, today: string): OpenSignal[] {
  const now = todayNumber(today);
  const open: OpenSignal[] = [];
  for (const entry of listOf(log)) {
    const day = dayNumber(entry.date);
    if (day === null || day > now) continue;
    for (const [signalId, signal] of Object.entries(entry.signals)) {
      if (signal.handled) continue;
      open.push({
        relationId: entry.relationId,
        entryId: entry.id,
        signalId: signal.id || signalId,
        date: entry.date,
        kind: signal.kind,
        note: signal.note,
        followUp: signal.followUp,
      });
    }
  }
  return open.sort(
    (a, b) => byString(b.date, a.date) || byString(a.entryId, b.entryId) || byString(a.signalId, b.signalId),
  );
}

export type FireCounts = Record<AbcClass, Record<Fire, number>>;

/**
 * The fire of every classified relation as a class × fire table (DOMAIN.md §6, the dashboard's overview):
 * how many A, B and C relations burn, smoulder or are out. Relations without a class are not counted.
 */
export function fireCounts(report: readonly FireRow[]): FireCounts {
  const zero = (): Record<Fire, number> => ({ burning: 0, smouldering: 0, out: 0 });
  const counts: FireCounts = { A: zero(), B: zero(), C: zero() };
  for (const row of report) if (row.class !== null && row.fire !== null) counts[row.class][row.fire]++;
  return counts;
}
