/** The board's warning lines: core/tournament findings in core's order, a round's undecided entries on one line. */
import { describe, expect, it } from 'vitest';
import type { TournamentFinding } from '../../core/tournament.ts';
import { findingLines } from '../../client/src/ui/tournament/messages.ts';

const undecided = (round: number, entryId: string): TournamentFinding => ({
  id: 'entry.undecided',
  severity: 'info',
  path: `rounds.${round}.decisions.${entryId}`,
  params: { round, entryId },
});
const duration: TournamentFinding = {
  id: 'round.duration',
  severity: 'warning',
  path: 'rounds.1',
  params: { round: 1, days: 21, min: 42, max: 70 },
};
const nameOf = (id: string) => id.toUpperCase();

describe('findingLines', () => {
  it.each<[string, TournamentFinding[], string[]]>([
    ['nothing', [], []],
    [
      'one undecided entry: named',
      [undecided(0, 'a')],
      ['Round 1: Addresses analysed has ended without a GO or NO GO for A.'],
    ],
    [
      'several in a round: one line with count and names',
      [undecided(0, 'a'), undecided(0, 'b'), undecided(0, 'c')],
      ['Round 1: Addresses analysed has ended without a GO or NO GO for 3 entries: A, B, C.'],
    ],
    [
      'more than five: the rest counted',
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => undecided(0, id)),
      [
        'Round 1: Addresses analysed has ended without a GO or NO GO for 7 entries: A, B, C, D, E and 2 more.',
      ],
    ],
    [
      'other findings keep their place, rounds stay apart',
      [undecided(0, 'a'), duration, undecided(1, 'b'), undecided(1, 'c')],
      [
        'Round 1: Addresses analysed has ended without a GO or NO GO for A.',
        'Round 2: Suspects approached runs 21 days (3 weeks); a round should take 6–10 weeks.',
        'Round 2: Suspects approached has ended without a GO or NO GO for 2 entries: B, C.',
      ],
    ],
  ])('%s', (_name, findings, expected) => {
    expect(findingLines(findings, nameOf).map((l) => l.text)).toEqual(expected);
  });

  it('keeps severity and rule for each line, with keys that differ', () => {
    const lines = findingLines([undecided(0, 'a'), duration, undecided(0, 'b')], nameOf);
    expect(lines.map((l) => [l.rule, l.severity])).toEqual([
      ['entry.undecided', 'info'],
      ['round.duration', 'warning'],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
  });
});
