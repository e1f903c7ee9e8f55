import { describe, expect, it } from 'vitest';
import {
  TournamentCard,
  type Decision,
  type TournamentDoc,
  type TournamentEntry,
} from '../../core/model/index.ts';
import { tournamentBracket, tournamentCardOf, type RoundPhase } from '../../core/tournamentBoard.ts';

const TODAY = '2026-06-15';

const entry = (id: string, name = id, enteredRound = 0): TournamentEntry => ({
  id,
  name,
  relationId: null,
  note: '',
  enteredRound,
});

interface RoundSpec {
  start?: string | null;
  end?: string | null;
  decisions?: Record<string, Decision>;
}

const doc = (entries: TournamentEntry[], rounds: Record<number, RoundSpec> = {}): TournamentDoc => ({
  schemaVersion: 1,
  id: 't1',
  workspaceId: 'w',
  year: 2026,
  title: 'XXL 2026',
  entries: Object.fromEntries(entries.map((e) => [e.id, e])),
  rounds: Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].map((i) => [
      String(i),
      {
        index: i,
        start: rounds[i]?.start ?? null,
        end: rounds[i]?.end ?? null,
        decisions: rounds[i]?.decisions ?? {},
      },
    ]),
  ),
  createdAt: '2026-01-01T00:00:00Z',
});

const names = (d: TournamentDoc, round: number) =>
  tournamentBracket(d, TODAY).rounds[round]!.players.map((p) => `${p.name}:${p.decision ?? '-'}`);

describe('tournamentBracket: who plays which round', () => {
  const three = [entry('a', 'Acme'), entry('b', 'Beta'), entry('c', 'Ceres')];
  it.each<[string, TournamentDoc, number, string[]]>([
    ['empty tournament', doc([]), 0, []],
    [
      'all open in round 0, by name',
      doc([entry('z', 'Zeta'), ...three]),
      0,
      ['Acme:-', 'Beta:-', 'Ceres:-', 'Zeta:-'],
    ],
    [
      'decisions shown in their round',
      doc(three, { 0: { decisions: { a: 'go', b: 'noGo' } } }),
      0,
      ['Acme:go', 'Beta:noGo', 'Ceres:-'],
    ],
    ['only GO plays the next round', doc(three, { 0: { decisions: { a: 'go', b: 'noGo' } } }), 1, ['Acme:-']],
    ['an entry entering later plays from there', doc([...three, entry('d', 'Delta', 2)]), 2, ['Delta:-']],
    ['… and not before', doc([...three, entry('d', 'Delta', 2)]), 1, []],
    [
      'GO through round 5 reaches the last round, which has no decision',
      doc(
        [entry('a', 'Acme')],
        Object.fromEntries([0, 1, 2, 3, 4, 5].map((r) => [r, { decisions: { a: 'go' as const } }])),
      ),
      6,
      ['Acme:-'],
    ],
  ])('%s', (_name, d, round, expected) => {
    expect(names(d, round)).toEqual(expected);
  });

  it('orders by the given comparison, ties by id', () => {
    const d = doc([entry('y', 'same'), entry('x', 'same'), entry('a', 'Émile'), entry('b', 'Erik')]);
    const collator = new Intl.Collator('nl', { sensitivity: 'base' });
    expect(tournamentBracket(d, TODAY, collator.compare).rounds[0]!.players.map((p) => p.id)).toEqual([
      'a',
      'b',
      'x',
      'y',
    ]);
  });

  it('marks the round an entry entered in', () => {
    const d = doc([entry('a', 'Acme'), entry('d', 'Delta', 1)], { 0: { decisions: { a: 'go' } } });
    expect(tournamentBracket(d, TODAY).rounds[1]!.players.map((p) => [p.id, p.entersHere])).toEqual([
      ['a', false],
      ['d', true],
    ]);
  });
});

