/**
 * The yearly knock-out tournament for new XXL clients (DOMAIN.md §8, seed 004): entry statuses derived
 * from the rounds' GO / NO GO decisions, the nurture pool, and the checks on rounds.
 *
 * How an entry moves: it plays the round it entered in (`enteredRound`); a GO there means it plays the
 * next round, a NO GO sends it back to the nurture pool (*kweekvijver*), no decision yet means it is still
 * active in that round. Reaching round 6 (`won`, size 1) means won. Rounds are read by their key
 * ("0".."6") in `doc.rounds`; a missing round has no decisions. A decision recorded for an entry that does
 * not play that round (it was knocked out before, never got there, or no longer exists) changes nothing
 * and is reported as `decision.notPlaying`.
 */
import { dayNumber, daysBetween } from './dates.ts';
import { todayNumber } from './fire.ts';
import { ROUND_SIZES, type Round, type TournamentDoc, type TournamentEntry } from './model/index.ts';

export const LAST_ROUND = ROUND_SIZES.length - 1;
/** A round takes 6–10 weeks: 42–70 days from start to end, both inclusive. */
export const ROUND_MIN_DAYS = 42;
export const ROUND_MAX_DAYS = 70;

export type EntryStatus =
  | { state: 'active'; round: number }
  | { state: 'eliminated'; round: number }
  | { state: 'won'; round: number };

const roundOf = (doc: Pick<TournamentDoc, 'rounds'>, index: number): Round | undefined =>
  Object.hasOwn(doc.rounds, String(index)) ? doc.rounds[String(index)] : undefined;

const decisionOf = (doc: Pick<TournamentDoc, 'rounds'>, index: number, entryId: string) => {
  const decisions = roundOf(doc, index)?.decisions;
  return decisions && Object.hasOwn(decisions, entryId) ? decisions[entryId] : undefined;
};

/** Where one entry stands, walking the decisions from the round it entered in. */
export function entryStatus(doc: Pick<TournamentDoc, 'rounds'>, entry: TournamentEntry): EntryStatus {
  for (let r = Math.max(0, entry.enteredRound); r < LAST_ROUND; r++) {
    const decision = decisionOf(doc, r, entry.id);
    if (decision === 'noGo') return { state: 'eliminated', round: r };
    if (decision !== 'go') return { state: 'active', round: r };
  }
  return { state: 'won', round: LAST_ROUND };
}

