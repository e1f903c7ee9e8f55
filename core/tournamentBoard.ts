/**
 * The XXL tournament as a bracket (DOMAIN.md §8, seed 004): what the board screen and the workspace's
 * tournament card show, derived from the document by core/tournament.ts's rules. Pure: `today` and the
 * name order are parameters.
 */
import { dayNumber, daysBetween } from './dates.ts';
import {
  ROUND_KEYS,
  ROUND_SIZES,
  type Decision,
  type RoundKey,
  type TournamentCard,
  type TournamentDoc,
} from './model/index.ts';
import {
  LAST_ROUND,
  nurturePool,
  roundPlayers,
  tournamentChecks,
  type NurtureEntry,
  type TournamentFinding,
} from './tournament.ts';
import { todayNumber } from './fire.ts';

/** One entry as it stands in one round of the bracket. */
export interface BracketEntry {
  id: string;
  name: string;
  relationId: string | null;
  /** This round's GO / NO GO; null while open (always null in the last round, which has no decision). */
  decision: Decision | null;
  /** True in the round it entered the tournament in (where it can be taken out again). */
  entersHere: boolean;
}

/**
 * Where a round stands by its dates at `today`: `planned` before its start, `running` from start to end
 * (both inclusive), `ended` after its end; `undated` without a start (or, for running/ended, an end).
 */
export type RoundPhase = 'undated' | 'planned' | 'running' | 'ended';

export interface BracketRound {
  index: number;
  key: RoundKey;
  /** Places in this round: 64, 32, … 1. */
  size: number;
  start: string | null;
  end: string | null;
  /** Days from start to end, when both are set. */
  days: number | null;
  phase: RoundPhase;
  /** The entries playing this round, by name (the given order), then id. */
  players: BracketEntry[];
  go: number;
  noGo: number;
  open: number;
  /** Places not taken: size − players, never below 0. */
  free: number;
  /** How many go on to the next round (its size); 0 for the last round. */
  advances: number;
  /** core/tournament findings about this round (warnings and infos). */
  findings: TournamentFinding[];
}

export interface TournamentBracket {
  rounds: BracketRound[];
  /** The round being played now: the first with an open decision; else the last round anyone plays. */
  current: number;
  /** The entry that reached the last round (the first by name when more did: a `round.size` warning). */
  winner: BracketEntry | null;
  /** NO GO entries, back to the nurture pool: by round, then name, then id. */
  pool: NurtureEntry[];
  /** Every finding of `tournamentChecks`, in its order. */
  findings: TournamentFinding[];
  warnings: number;
  entries: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function phaseOf(start: string | null, end: string | null, now: number): RoundPhase {
  const s = start ? dayNumber(start) : null;
  const e = end ? dayNumber(end) : null;
  if (s === null) return 'undated';
  if (now < s) return 'planned';
  if (e === null) return 'running';
  return now <= e ? 'running' : 'ended';
}

/**
 * The bracket of `doc` at `today` (`YYYY-MM-DD`; a RangeError otherwise). `compareNames` orders players
 * within a round (pass the locale's collator); ties are broken by id so the order is stable.
 */
export function tournamentBracket(
  doc: TournamentDoc,
  today: string,
  compareNames: (a: string, b: string) => number = byString,
): TournamentBracket {
  const now = todayNumber(today);
  const findings = tournamentChecks(doc, today);
  const rounds: BracketRound[] = ROUND_KEYS.map((key, index) => {
    const round = Object.hasOwn(doc.rounds, String(index)) ? doc.rounds[String(index)] : undefined;
    const decisions = round?.decisions ?? {};
    const start = round?.start ?? null;
    const end = round?.end ?? null;
    const players: BracketEntry[] = roundPlayers(doc, index)
      .map((id) => {
        const entry = doc.entries[id]!;
        const decision = index < LAST_ROUND && Object.hasOwn(decisions, id) ? (decisions[id] ?? null) : null;
        return {
          id,
          name: entry.name,
          relationId: entry.relationId,
          decision,
          entersHere: entry.enteredRound === index,
        };
      })
      .sort((a, b) => compareNames(a.name, b.name) || byString(a.id, b.id));
    const size = ROUND_SIZES[index] ?? 0;
    const go = players.filter((p) => p.decision === 'go').length;
    const noGo = players.filter((p) => p.decision === 'noGo').length;
    return {
      index,
      key,
      size,
      start,
      end,
      days: start && end ? daysBetween(start, end) : null,
      phase: phaseOf(start, end, now),
      players,
      go,
      noGo,
      open: index < LAST_ROUND ? players.length - go - noGo : 0,
      free: Math.max(0, size - players.length),
      advances: ROUND_SIZES[index + 1] ?? 0,
      findings: findings.filter((f) => f.params.round === index),
    };
  });
  const firstOpen = rounds.find((r) => r.open > 0);
  const lastPlayed = [...rounds].reverse().find((r) => r.players.length > 0);
  return {
    rounds,
    current: firstOpen?.index ?? lastPlayed?.index ?? 0,
    winner: rounds[LAST_ROUND]?.players[0] ?? null,
    pool: nurturePool(doc),
    findings,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    entries: Object.keys(doc.entries).length,
  };
}

/** The workspace's card of a tournament (what the tournament list shows), from its bracket at `today`. */
export function tournamentCardOf(
  doc: TournamentDoc,
  bracket: TournamentBracket,
  today: string,
): TournamentCard {
  return {
    id: doc.id,
    title: doc.title,
    year: doc.year,
    entries: bracket.entries,
    currentRound: bracket.current,
    wonBy: bracket.winner?.name ?? null,
    warnings: bracket.warnings,
    checkedOn: today,
  };
}