describe('tournamentBracket: counts, places and phases', () => {
  it('counts GO, NO GO, open and free places', () => {
    const d = doc([entry('a'), entry('b'), entry('c'), entry('d')], {
      0: { decisions: { a: 'go', b: 'noGo' } },
    });
    const r0 = tournamentBracket(d, TODAY).rounds[0]!;
    expect([r0.size, r0.go, r0.noGo, r0.open, r0.free, r0.advances]).toEqual([64, 1, 1, 2, 60, 32]);
    const r6 = tournamentBracket(d, TODAY).rounds[6]!;
    expect([r6.size, r6.free, r6.advances, r6.open]).toEqual([1, 1, 0, 0]);
  });

  it.each<[string, string | null, string | null, RoundPhase, number | null]>([
    ['no dates', null, null, 'undated', null],
    ['end only', null, '2026-07-01', 'undated', null],
    ['starts later', '2026-07-01', '2026-08-20', 'planned', 50],
    ['starts today', TODAY, '2026-08-01', 'running', 47],
    ['ends today', '2026-05-01', TODAY, 'running', 45],
    ['ended yesterday', '2026-04-01', '2026-06-14', 'ended', 74],
    ['started, no end yet', '2026-06-01', null, 'running', null],
  ])('phase: %s', (_name, start, end, phase, days) => {
    const r0 = tournamentBracket(doc([], { 0: { start, end } }), TODAY).rounds[0]!;
    expect([r0.phase, r0.days]).toEqual([phase, days]);
  });

  it('gives each round its own findings', () => {
    const d = doc([entry('a')], {
      0: { start: '2026-01-05', end: '2026-01-26' },
      1: { start: '2026-02-01', end: '2026-03-20' },
    });
    const b = tournamentBracket(d, TODAY);
    expect(b.rounds[0]!.findings.map((f) => f.id)).toContain('round.duration');
    expect(b.rounds[1]!.findings.map((f) => f.id)).not.toContain('round.duration');
    expect(b.warnings).toBe(b.findings.filter((f) => f.severity === 'warning').length);
  });
});

describe('tournamentBracket: current round, winner, pool, card', () => {
  it.each<[string, TournamentDoc, number]>([
    ['empty: round 0', doc([]), 0],
    ['open decisions in round 0', doc([entry('a'), entry('b')], { 0: { decisions: { a: 'go' } } }), 0],
    [
      'round 0 decided: the first round with an open decision',
      doc([entry('a'), entry('b')], { 0: { decisions: { a: 'go', b: 'noGo' } } }),
      1,
    ],
    ['everyone out: the last round anyone played', doc([entry('a')], { 0: { decisions: { a: 'noGo' } } }), 0],
  ])('current: %s', (_name, d, current) => {
    expect(tournamentBracket(d, TODAY).current).toBe(current);
  });

  it('names the winner, lists the pool and makes a valid card', () => {
    const allGo: Record<number, RoundSpec> = Object.fromEntries(
      [0, 1, 2, 3, 4, 5].map((r) => [r, { decisions: { a: 'go' } }]),
    );
    allGo[0] = { decisions: { a: 'go', b: 'noGo' } };
    const d = doc([entry('a', 'Acme'), entry('b', 'Beta')], allGo);
    const b = tournamentBracket(d, TODAY);
    expect(b.winner?.name).toBe('Acme');
    expect(b.current).toBe(6);
    expect(b.pool).toEqual([{ entryId: 'b', name: 'Beta', relationId: null, round: 0 }]);
    const card = tournamentCardOf(d, b, TODAY);
    expect(card).toEqual({
      id: 't1',
      title: 'XXL 2026',
      year: 2026,
      entries: 2,
      currentRound: 6,
      wonBy: 'Acme',
      warnings: b.warnings,
      checkedOn: TODAY,
    });
    expect(TournamentCard.safeParse(card).success).toBe(true);
  });

  it('refuses a today that is not a date', () => {
    expect(() => tournamentBracket(doc([]), '15-06-2026')).toThrow(RangeError);
  });
});