/** The status of every entry, by entry id. */
export function entryStatuses(doc: TournamentDoc): Record<string, EntryStatus> {
  const out: Record<string, EntryStatus> = {};
  for (const [id, entry] of Object.entries(doc.entries)) out[id] = entryStatus(doc, entry);
  return out;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ids of the entries that play round `index` (entered at or before it and got GO until it), sorted. */
export function roundPlayers(doc: TournamentDoc, index: number): string[] {
  return Object.entries(doc.entries)
    .filter(([, entry]) => {
      if (entry.enteredRound > index) return false;
      const status = entryStatus(doc, entry);
      return status.round >= index;
    })
    .map(([id]) => id)
    .sort(byString);
}

export interface NurtureEntry {
  entryId: string;
  name: string;
  relationId: string | null;
  /** The round in which it got its NO GO. */
  round: number;
}

/** The entries that got a NO GO, back to the nurture pool: by round, then name, then id. */
export function nurturePool(doc: TournamentDoc): NurtureEntry[] {
  const pool: NurtureEntry[] = [];
  for (const [id, entry] of Object.entries(doc.entries)) {
    const status = entryStatus(doc, entry);
    if (status.state === 'eliminated')
      pool.push({ entryId: id, name: entry.name, relationId: entry.relationId, round: status.round });
  }
  return pool.sort((a, b) => a.round - b.round || byString(a.name, b.name) || byString(a.entryId, b.entryId));
}

export type TournamentRuleId =
  'round.duration' | 'round.size' | 'round.advanceCount' | 'entry.undecided' | 'decision.notPlaying';

export const TOURNAMENT_RULES: Readonly<Record<TournamentRuleId, 'warning' | 'info'>> = {
  'round.duration': 'warning',
  'round.size': 'warning',
  'round.advanceCount': 'warning',
  'entry.undecided': 'info',
  'decision.notPlaying': 'warning',
};

export interface TournamentFinding {
  id: TournamentRuleId;
  severity: 'warning' | 'info';
  /** Dotted path of the field in the document, e.g. `rounds.2.decisions.e7`. */
  path: string;
  /** What the UI's message needs, e.g. `{ round: 2, days: 35, min: 42, max: 70 }`. */
  params: Record<string, string | number>;
}

const RULE_ORDER = Object.keys(TOURNAMENT_RULES) as TournamentRuleId[];

/**
 * The checks on a tournament at `today`:
 * - `round.duration` (warning): a round with start and end runs outside 42–70 days (end before start too);
 * - `round.size` (warning): more entries play a round than its size (64, 32, … 1);
 * - `round.advanceCount` (warning): the GO decisions of round i (0–5) differ from the size of round i+1 —
 *   too many as soon as they exceed it; too few once the round is over (its end is before today) or every
 *   entry playing it has a decision;
 * - `entry.undecided` (info): the round's end is before today and an entry playing it has no decision;
 * - `decision.notPlaying` (warning): a decision for an entry that does not play that round.
 * Findings come ordered by round, then rule, then entry id.
 */
export function tournamentChecks(doc: TournamentDoc, today: string): TournamentFinding[] {
  const now = todayNumber(today);
  const findings: (TournamentFinding & { round: number; entry: string })[] = [];
  const push = (id: TournamentRuleId, round: number, path: string, params: TournamentFinding['params']) =>
    findings.push({
      id,
      severity: TOURNAMENT_RULES[id],
      path,
      params,
      round,
      entry: typeof params.entryId === 'string' ? params.entryId : '',
    });

  for (let i = 0; i <= LAST_ROUND; i++) {
    const round = roundOf(doc, i);
    const size = ROUND_SIZES[i] ?? 0;
    const players = roundPlayers(doc, i);
    const playing = new Set(players);
    const decisions = round?.decisions ?? {};
    const ended = round?.end != null && (dayNumber(round.end) ?? Infinity) < now;

    if (round?.start != null && round.end != null) {
      const days = daysBetween(round.start, round.end);
      if (days !== null && (days < ROUND_MIN_DAYS || days > ROUND_MAX_DAYS))
        push('round.duration', i, `rounds.${i}`, {
          round: i,
          days,
          min: ROUND_MIN_DAYS,
          max: ROUND_MAX_DAYS,
        });
    }
    if (players.length > size)
      push('round.size', i, `rounds.${i}`, { round: i, players: players.length, size });

    if (i < LAST_ROUND) {
      const go = players.filter((id) => decisionOf(doc, i, id) === 'go').length;
      const expected = ROUND_SIZES[i + 1] ?? 0;
      const allDecided = players.length > 0 && players.every((id) => decisionOf(doc, i, id) !== undefined);
      if (go > expected || (go < expected && players.length > 0 && (ended || allDecided)))
        push('round.advanceCount', i, `rounds.${i}.decisions`, { round: i, go, expected });
    }

    if (ended && i < LAST_ROUND) {
      for (const id of players)
        if (decisionOf(doc, i, id) === undefined)
          push('entry.undecided', i, `rounds.${i}.decisions.${id}`, { round: i, entryId: id });
    }

    for (const id of Object.keys(decisions).sort(byString))
      if (!playing.has(id))
        push('decision.notPlaying', i, `rounds.${i}.decisions.${id}`, { round: i, entryId: id });
  }

  return findings
    .sort(
      (a, b) =>
        a.round - b.round ||
        RULE_ORDER.indexOf(a.id) - RULE_ORDER.indexOf(b.id) ||
        byString(a.entry, b.entry),
    )
    .map(({ id, severity, path, params }) => ({ id, severity, path, params }));
}
